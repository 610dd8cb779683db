/** Snapshots: the list's query, and a new snapshot's reason from the API and from the form. */
import { z } from "zod";
import { TEXT_LIMITS } from "@/lib/domain";
import { cursorParam, limitParam, yearParam } from "./params";

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

/** The snapshot form: the year it is on, and an optional reason. */
export const takeSnapshotSchema = createSnapshotSchema.extend({ year: yearParam });
