-- History is evidence: revisions, snapshots and the audit log may be added to, never changed or removed.
-- The database enforces it so that no code path, script or manual session can rewrite the record.
CREATE OR REPLACE FUNCTION report_desk_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER value_revisions_append_only BEFORE UPDATE OR DELETE ON value_revisions
  FOR EACH ROW EXECUTE FUNCTION report_desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER quote_revisions_append_only BEFORE UPDATE OR DELETE ON quote_revisions
  FOR EACH ROW EXECUTE FUNCTION report_desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER snapshots_immutable BEFORE UPDATE OR DELETE ON snapshots
  FOR EACH ROW EXECUTE FUNCTION report_desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION report_desk_refuse_change();
--> statement-breakpoint
-- TRUNCATE bypasses row triggers; refuse it too.
CREATE TRIGGER value_revisions_no_truncate BEFORE TRUNCATE ON value_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION report_desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER quote_revisions_no_truncate BEFORE TRUNCATE ON quote_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION report_desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER snapshots_no_truncate BEFORE TRUNCATE ON snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION report_desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION report_desk_refuse_change();
