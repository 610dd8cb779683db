import { text } from "@/server/operations/text";
import { route } from "@/server/api/route";

export const PUT = route(text.setTie);
