import { rules } from "@/server/operations/rules";
import { route } from "@/server/api/route";

export const GET = route(rules.get);
export const PUT = route(rules.update);
export const DELETE = route(rules.delete);
