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

export const returnYearSchema = z.object({
  message: z
    .string({ error: "Message is required" })
    .trim()
    .min(3, "Message is required: say what the editors should look at")
    .max(TEXT_LIMITS.returnMessage, `Message must be at most ${TEXT_LIMITS.returnMessage.toLocaleString("en-US")} characters`)
    .refine((t) => !t.includes("\u0000"), "Message cannot contain a NUL character"),
});

/** The overriding reason a lock needs while an error check fails; absent (or an empty body) is a plain lock. */
export const OVERRIDE_REASON_MIN = 10;
export const lockYearSchema = z.object({
  overrideReason: z
    .string({ error: "Override reason must be text" })
    .trim()
    .min(OVERRIDE_REASON_MIN, `Override reason must be at least ${OVERRIDE_REASON_MIN} characters: say why the year is signed off despite its errors`)
    .max(TEXT_LIMITS.reason, `Override reason must be at most ${TEXT_LIMITS.reason.toLocaleString("en-US")} characters`)
    .optional(),
});
