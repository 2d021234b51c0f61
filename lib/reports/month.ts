// The agency's month of reports: each client's status (not generated, draft, published, late against the SLA
// deadline). Pure.

import { tokyoToday } from "@/lib/contracts/view";
import { reportDeadline } from "@/lib/domain/business-days";
import { addMonths, monthKey, parseMonthKey } from "@/lib/domain/calendar";

export type MonthStatus = "none" | "draft" | "published" | "late";
export const MONTH_STATUSES: readonly MonthStatus[] = ["none", "draft", "published", "late"];

/** The month reports are written for by default: the one before today's (in Asia/Tokyo). */
export function defaultReportMonth(now = new Date()): string {
  const ym = parseMonthKey(tokyoToday(now).slice(0, 7));
  return ym ? monthKey(addMonths(ym, -1)) : tokyoToday(now).slice(0, 7);
}

export function deadlineOf(month: string, businessDay: number | null | undefined): string | null {
  const due = reportDeadline(month, businessDay ?? 5);
  return due.ok ? due.value : null;
}

/**
 * A client's report status for the month, and whether it is late: not published by the deadline (still a draft
 * or not generated after it), or first published after it.
 */
export function monthStatus(p: {
  status: "draft" | "published" | null;
  firstPublishedOn: string | null;
  deadline: string | null;
  today: string;
}): { status: Exclude<MonthStatus, "late">; late: boolean } {
  const late =
    p.deadline !== null && (p.firstPublishedOn !== null ? p.firstPublishedOn > p.deadline : p.today > p.deadline);
  return { status: p.status ?? "none", late };
}
