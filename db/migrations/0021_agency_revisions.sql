CREATE TABLE "agency_revisions" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agency_revisions" ADD CONSTRAINT "agency_revisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "agency_revisions_tenant_isolation" ON "agency_revisions" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);