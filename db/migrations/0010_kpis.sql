CREATE TYPE "public"."kpi_direction" AS ENUM('higher', 'lower');--> statement-breakpoint
CREATE TYPE "public"."kpi_key" AS ENUM('sales', 'orders', 'sessions', 'aov', 'cvr', 'ad_spend', 'roas', 'cpa', 'cpc', 'acos', 'tacos', 'inventory_turnover_days', 'stockout_rate', 'contribution', 'csat', 'review_rating', 'repeat_rate', 'delay_rate', 'return_rate', 'sla_response_rate', 'incident_resolution_rate');--> statement-breakpoint
CREATE TYPE "public"."kpi_measure" AS ENUM('revenue', 'orders', 'sessions', 'ad_spend', 'ad_revenue', 'ad_clicks', 'ad_orders', 'returns', 'shipments', 'delayed_shipments', 'customers', 'repeat_customers', 'active_skus', 'out_of_stock_skus', 'inventory_turnover_days', 'csat_score', 'csat_responses', 'review_rating', 'reviews', 'inquiries', 'answered_in_target', 'incidents', 'incidents_resolved_in_time');--> statement-breakpoint
CREATE TYPE "public"."kpi_tier" AS ENUM('surface', 'quality');--> statement-breakpoint
CREATE TYPE "public"."review_cadence" AS ENUM('weekly', 'monthly', 'quarterly');--> statement-breakpoint
CREATE TABLE "kpi_entries" (
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"iso_week" text NOT NULL,
	"month" text NOT NULL,
	"channel" "channel" NOT NULL,
	"measure" "kpi_measure" NOT NULL,
	"value" bigint NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_entries_pkey" PRIMARY KEY("agency_id","client_id","iso_week","channel","measure"),
	CONSTRAINT "kpi_entries_not_negative" CHECK ("kpi_entries"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "kpi_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_plan_items" (
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kpi" "kpi_key" NOT NULL,
	"position" smallint NOT NULL,
	"tier" "kpi_tier" NOT NULL,
	"direction" "kpi_direction" NOT NULL,
	"data_source" text DEFAULT '' NOT NULL,
	"third_party_audited" boolean DEFAULT false NOT NULL,
	CONSTRAINT "kpi_plan_items_pkey" PRIMARY KEY("agency_id","client_id","kpi")
);
--> statement-breakpoint
ALTER TABLE "kpi_plan_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_plans" (
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"review_cadence" "review_cadence",
	"third_party_audit" boolean,
	"verdict_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"return_rate_baseline_bp" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_plans_pkey" PRIMARY KEY("agency_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kpi" "kpi_key" NOT NULL,
	"month" text NOT NULL,
	"target" bigint NOT NULL,
	CONSTRAINT "kpi_targets_pkey" PRIMARY KEY("agency_id","client_id","kpi","month"),
	CONSTRAINT "kpi_targets_month_format" CHECK ("kpi_targets"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "kpi_targets_not_negative" CHECK ("kpi_targets"."target" >= 0)
);
--> statement-breakpoint
ALTER TABLE "kpi_targets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_weeks" (
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"iso_week" text NOT NULL,
	"week_start" date NOT NULL,
	"month" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_weeks_pkey" PRIMARY KEY("agency_id","client_id","iso_week"),
	CONSTRAINT "kpi_weeks_iso_week_format" CHECK ("kpi_weeks"."iso_week" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
	CONSTRAINT "kpi_weeks_month_format" CHECK ("kpi_weeks"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "kpi_weeks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "time_entries" (
	"agency_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"iso_week" text NOT NULL,
	"month" text NOT NULL,
	"minutes" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_pkey" PRIMARY KEY("agency_id","membership_id","client_id","iso_week"),
	CONSTRAINT "time_entries_client_week_key" UNIQUE("agency_id","client_id","iso_week","membership_id"),
	CONSTRAINT "time_entries_minutes_range" CHECK ("time_entries"."minutes" >= 0 and "time_entries"."minutes" <= 10080),
	CONSTRAINT "time_entries_iso_week_format" CHECK ("time_entries"."iso_week" ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$')
);
--> statement-breakpoint
ALTER TABLE "time_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "kpi_entries" ADD CONSTRAINT "kpi_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_entries" ADD CONSTRAINT "kpi_entries_week_fk" FOREIGN KEY ("agency_id","client_id","iso_week") REFERENCES "public"."kpi_weeks"("agency_id","client_id","iso_week") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_plan_items" ADD CONSTRAINT "kpi_plan_items_plan_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."kpi_plans"("agency_id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_plans" ADD CONSTRAINT "kpi_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_plans" ADD CONSTRAINT "kpi_plans_client_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."clients"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_plan_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."kpi_plans"("agency_id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_weeks" ADD CONSTRAINT "kpi_weeks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_weeks" ADD CONSTRAINT "kpi_weeks_client_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."clients"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_client_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."clients"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_membership_fk" FOREIGN KEY ("agency_id","membership_id") REFERENCES "public"."memberships"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_entries_month_idx" ON "kpi_entries" USING btree ("agency_id","client_id","month");--> statement-breakpoint
CREATE INDEX "kpi_weeks_month_idx" ON "kpi_weeks" USING btree ("agency_id","month");--> statement-breakpoint
CREATE INDEX "time_entries_month_idx" ON "time_entries" USING btree ("agency_id","month");--> statement-breakpoint
CREATE POLICY "kpi_entries_tenant_isolation" ON "kpi_entries" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "kpi_plan_items_tenant_isolation" ON "kpi_plan_items" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "kpi_plans_tenant_isolation" ON "kpi_plans" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "kpi_targets_tenant_isolation" ON "kpi_targets" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "kpi_weeks_tenant_isolation" ON "kpi_weeks" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "time_entries_tenant_isolation" ON "time_entries" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);