import { text } from "@/server/operations/text";
import { route } from "@/server/api/route";

export const GET = route(text.list);
export const POST = route(text.create);
