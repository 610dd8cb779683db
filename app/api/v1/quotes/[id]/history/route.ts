import { quotes } from "@/server/operations/quotes";
import { route } from "@/server/api/route";

export const GET = route(quotes.history);
