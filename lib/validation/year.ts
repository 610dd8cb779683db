import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/domain";
import { yearParam } from "./params";

const quoteId = z.number({ error: "Quote ids must be numbers" }).int("Quote ids must be whole numbers").positive("Quote ids must be positive");

/** `copyFrom`: the year whose chapter text is copied; `quoteIds`: quotes of any earlier years to copy. */
export const openYearSchema = z.object({
  year: yearParam,
  copyFrom: yearParam.optional(),
  quoteIds: z.array(quoteId, { error: "quoteIds must be a list of quote ids" }).max(500, "At most 500 quotes at once").optional(),
});

export const unlockYearSchema = z.object({
  reason: z
    .string({ error: "Reason is required" })
    .trim()
    .min(3, "Reason is required: say why the signed-off year must change")
    .max(TEXT_LIMITS.reason, `Reason must be at most ${TEXT_LIMITS.reason.toLocaleString("en-US")} characters`),
});
