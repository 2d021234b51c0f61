// Where a contract stands on a day: the term running (after automatic renewals), the notice deadline,
// and the alerts of SPEC §4.1 (renewal or notice deadline within 30 days).
//
// Renewal: a term ending on day E renews for renewalMonths to the same day that many months later; a term
// ending on a month's last day renews to the last day of the target month (addMonthsToDate). The notice
// deadline is the last day notice can be given: noticeDays before the term's end.

import type { YearMonthDay } from "./calendar";
import { addDays, addMonthsToDate, dateKey, dayNumber, parseDateKey } from "./calendar";
import type { ContractTerms } from "./contract";
import type { Result } from "./result";
import { fail, ok } from "./result";
import { fieldError } from "./validate";

export const DEFAULT_ALERT_DAYS = 30;

export type TermPhase = "not_started" | "in_term" | "ended";

export type TermAlertCode =
  /** An auto-renewing term renews within the alert window. */
  | "renewal_due"
  /** The last day to give notice falls within the alert window. */
  | "notice_deadline_due"
  /** A term without renewal ends within the alert window. */
  | "term_ends";

export interface TermAlert {
  code: TermAlertCode;
  date: string;
  /** 0 = today. */
  daysLeft: number;
}

export interface TermStatus {
  phase: TermPhase;
  /** The end of the term running on the day (after renewals); null when the contract has no end. */
  currentTermEnd: string | null;
  /** The first day of the next term when the contract renews automatically. */
  renewsOn: string | null;
  /** Last day to give notice; null without an end or without a stated notice period. */
  noticeDeadline: string | null;
  /** How many renewals have happened by the day. */
  renewals: number;
  alerts: TermAlert[];
}

/** The term's state on `today` ("YYYY-MM-DD", Asia/Tokyo); terms as validateContractVersion answers them. */
export function termStatus(
  terms: ContractTerms,
  today: string,
  alertDays: number = DEFAULT_ALERT_DAYS,
): Result<TermStatus> {
  const day = typeof today === "string" ? parseDateKey(today) : null;
  if (day === null) return fail([fieldError("today", "invalid_format")]);
  if (!Number.isSafeInteger(alertDays) || alertDays < 0 || alertDays > 366) {
    return fail([fieldError("alertDays", "above_maximum", { max: 366 })]);
  }
  const start = parseDateKey(terms.startDate);
  if (start === null) return fail([fieldError("terms.startDate", "invalid_format")]);
  const todayN = dayNumber(day);
  const phaseBeforeEnd: TermPhase = todayN < dayNumber(start) ? "not_started" : "in_term";

  let end: YearMonthDay | null = terms.endDate === null ? null : parseDateKey(terms.endDate);
  if (terms.endDate !== null && end === null) return fail([fieldError("terms.endDate", "invalid_format")]);
  let renewals = 0;
  if (end !== null && terms.autoRenew && terms.renewalMonths !== null && terms.renewalMonths > 0) {
    // The term running today: renew until the end is today or later.
    while (dayNumber(end) < todayN) {
      end = addMonthsToDate(end, terms.renewalMonths);
      renewals++;
    }
  }
  if (end === null) {
    return ok({
      phase: phaseBeforeEnd,
      currentTermEnd: null,
      renewsOn: null,
      noticeDeadline: null,
      renewals,
      alerts: [],
    });
  }
  const endN = dayNumber(end);
  const phase: TermPhase = endN < todayN ? "ended" : phaseBeforeEnd;
  const renewing = terms.autoRenew;
  const notice = terms.noticeDays === null ? null : addDays(end, -terms.noticeDays);
  const alerts: TermAlert[] = [];
  const within = (date: YearMonthDay, code: TermAlertCode) => {
    const daysLeft = dayNumber(date) - todayN;
    if (daysLeft >= 0 && daysLeft <= alertDays) alerts.push({ code, date: dateKey(date), daysLeft });
  };
  if (phase !== "ended") {
    if (notice !== null) within(notice, "notice_deadline_due");
    within(end, renewing ? "renewal_due" : "term_ends");
  }
  return ok({
    phase,
    currentTermEnd: dateKey(end),
    renewsOn: renewing ? dateKey(addDays(end, 1)) : null,
    noticeDeadline: notice === null ? null : dateKey(notice),
    renewals,
    alerts,
  });
}

/**
 * The version that bills a month ("YYYY-MM"): the latest one (highest number) whose effective month is on or
 * before it; a version without an effective month (the first) bills from the contract's start. An amendment
 * therefore never changes the invoice of a month before it takes effect.
 */
export function versionInForce<T extends { number: number; effectiveMonth: string | null }>(
  versions: readonly T[],
  month: string,
): T | undefined {
  let chosen: T | undefined;
  for (const version of versions) {
    if (version.effectiveMonth !== null && version.effectiveMonth > month) continue;
    if (chosen === undefined || version.number > chosen.number) chosen = version;
  }
  return chosen;
}
