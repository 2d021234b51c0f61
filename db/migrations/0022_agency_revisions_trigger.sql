-- agency_revisions is a tenant table: force its row-level security (see 0002); the tenant role reads its own
-- agency's row and the trigger below writes it.
ALTER TABLE "agency_revisions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "agency_revisions" TO app_tenant;--> statement-breakpoint
-- Every transaction that writes audit rows raises its agency's revision once per row, when it commits: the
-- trigger is deferred, so the row lock is taken after the transaction's own statements are done and held only
-- until its commit (no lock is waited for while holding it, so it cannot deadlock with the mutation's writes).
-- It runs as the writer (the tenant role, inside the agency's context; a system query as its own role).
CREATE FUNCTION "agency_revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO agency_revisions AS r (agency_id, revision) VALUES (NEW.agency_id, 1)
    ON CONFLICT (agency_id) DO UPDATE SET revision = r.revision + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "audit_log_agency_revision" AFTER INSERT ON "audit_log"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "agency_revision_bump"();
