import { values } from "@/server/operations/values";
import { route } from "@/server/api/route";

export const PUT = route(values.save);
