-- Sessions are global (a user's, not an agency's) and mostly read by system queries. A tenant transaction
-- may see and end only the sessions of its own agency's members (an owner's "sign out everywhere"): the
-- policy's subquery on memberships is itself under that table's row-level security.
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "sessions_agency_members" ON "sessions" AS PERMISSIVE FOR ALL TO "app_tenant"
  USING (user_id IN (SELECT user_id FROM memberships))
  WITH CHECK (user_id IN (SELECT user_id FROM memberships));--> statement-breakpoint
GRANT SELECT (id, user_id, created_at, last_seen_at, ended_at), UPDATE (ended_at) ON "sessions" TO app_tenant;
