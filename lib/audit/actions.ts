import type { AuditAction } from "@/db/commands/audit";

/** What each audit action is called on the audit page; also the list its filter offers. */
export const AUDIT_ACTION_LABELS = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  sign_in_refused: "Sign-in refused (too many failures)",
  user_created: "Person added",
  user_role_changed: "Role changed",
  user_deactivated: "Person deactivated",
  user_reactivated: "Person reactivated",
  user_password_reset: "Password reset by an admin",
  password_changed: "Own password changed",
  password_change_failed: "Own password change refused (wrong current password)",
  token_created: "API token created",
  token_revoked: "API token revoked",
  year_opened: "Year opened",
  year_locked: "Year locked",
  year_unlocked: "Year unlocked",
  value_saved: "Value saved",
  quote_saved: "Quote saved",
  quote_deleted: "Quote deleted",
  metric_created: "Metric created",
  metric_updated: "Metric changed",
  import_applied: "CSV imported",
  snapshot_created: "Snapshot recorded",
  block_saved: "Text block saved",
  block_deleted: "Text block deleted",
  number_tie_set: "Written number tied",
} as const satisfies Record<AuditAction, string>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];
