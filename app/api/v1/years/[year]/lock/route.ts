import { years } from "@/server/operations/years";
import { route } from "@/server/api/route";

export const POST = route(years.lock);
