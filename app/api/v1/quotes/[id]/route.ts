import { quotes } from "@/server/operations/quotes";
import { route } from "@/server/api/route";

export const PUT = route(quotes.update);
export const DELETE = route(quotes.delete);
