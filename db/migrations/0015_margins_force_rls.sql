-- The margin tables are tenant tables: force their row-level security and let the tenant role use them (see 0002).
ALTER TABLE "cost_rates" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "direct_costs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "cost_rates", "direct_costs" TO app_tenant;
