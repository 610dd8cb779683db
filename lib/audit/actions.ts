/** Every action the audit log records. */
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

/** What each audit action is called on the audit page; also the list its filter offers. */
export const AUDIT_ACTION_LABELS = {
  sign_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  sign_in_refused: "Sign-in refused (too many failures)",
  sign_out: "Signed out (every session ended)",
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
  year_submitted: "Year submitted for review",
  year_returned: "Year returned to the editors",
  year_locked: "Year locked",
  year_unlocked: "Year unlocked",
  value_saved: "Value saved",
  quote_saved: "Quote saved",
  quote_deleted: "Quote deleted",
  metric_created: "Metric created",
  metric_updated: "Metric changed",
  metric_break_added: "Series break recorded",
  rule_created: "Validation rule added",
  rule_updated: "Validation rule changed",
  rule_deleted: "Validation rule deleted",
  comment_added: "Comment on a figure",
  comment_resolved: "Comment resolved",
  comment_reopened: "Comment reopened",
  import_applied: "CSV imported",
  snapshot_created: "Snapshot recorded",
  block_saved: "Text block saved",
  block_deleted: "Text block deleted",
  number_tie_set: "Written number tied",
} as const satisfies Record<AuditAction, string>;

export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as [AuditAction, ...AuditAction[]];
