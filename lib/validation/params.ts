import { z } from "zod";
import { MAX_YEAR, MIN_YEAR } from "@/lib/domain";

/** The largest id or cursor the database's integer columns hold; past it a query would fail. */
const MAX_ID = 2_147_483_647;

/**
 * A whole number as a JSON number or as plain digits. z.coerce would read "0x7e7", " 2023"
 * and "2.023e3" as 2023, so a path or query string must be digits and nothing else.
 */
function plainNumber(what: string) {
  return z.union([z.number(), z.string()], { error: `${what} must be a number` }).transform((raw, ctx): number => {
    if (typeof raw === "number") return raw;
    if (/^\d{1,16}$/.test(raw)) return Number(raw);
    ctx.addIssue({ code: "custom", message: `${what} must be written as plain digits` });
    return z.NEVER;
  });
}

export const yearParam = plainNumber("Year").pipe(
  z
    .number()
    .int("Year must be a whole number")
    .min(MIN_YEAR, `Year must be between ${MIN_YEAR} and ${MAX_YEAR}`)
    .max(MAX_YEAR, `Year must be between ${MIN_YEAR} and ${MAX_YEAR}`),
);

/** A row id or a keyset cursor ("before", "after"): positive and within the integer range. */
export function idParam(what = "Id") {
  return plainNumber(what).pipe(
    z
      .number()
      .int(`${what} must be a positive whole number`)
      .positive(`${what} must be a positive whole number`)
      .max(MAX_ID, `${what} must be at most ${MAX_ID}`),
  );
}

/** A page size between 1 and `max`. */
export function limitParam(max: number) {
  return plainNumber("Limit").pipe(z.number().int("Limit must be a whole number").min(1, "Limit must be at least 1").max(max, `Limit must be at most ${max}`));
}

export const cursorParam = idParam("Cursor");

export const yearParams = z.object({ year: yearParam });
export const metricKeyParam = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "Metric key must be a lowercase slug");
export const yearMetricParams = z.object({ year: yearParam, metricKey: metricKeyParam });
export const idParams = z.object({ id: idParam() });
export const metricKeyParams = z.object({ key: metricKeyParam });
