import { rules } from "@/server/operations/rules";
import { route } from "@/server/api/route";

export const POST = route(rules.preview);
