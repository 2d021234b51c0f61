-- The contract tables are tenant tables: force their row-level security and let the tenant role use them (see 0002).
ALTER TABLE "contracts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contract_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contract_checklist_items" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "contract_actuals" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "contracts", "contract_versions", "contract_checklist_items", "contract_actuals" TO app_tenant;
