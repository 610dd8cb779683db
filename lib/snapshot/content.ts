import { z } from "zod";
import { checkSchema } from "@/lib/checks/schema";
import { QUALIFIERS, UNITS } from "@/lib/domain";

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
    }),
  ),
  quotes: z.array(z.object({ speaker: z.string(), title: z.string(), section: z.string(), text: z.string() })),
});

/** Kept beside a snapshot's content when its lock overrode failing error checks. */
export const signOffSchema = z.object({ overrideReason: z.string(), failingChecks: z.array(checkSchema) }).meta({ id: "SignOff" });

export type YearContentData = z.infer<typeof yearContentSchema>;

export function parseSnapshotContent(content: string): YearContentData {
  return yearContentSchema.parse(JSON.parse(content));
}
