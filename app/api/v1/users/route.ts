import { people } from "@/server/operations/people";
import { route } from "@/server/api/route";

export const GET = route(people.list);
export const POST = route(people.create);
