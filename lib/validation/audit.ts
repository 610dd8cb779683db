import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { cursorParam, idParam, yearParam } from "./params";

// An empty form field ("any") arrives as "" from the GET form: treat it as absent.
const blankAsAbsent = (v: unknown) => (v === "" ? undefined : v);

/** Filters of the audit page's GET form and of `GET /api/v1/audit`; `before`/`after` are keyset cursors on id. */
export const auditQuery = z.object({
  person: z.preprocess(blankAsAbsent, idParam("Person").optional()),
  year: z.preprocess(blankAsAbsent, yearParam.optional()),
  metric: z.preprocess(
    blankAsAbsent,
    z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, "Metric key must be a lowercase slug")
      .optional(),
  ),
  action: z.preprocess(blankAsAbsent, z.enum(AUDIT_ACTIONS, { error: "Unknown action" }).optional()),
  before: z.preprocess(blankAsAbsent, cursorParam.optional()),
  after: z.preprocess(blankAsAbsent, cursorParam.optional()),
});

export type AuditQuery = z.output<typeof auditQuery>;
