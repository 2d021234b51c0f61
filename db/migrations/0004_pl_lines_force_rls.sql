-- pl_lines is a tenant table: force its row-level security and let the tenant role use it (see 0002).
ALTER TABLE "pl_lines" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "pl_lines" TO app_tenant;
