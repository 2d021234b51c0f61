import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

const TABLES = [
  "agencies",
  "users",
  "memberships",
  "invites",
  "clients",
  "client_assignments",
  "pl_lines",
  "contracts",
  "contract_versions",
  "contract_checklist_items",
  "contract_actuals",
  "kpi_plans",
  "kpi_plan_items",
  "kpi_targets",
  "kpi_weeks",
  "kpi_entries",
  "kpi_month_rollups",
  "time_entries",
  "cost_rates",
  "direct_costs",
  "audit_log",
  "monthly_reports",
  "report_revisions",
  "report_reads",
  "report_runs",
  "report_run_items",
  "agency_logos",
  "client_brandings",
] as const;

/** Row counts and a checksum of every tenant table: equal snapshots mean nothing was written. */
export async function snapshot(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const result = await db.execute(
      sql.raw(
        `select count(*)::int as n, coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as h from "${table}" t`,
      ),
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number; h: string }[];
    out[table] = `${rows[0]?.n}:${rows[0]?.h}`;
  }
  return out;
}

export async function auditCount(db: Database): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from audit_log`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  return rows[0]?.n ?? 0;
}
