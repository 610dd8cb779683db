import { values } from "@/server/operations/values";
import { route } from "@/server/api/route";

export const GET = route(values.list);
export const PUT = route(values.saveMany);
