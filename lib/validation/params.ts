import { z } from "zod";
import { MAX_YEAR, MIN_YEAR } from "@/lib/domain";

export const yearParam = z.coerce
  .number({ error: "Year must be a number" })
  .int("Year must be a whole number")
  .min(MIN_YEAR, `Year must be between ${MIN_YEAR} and ${MAX_YEAR}`)
  .max(MAX_YEAR, `Year must be between ${MIN_YEAR} and ${MAX_YEAR}`);

export const yearParams = z.object({ year: yearParam });
export const metricKeyParam = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, "Metric key must be a lowercase slug");
export const yearMetricParams = z.object({ year: yearParam, metricKey: metricKeyParam });
export const idParams = z.object({ id: z.coerce.number().int().positive("Id must be a positive whole number").max(2_147_483_647) });
export const metricKeyParams = z.object({ key: metricKeyParam });
