CREATE TABLE "kpi_month_rollups" (
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"month" text NOT NULL,
	"figures" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_month_rollups_pkey" PRIMARY KEY("agency_id","client_id","month")
);
--> statement-breakpoint
ALTER TABLE "kpi_month_rollups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "kpi_weeks" ADD COLUMN "figures" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_month_rollups" ADD CONSTRAINT "kpi_month_rollups_client_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."clients"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "kpi_month_rollups_tenant_isolation" ON "kpi_month_rollups" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);