-- Block revisions are the chapter's history: added to, never changed (as value and quote revisions, drizzle/0001).
CREATE TRIGGER block_revisions_append_only BEFORE UPDATE OR DELETE ON block_revisions
  FOR EACH ROW EXECUTE FUNCTION report_desk_refuse_change();
--> statement-breakpoint
CREATE TRIGGER block_revisions_no_truncate BEFORE TRUNCATE ON block_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION report_desk_refuse_change();
