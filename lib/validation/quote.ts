import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/domain";

const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(min, `${label} is required`)
    .max(max, `${label} must be at most ${max.toLocaleString("en-US")} characters`);

const version = z.number({ error: "Version must be a number" }).int("Version must be a whole number").min(1, "Version must be 1 or more");

/** A quote as typed: stored exactly (after trimming the ends) and always shown as text, never HTML. */
export const quoteFieldsSchema = z.object({
  speaker: text("Speaker", 1, 200),
  title: text("Title", 0, 300),
  section: text("Section", 1, 64),
  // Inner whitespace and line breaks are the speaker's: only the ends are trimmed.
  text: text("Text", 1, TEXT_LIMITS.quoteText),
});

export const createQuoteSchema = quoteFieldsSchema.extend({ reason: z.string().trim().max(TEXT_LIMITS.reason).optional() });
export const updateQuoteSchema = quoteFieldsSchema.extend({ version: version.optional(), reason: z.string().trim().max(TEXT_LIMITS.reason).optional() });
export const deleteQuoteSchema = z.object({ version: version.optional(), reason: z.string().trim().max(TEXT_LIMITS.reason).optional() });

export type QuoteFields = z.output<typeof quoteFieldsSchema>;

/** Quotes of another year picked on the year page, copied as new quotes. */
export const copyQuotesSchema = z.object({
  ids: z.array(z.number().int().positive()).min(1, "Pick at least one quote to copy").max(200, "Copy at most 200 quotes at once"),
});
