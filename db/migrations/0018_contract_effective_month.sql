ALTER TABLE "contract_versions" ADD COLUMN "effective_month" text;--> statement-breakpoint
ALTER TABLE "contract_versions" ADD CONSTRAINT "contract_versions_effective_month_format" CHECK ("contract_versions"."effective_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');--> statement-breakpoint
-- Amendments made before this column existed bill from the month (Asia/Tokyo) they were made in.
UPDATE "contract_versions" SET "effective_month" = to_char("created_at" AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') WHERE "number" > 1;
