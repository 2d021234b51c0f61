-- drizzle-kit can enable row-level security but not FORCE it. FORCE makes the policies apply to the tables'
-- owner too, so only a superuser or a BYPASSRLS role (the "system" queries: sign-in, sign-up, accepting an
-- invite) can see across agencies. Every later migration that adds a tenant table must add it here in its
-- own file; db/rls.test.ts fails until it does.
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invites" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clients" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_assignments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_tenant;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "memberships", "invites", "clients", "client_assignments" TO app_tenant;--> statement-breakpoint
-- The audit log is append-only for the application.
GRANT SELECT, INSERT ON "audit_log" TO app_tenant;--> statement-breakpoint
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO app_tenant;--> statement-breakpoint
-- Agencies: a tenant may read and rename its own (checked by the application), never list others'.
GRANT SELECT (id, name, slug, settings, created_at), UPDATE (name, settings) ON "agencies" TO app_tenant;--> statement-breakpoint
ALTER TABLE "agencies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agencies" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "agencies_tenant_isolation" ON "agencies" AS PERMISSIVE FOR ALL TO "app_tenant"
  USING (id = nullif(current_setting('app.agency_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.agency_id', true), '')::uuid);--> statement-breakpoint
-- Users are global; a tenant may read names and e-mails (to list members), never password hashes.
GRANT SELECT (id, email, name, locale, created_at) ON "users" TO app_tenant;
