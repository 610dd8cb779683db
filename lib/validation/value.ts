/**
 * The single definition of a valid metric value. The value form (through the
 * react-hook-form zod resolver) and the server (API route / server action) both parse
 * with these schemas, so the browser can never accept what the server then rejects.
 */
import { z } from "zod";
import { MAX_ABS_VALUE, QUALIFIERS, TEXT_LIMITS, type Unit } from "@/lib/domain";
import { formatPlain } from "@/lib/numbers/format";
import { parseHumanNumber } from "@/lib/numbers/parse";
import { provenanceFieldsSchema } from "./provenance";
import { sourceProblem } from "./source";

/** What a metric allows; min/max are the metric's own bounds, null when unset. */
export type MetricRules = { unit: Unit; min: number | null; max: number | null; label?: string };

type Checked = { ok: true; value: number } | { ok: false; message: string };

/** The first unit or metric rule `value` breaks, as "must …", or null. */
function ruleProblem(value: number, rules: MetricRules): string | null {
  if (!Number.isFinite(value)) return "must be a finite number";
  switch (rules.unit) {
    case "count":
      if (!Number.isInteger(value)) return "must be a whole number";
      if (value < 0) return "must be 0 or more";
      break;
    case "percent":
      if (value < 0 || value > 100) return "must be between 0 and 100";
      // The report prints at most one decimal ("43.5%"); more would be false precision.
      // n/10 is the double nearest to the decimal n/10, so this is exact for typed values.
      if (Math.round(value * 10) / 10 !== value) return "must have at most one decimal place";
      break;
    default:
      // Money and distances/areas are amounts: a fall is recorded as a smaller amount.
      if (value < 0) return "must be 0 or more";
  }
  // Unit rules already rule out negatives, so only the upper bound can still fail.
  if (value > MAX_ABS_VALUE) return `must be at most ${formatPlain(MAX_ABS_VALUE, rules.unit)}`;
  if (rules.min !== null && value < rules.min) return `must be at least ${formatPlain(rules.min, rules.unit)}`;
  if (rules.max !== null && value > rules.max) return `must be at most ${formatPlain(rules.max, rules.unit)}`;
  return null;
}

/** A typed or entered value checked against the metric; messages start with the label. */
function checkValue(raw: string | number, rules: MetricRules, label: string): Checked {
  let value: number;
  if (typeof raw === "string") {
    // "43%" typed into a count would otherwise be silently stored as 43 people.
    if (raw.includes("%") && rules.unit !== "percent") {
      return { ok: false, message: `${label} is not a percentage: leave out the “%”` };
    }
    if (/\$|\bUSD\b/i.test(raw) && rules.unit !== "usd") {
      return { ok: false, message: `${label} is not in US dollars: leave out the “$”` };
    }
    const parsed = parseHumanNumber(raw);
    // Parser messages start with the quoted input: "Value “7,60,00” is not a number: …".
    if (!parsed.ok) return { ok: false, message: `${label} ${parsed.message}` };
    value = parsed.value;
  } else {
    value = raw;
  }
  const problem = ruleProblem(value, rules);
  return problem ? { ok: false, message: `${label} ${problem}` } : { ok: true, value };
}

const isBlank = (raw: unknown) => raw === null || (typeof raw === "string" && raw.trim() === "");

/**
 * Shared entry guard. z.custom rather than z.union([z.string(), z.number()]) so that
 * NaN and Infinity reach ruleProblem and get its message instead of zod's generic one.
 */
function rawValue<T>(accepts: (raw: unknown) => boolean, label: string) {
  return z.custom<T>(accepts, {
    error: (issue) => (issue.input == null ? `${label} is required` : `${label} must be a number`),
  });
}

/** Value that may be cleared: null, "" or blanks give null; otherwise a checked number. */
export function valueNumberSchema(rules: MetricRules) {
  const label = rules.label ?? "Value";
  return rawValue<string | number | null>((raw) => raw === null || typeof raw === "string" || typeof raw === "number", label).transform(
    (raw, ctx): number | null => {
      if (raw === null || isBlank(raw)) return null;
      const checked = checkValue(raw, rules, label);
      if (checked.ok) return checked.value;
      ctx.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    },
  );
}

/** Trimmed free text; "" means "no text", stored as null rather than an empty string. */
function optionalText(label: string, max: number) {
  return (
    z
      .string({ error: `${label} must be text` })
      .trim()
      .max(max, `${label} must be at most ${formatPlain(max, "count")} characters`)
      // Also reached by imported files, which no JSON body scan sees.
      .refine((text) => !text.includes("\u0000"), `${label} contains a NUL character (\\u0000), which text may not hold`)
      .transform((text) => (text === "" ? null : text))
      .nullable()
      .optional()
  );
}

// "" is what an unselected <select> submits and "none" is its explicit option.
const qualifierSchema = z
  .enum([...QUALIFIERS, "", "none"], { error: "Qualifier must be “over”, “about” or none" })
  .nullable()
  .optional()
  .transform((q) => (q === "" || q === "none" ? null : q));

/** One value save, from the form or the API. Unknown keys are stripped (zod's default). */
export function valueSaveSchema(rules: MetricRules) {
  return z.object({
    value: valueNumberSchema(rules),
    qualifier: qualifierSchema,
    note: optionalText("Note", TEXT_LIMITS.note),
    source: optionalText("Source", TEXT_LIMITS.source).superRefine((source, ctx) => {
      const problem = source ? sourceProblem(source) : null;
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    ...provenanceFieldsSchema,
    // The version the editor loaded, for optimistic locking against concurrent edits.
    version: z.number({ error: "Version must be a number" }).int("Version must be a whole number").nonnegative("Version must be 0 or more").optional(),
    reason: optionalText("Reason", TEXT_LIMITS.reason),
  });
}

/**
 * `{ "value": "Value must be a whole number", "note": … }`: the first message per field,
 * path joined with "." and "_" for the whole input. This is the API's
 * `{"error": {"fields": …}}` body and maps one-to-one onto react-hook-form's setError.
 */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}
