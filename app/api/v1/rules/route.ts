import { rules } from "@/server/operations/rules";
import { route } from "@/server/api/route";

export const GET = route(rules.list);
export const POST = route(rules.create);
