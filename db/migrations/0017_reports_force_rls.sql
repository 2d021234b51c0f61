-- The report tables are tenant tables: force their row-level security and let the tenant role use them (see 0002).
ALTER TABLE "monthly_reports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_revisions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_reads" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_runs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_run_items" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "monthly_reports", "report_reads", "report_runs", "report_run_items" TO app_tenant;--> statement-breakpoint
-- A published revision is immutable: the tenant role may add one, never change or remove one (a client's
-- deletion still removes its revisions through the cascade, which runs as the table owner).
GRANT SELECT, INSERT ON "report_revisions" TO app_tenant;--> statement-breakpoint
CREATE FUNCTION report_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published report revision is never changed';
END;
$$;--> statement-breakpoint
CREATE TRIGGER report_revisions_no_update BEFORE UPDATE ON "report_revisions"
  FOR EACH ROW EXECUTE FUNCTION report_revisions_immutable();
