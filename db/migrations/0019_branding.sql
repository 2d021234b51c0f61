CREATE TABLE "agency_logos" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_logos_content_type" CHECK ("agency_logos"."content_type" in ('image/png', 'image/svg+xml')),
	CONSTRAINT "agency_logos_size" CHECK ("agency_logos"."size" > 0 and "agency_logos"."size" <= 204800)
);
--> statement-breakpoint
ALTER TABLE "agency_logos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "client_brandings" (
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"color" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_brandings_pkey" PRIMARY KEY("agency_id","client_id"),
	CONSTRAINT "client_brandings_color_format" CHECK ("client_brandings"."color" ~ '^#[0-9a-f]{6}$')
);
--> statement-breakpoint
ALTER TABLE "client_brandings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "agency_logos" ADD CONSTRAINT "agency_logos_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_brandings" ADD CONSTRAINT "client_brandings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_brandings" ADD CONSTRAINT "client_brandings_client_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."clients"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "agency_logos_tenant_isolation" ON "agency_logos" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "client_brandings_tenant_isolation" ON "client_brandings" AS PERMISSIVE FOR ALL TO "app_tenant" USING (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid) WITH CHECK (agency_id = nullif(current_setting('app.agency_id', true), '')::uuid);