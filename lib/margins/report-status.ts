import "server-only";
// This month's report status per client, for the portfolio and the start page. The monthly reports are a
// separate feature (SPEC §7); until its tables exist every client reads "not_available", which the pages show
// as "—" and the start page as a note. To plug it in, answer from the reports' query here: the callers
// already pass the page's client ids and the month, and read `get(id) ?? "not_available"`.

import type { DbOrTx } from "@/db/client";

export type ReportStatus = "not_available" | "none" | "draft" | "published" | "late";

export async function reportStatuses(
  _tx: DbOrTx,
  _p: { agencyId: string; clientIds: readonly string[]; month: string },
): Promise<Map<string, ReportStatus>> {
  return new Map();
}

/** Whether report statuses are known at all (the start page hides its reports section otherwise). */
export const REPORTS_AVAILABLE = false;
