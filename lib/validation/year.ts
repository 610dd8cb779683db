import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/domain";
import { yearParam } from "./params";

export const openYearSchema = z.object({ year: yearParam });

export const unlockYearSchema = z.object({
  reason: z
    .string({ error: "Reason is required" })
    .trim()
    .min(3, "Reason is required: say why the signed-off year must change")
    .max(TEXT_LIMITS.reason, `Reason must be at most ${TEXT_LIMITS.reason.toLocaleString("en-US")} characters`),
});
