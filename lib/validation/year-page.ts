import { z } from "zod";
import { historyQuery } from "./history";
import { idParams, metricKeyParam, yearParam } from "./params";
import { createQuoteSchema, deleteQuoteSchema, updateQuoteSchema } from "./quote";
import { commentSchema } from "./comment";
import { valueBatchSchema } from "./value-batch";
import { lockYearSchema, returnYearSchema, unlockYearSchema } from "./year";

/**
 * Envelopes of the year page's server actions: where the change goes (year, metric, quote),
 * plus the same body schema the API route parses. A value's own fields are parsed by
 * saveValue with the metric's rules, exactly as for PUT /years/{year}/values/{metricKey}.
 */
export const saveValueAction = z.object({ year: yearParam, metricKey: metricKeyParam, fields: z.unknown() });
export const saveValuesAction = valueBatchSchema.extend({ year: yearParam });
export const valueHistoryAction = historyQuery.extend({ year: yearParam, metricKey: metricKeyParam });
export const yearAction = z.object({ year: yearParam });
export const unlockYearAction = unlockYearSchema.extend({ year: yearParam });
export const lockYearAction = lockYearSchema.extend({ year: yearParam });
export const returnYearAction = returnYearSchema.extend({ year: yearParam });
export const valueCommentsAction = z.object({ year: yearParam, metricKey: metricKeyParam });
export const addCommentAction = commentSchema.extend({ year: yearParam, metricKey: metricKeyParam });
export const commentAction = idParams;
export const createQuoteAction = z.object({ year: yearParam, quote: createQuoteSchema });
export const updateQuoteAction = idParams.extend({ quote: updateQuoteSchema });
export const deleteQuoteAction = idParams.extend({ quote: deleteQuoteSchema });
export const quoteHistoryAction = idParams;
export const copyQuotesAction = z.object({
  year: yearParam,
  ids: z.array(z.number().int().positive()).min(1, "Pick at least one quote to copy").max(200, "Copy at most 200 quotes at once"),
});
