-- kpi_month_rollups is a tenant table: force its row-level security and let the tenant role use it (see 0002).
ALTER TABLE "kpi_month_rollups" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "kpi_month_rollups" TO app_tenant;
