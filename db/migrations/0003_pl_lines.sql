CREATE TYPE "public"."ad_mode" AS ENUM('cpa', 'cpc_cvr', 'acos');--> statement-breakpoint
CREATE TYPE "public"."scenario" AS ENUM('pessimistic', 'base', 'optimistic');--> statement-breakpoint
CREATE TABLE "pl_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"channel" "channel" NOT NULL,
	"sku" text NOT NULL,
	"scenario" "scenario" NOT NULL,
	"aov" bigint NOT NULL,
	"gross_margin_bp" integer NOT NULL,
	"fee_rate_bp" integer NOT NULL,
	"points_rate_bp" integer DEFAULT 0 NOT NULL,
	"shipping" bigint DEFAULT 0 NOT NULL,
	"packaging" bigint DEFAULT 0 NOT NULL,
	"return_loss" bigint DEFAULT 0 NOT NULL,
	"other_variable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ad_mode" "ad_mode" NOT NULL,
	"cpa" bigint,
	"cpc" bigint,
	"cvr_bp" integer,
	"acos_bp" integer,
	"target_contribution" bigint,
	"monthly_orders" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pl_lines_line_key" UNIQUE("agency_id","client_id","channel","sku","scenario")
);
--> statement-breakpoint
ALTER TABLE "pl_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pl_lines" ADD CONSTRAINT "pl_lines_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pl_lines" ADD CONSTRAINT "pl_lines_client_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."clients"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pl_lines_client_idx" ON "pl_lines" USING btree ("agency_id","client_id");--> statement-breakpoint
CREATE POLICY "pl_lines_tenant_isolation" ON "pl_lines" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);