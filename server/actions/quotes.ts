"use server";

import { action } from "@/server/actions/safe-action";
import { quotes } from "@/server/operations/quotes";

export const createQuoteAction = action(quotes.create);
export const updateQuoteAction = action(quotes.update);
export const deleteQuoteAction = action(quotes.delete);
export const quoteHistoryAction = action(quotes.history);
export const earlierQuotesAction = action(quotes.earlier);
export const copyQuotesAction = action(quotes.copy);
