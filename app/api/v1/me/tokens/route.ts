import { people } from "@/server/operations/people";
import { route } from "@/server/api/route";

export const GET = route(people.tokens);
export const POST = route(people.createToken);
export const DELETE = route(people.revokeTokens);
