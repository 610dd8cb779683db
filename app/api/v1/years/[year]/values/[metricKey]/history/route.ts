import { values } from "@/server/operations/values";
import { route } from "@/server/api/route";

export const GET = route(values.history);
