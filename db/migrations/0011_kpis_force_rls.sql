-- The KPI tables are tenant tables: force their row-level security and let the tenant role use them (see 0002).
ALTER TABLE "kpi_plans" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "kpi_plan_items" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "kpi_targets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "kpi_weeks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "kpi_entries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "time_entries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "kpi_plans", "kpi_plan_items", "kpi_targets", "kpi_weeks", "kpi_entries", "time_entries" TO app_tenant;
