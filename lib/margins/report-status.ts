import "server-only";
// The month's report status per client, for the portfolio and the start page: not generated, draft,
// published, or late against the SLA's report deadline (SPEC §4.3, §7) — the same rule as the reports page.

import type { DbOrTx } from "@/db/client";
import { reportStatusRows } from "@/db/queries/reports";
import { tokyoToday } from "@/lib/contracts/view";
import { deadlineOf, monthStatus } from "@/lib/reports/month";

export type ReportStatus = "not_available" | "none" | "draft" | "published" | "late";

export async function reportStatuses(
  tx: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; month: string },
): Promise<Map<string, ReportStatus>> {
  const rows = await reportStatusRows(tx, p);
  const today = tokyoToday();
  return new Map(
    rows.map((row) => {
      const { status, late } = monthStatus({
        status: row.status,
        firstPublishedOn: row.firstPublishedAt ? tokyoToday(row.firstPublishedAt) : null,
        deadline: deadlineOf(p.month, row.deadlineBusinessDay),
        today,
      });
      // "late": past the deadline and still not published (a report published late reads as published).
      return [row.clientId, late && status !== "published" ? "late" : status];
    }),
  );
}

/** Whether report statuses are known at all (the start page lists unpublished reports when they are). */
export const REPORTS_AVAILABLE = true;
