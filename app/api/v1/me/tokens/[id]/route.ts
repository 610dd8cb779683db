import { people } from "@/server/operations/people";
import { route } from "@/server/api/route";

export const DELETE = route(people.revokeToken);
