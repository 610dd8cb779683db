import { people } from "@/server/operations/people";
import { route } from "@/server/api/route";

export const PATCH = route(people.update);
