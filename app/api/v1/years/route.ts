import { years } from "@/server/operations/years";
import { route } from "@/server/api/route";

export const GET = route(years.list);
export const POST = route(years.open);
