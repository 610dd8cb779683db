/** Snapshots: the list's query, and a new snapshot's optional reason (the API's body and the form's). */
import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/domain";
import { cursorParam, limitParam } from "./params";

export const snapshotListQuery = z.object({
  limit: limitParam(100).default(20),
  before: cursorParam.optional(),
});

export const createSnapshotSchema = z.object({
  reason: z
    .string({ error: "Reason must be text" })
    .trim()
    .max(TEXT_LIMITS.reason, `Reason must be at most ${TEXT_LIMITS.reason.toLocaleString("en-US")} characters`)
    .optional(),
});
