import "server-only";
import { auditLog } from "../schema";
import { faultPoint } from "./fault-point";
import type { Executor } from "../client";

export type AuditAction =
  | "sign_in"
  | "sign_in_failed"
  | "sign_in_refused"
  | "sign_out"
  | "user_created"
  | "user_role_changed"
  | "user_deactivated"
  | "user_reactivated"
  | "user_password_reset"
  | "password_changed"
  | "password_change_failed"
  | "token_created"
  | "token_revoked"
  | "year_opened"
  | "year_submitted"
  | "year_returned"
  | "year_locked"
  | "year_unlocked"
  | "value_saved"
  | "quote_saved"
  | "quote_deleted"
  | "metric_created"
  | "metric_updated"
  | "metric_break_added"
  | "rule_created"
  | "rule_updated"
  | "rule_deleted"
  | "comment_added"
  | "comment_resolved"
  | "comment_reopened"
  | "import_applied"
  | "snapshot_created"
  | "block_saved"
  | "block_deleted"
  | "number_tie_set";

export type AuditEntry = {
  action: AuditAction;
  actorId?: number | null;
  actorEmail?: string | null;
  year?: number | null;
  metricKey?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
};

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorId: entry.actorId ?? null,
    actorEmail: entry.actorEmail ?? null,
    year: entry.year ?? null,
    metricKey: entry.metricKey ?? null,
    detail: entry.detail ?? null,
    ip: entry.ip ?? null,
  });
  await faultPoint(`audit:${entry.action}`);
}
