-- The branding tables are tenant tables: force their row-level security and let the tenant role use them (see 0002).
ALTER TABLE "agency_logos" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_brandings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "agency_logos", "client_brandings" TO app_tenant;
