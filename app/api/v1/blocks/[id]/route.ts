import { text } from "@/server/operations/text";
import { route } from "@/server/api/route";

export const GET = route(text.get);
export const PUT = route(text.update);
export const DELETE = route(text.delete);
