import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/domain";

/** A comment as typed: kept as plain text (always rendered escaped), ends trimmed, no NUL (PostgreSQL cannot store it). */
export const commentSchema = z.object({
  text: z
    .string({ error: "Comment is required" })
    .trim()
    .min(1, "Comment is required")
    .max(TEXT_LIMITS.comment, `Comment must be at most ${TEXT_LIMITS.comment.toLocaleString("en-US")} characters`)
    .refine((t) => !t.includes("\u0000"), "Comment cannot contain a NUL character"),
});
