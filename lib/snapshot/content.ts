import { z } from "zod";
import { checkSchema } from "@/lib/checks/schema";
import { BLOCK_KINDS, QUALIFIERS, UNITS } from "@/lib/domain";

/**
 * The shape of a year's canonical content (db/queries/year-content.ts), as stored in a
 * snapshot. Snapshots are read back through this schema rather than cast, so a snapshot
 * written by an older version fails loudly instead of rendering half a year.
 */
export const yearContentSchema = z.object({
  format: z.literal("report-desk/year@1"),
  year: z.number().int(),
  values: z.array(
    z.object({
      metricKey: z.string(),
      section: z.string(),
      label: z.string(),
      unit: z.enum(UNITS),
      value: z.number().nullable(),
      qualifier: z.enum(QUALIFIERS).nullable(),
      note: z.string().nullable(),
      source: z.string().nullable(),
      // Since 1.1: printed wording and structured provenance. Optional so earlier snapshots still read.
      wording: z.string().nullable().optional(),
      sourceProducer: z.string().nullable().optional(),
      sourceTitle: z.string().nullable().optional(),
      sourceUrl: z.string().nullable().optional(),
      sourcePublished: z.string().nullable().optional(),
      sourceAccessed: z.string().nullable().optional(),
      sourcePhrase: z.string().nullable().optional(),
    }),
  ),
  quotes: z.array(z.object({ speaker: z.string(), title: z.string(), section: z.string(), text: z.string() })),
  // Since 1.1: the chapter's text, as written and as printed, so a snapshot freezes the whole chapter.
  blocks: z
    .array(
      z.object({
        kind: z.enum(BLOCK_KINDS),
        section: z.string(),
        position: z.number().int(),
        text: z.string(),
        attributes: z.record(z.string(), z.string()),
        rendered: z.string(),
      }),
    )
    .optional(),
});

/** Kept beside a snapshot's content when its lock overrode failing error checks. */
export const signOffSchema = z.object({ overrideReason: z.string(), failingChecks: z.array(checkSchema) }).meta({ id: "SignOff" });

export type YearContentData = z.infer<typeof yearContentSchema>;
/** A figure as a snapshot freezes it: no version, timestamp or writer. */
export type ContentValue = YearContentData["values"][number];
export type ContentQuote = YearContentData["quotes"][number];

export function parseSnapshotContent(content: string): YearContentData {
  return yearContentSchema.parse(JSON.parse(content));
}
