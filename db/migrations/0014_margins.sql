CREATE TABLE "cost_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"role" "member_role",
	"membership_id" uuid,
	"yen_per_hour" integer NOT NULL,
	"effective_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_rates_one_scope" CHECK (("cost_rates"."role" is null) <> ("cost_rates"."membership_id" is null)),
	CONSTRAINT "cost_rates_yen_range" CHECK ("cost_rates"."yen_per_hour" >= 0 and "cost_rates"."yen_per_hour" <= 1000000)
);
--> statement-breakpoint
ALTER TABLE "cost_rates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "direct_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"month" text NOT NULL,
	"label" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "direct_costs_month_format" CHECK ("direct_costs"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "direct_costs_amount_range" CHECK ("direct_costs"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "direct_costs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cost_rates" ADD CONSTRAINT "cost_rates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_rates" ADD CONSTRAINT "cost_rates_membership_fk" FOREIGN KEY ("agency_id","membership_id") REFERENCES "public"."memberships"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_costs" ADD CONSTRAINT "direct_costs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_costs" ADD CONSTRAINT "direct_costs_client_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."clients"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_rates_role_day_key" ON "cost_rates" USING btree ("agency_id","role","effective_from") WHERE "cost_rates"."role" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_rates_member_day_key" ON "cost_rates" USING btree ("agency_id","membership_id","effective_from") WHERE "cost_rates"."membership_id" is not null;--> statement-breakpoint
CREATE INDEX "direct_costs_month_idx" ON "direct_costs" USING btree ("agency_id","month");--> statement-breakpoint
CREATE POLICY "cost_rates_tenant_isolation" ON "cost_rates" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "direct_costs_tenant_isolation" ON "direct_costs" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);