/**
 * The extra fields of a value beside its free-text source: the report's printed wording of the
 * figure and where the figure comes from, structured (producer, title, address, dates) with the
 * source's own supporting phrase. All optional; omitted keeps what is stored, null clears.
 */
import { z } from "zod";

export const PROVENANCE_FIELDS = ["wording", "sourceProducer", "sourceTitle", "sourceUrl", "sourcePublished", "sourceAccessed", "sourcePhrase"] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];
export type Provenance = Record<ProvenanceField, string | null>;

export const PROVENANCE_LABELS: Record<ProvenanceField, string> = {
  wording: "Printed wording",
  sourceProducer: "Producer",
  sourceTitle: "Source title",
  sourceUrl: "Source address",
  sourcePublished: "Date published",
  sourceAccessed: "Date accessed",
  sourcePhrase: "Supporting phrase",
};

const blankToNull = (text: string) => (text === "" ? null : text);

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max.toLocaleString("en-US")} characters`)
    .transform(blankToNull);

const isoDate = (label: string) =>
  z
    .string({ error: `${label} must be a date like 2023-06-30` })
    .trim()
    .refine((d) => d === "" || (/^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`))), `${label} must be a date like 2023-06-30`)
    .transform(blankToNull);

const url = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(1_000, `${label} must be at most 1,000 characters`)
    .refine((u) => u === "" || /^https?:\/\/[^\s]+$/i.test(u), `${label} must start with http:// or https://`)
    .transform(blankToNull);

/** The words printed before or after the number in place of the qualifier's: "more than", "+". */
const wordingSchema = text(PROVENANCE_LABELS.wording, 40).refine(
  (w) => w === null || !/\d/.test(w),
  "Printed wording holds words such as “more than” or “+”, not digits",
);

export const provenanceFieldsSchema = {
  wording: wordingSchema.nullable().optional(),
  sourceProducer: text(PROVENANCE_LABELS.sourceProducer, 300).nullable().optional(),
  sourceTitle: text(PROVENANCE_LABELS.sourceTitle, 500).nullable().optional(),
  sourceUrl: url(PROVENANCE_LABELS.sourceUrl).nullable().optional(),
  sourcePublished: isoDate(PROVENANCE_LABELS.sourcePublished).nullable().optional(),
  sourceAccessed: isoDate(PROVENANCE_LABELS.sourceAccessed).nullable().optional(),
  sourcePhrase: text(PROVENANCE_LABELS.sourcePhrase, 2_000).nullable().optional(),
};

/** The stored provenance of a row (any object holding the columns). */
export function pickProvenance(row: Partial<Record<ProvenanceField, string | null>>): Provenance {
  return Object.fromEntries(PROVENANCE_FIELDS.map((f) => [f, row[f] ?? null])) as Provenance;
}
