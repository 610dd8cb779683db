import { z } from "zod";
import { DIRECTIONS, MAX_ABS_VALUE, MAX_YEAR, MIN_YEAR, TEXT_LIMITS, UNITS } from "@/lib/domain";

const METRIC_KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

const metricKeySchema = z
  .string({ error: "Key is required" })
  .trim()
  .min(1, "Key is required")
  .regex(METRIC_KEY_PATTERN, "Key must start with a lowercase letter and use only a–z, 0–9 and _ (at most 64 characters)");

const label = z.string({ error: "Label is required" }).trim().min(1, "Label is required").max(200, "Label must be at most 200 characters");
const section = z.string({ error: "Section is required" }).trim().min(1, "Choose a section").max(64, "Section is not valid");
const unit = z.enum(UNITS, { error: `Unit must be one of ${UNITS.join(", ")}` });
const direction = z.enum(DIRECTIONS, { error: `Direction must be one of ${DIRECTIONS.join(", ")}` });
// Blank is "no description": stored as null rather than an empty string.
const description = z
  .string()
  .trim()
  .max(2_000, "Description must be at most 2,000 characters")
  .nullable()
  .transform((v) => (v ? v : null));
const bound = z
  .number({ error: "Must be a number" })
  .refine((n) => Number.isFinite(n) && Math.abs(n) <= MAX_ABS_VALUE, "Must be a finite number of at most 1e15")
  .nullable();

const changePct = z
  .number({ error: "Must be a number" })
  .refine((n) => Number.isFinite(n) && n > 0 && n <= 1e6, "Must be a percentage above 0")
  .nullable();

const minNotAboveMax = (v: { min?: number | null; max?: number | null }) => v.min == null || v.max == null || v.min <= v.max;
const minMaxIssue = { path: ["max"], message: "Maximum must be at least the minimum" };
const warnNotInverted = (v: { warnMin?: number | null; warnMax?: number | null }) => v.warnMin == null || v.warnMax == null || v.warnMin <= v.warnMax;
const warnIssue = { path: ["warnMax"], message: "Warn above must be at least warn below" };

/** The new-metric form and `POST /api/v1/metrics`. */
export const createMetricSchema = z
  .object({
    key: metricKeySchema,
    label,
    section,
    unit,
    direction,
    description: description.optional(),
    min: bound.optional(),
    max: bound.optional(),
    warnMin: bound.optional(),
    warnMax: bound.optional(),
    warnChangePct: changePct.optional(),
  })
  .refine(minNotAboveMax, minMaxIssue)
  .refine(warnNotInverted, warnIssue);

/**
 * The edit form and `PUT /api/v1/metrics/{key}`: every field optional, omitted ones keep their
 * value. `key` is accepted only so a client that sends the whole metric back is not refused for
 * it; the command refuses a different key (keys are immutable: values and imports refer to them).
 */
export const updateMetricSchema = z
  .object({
    key: z.string().optional(),
    label: label.optional(),
    section: section.optional(),
    unit: unit.optional(),
    direction: direction.optional(),
    description: description.optional(),
    min: bound.optional(),
    max: bound.optional(),
    warnMin: bound.optional(),
    warnMax: bound.optional(),
    warnChangePct: changePct.optional(),
    archived: z.boolean({ error: "Archived must be true or false" }).optional(),
  })
  .refine(minNotAboveMax, minMaxIssue)
  .refine(warnNotInverted, warnIssue);

/** `POST /api/v1/metrics/{key}/breaks`: the series means something else from `year` on. */
export const metricBreakSchema = z.object({
  year: z
    .number({ error: "Year must be a number" })
    .int("Year must be a whole number")
    .min(MIN_YEAR, `Year must be between ${MIN_YEAR} and ${MAX_YEAR}`)
    .max(MAX_YEAR, `Year must be between ${MIN_YEAR} and ${MAX_YEAR}`),
  note: z
    .string({ error: "Note is required" })
    .trim()
    .min(3, "Note is required: say what changed in the definition")
    .max(TEXT_LIMITS.breakNote, `Note must be at most ${TEXT_LIMITS.breakNote.toLocaleString("en-US")} characters`),
});
export type MetricBreakInput = z.output<typeof metricBreakSchema>;

export type CreateMetricInput = z.output<typeof createMetricSchema>;
export type UpdateMetricInput = z.output<typeof updateMetricSchema>;
