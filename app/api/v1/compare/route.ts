import { compare } from "@/server/operations/compare";
import { route } from "@/server/api/route";

export const GET = route(compare.years);
