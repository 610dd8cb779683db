import { z } from "zod";
import type { Check } from "./types";

/** A check as JSON (the API's answers, a lock's snapshot); typed against lib/checks/types.ts. */
export const checkSchema = z
  .object({
    kind: z.enum(["rule", "range", "outlier", "missing", "text", "comment"]),
    severity: z.enum(["error", "warning"]),
    message: z.string(),
    metricKey: z.string().optional(),
    blockId: z.number().int().optional(),
    quoteId: z.number().int().optional(),
    ruleKey: z.string().optional(),
  })
  .meta({ id: "Check" }) satisfies z.ZodType<Check>;
