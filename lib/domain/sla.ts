// A month's SLA results (SPEC §4.3): which items were met or missed, from the measures operators enter
// and from what the system knows itself (when the monthly report was published). The missed keys are
// what the invoice engine credits (InvoiceActuals.missedSlaItems).
//
// - report_deadline: the report for month M is due on the Nth business day of M + 1 (business-days.ts).
//   Published on or before it: met; after it, or not published once it has passed: missed; not published
//   and not yet due: pending.
// - response_rate / resolution_rate: answered (resolved) in target ÷ inquiries (incidents) ≥ targetBp,
//   compared exactly. A month with no inquiries (incidents) cannot miss the target: no_data, no credit.
// - manual: missed when the manager lists the item's key in manualMisses, met otherwise.

import type { BusinessDayOptions } from "./business-days";
import { reportDeadline } from "./business-days";
import { parseDateKey, parseMonthKey } from "./calendar";
import type { SlaItem, SlaTerms } from "./contract";
import { BP_PER_UNIT, roundHalfUpDiv } from "./money";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { checkOptionalInteger, fieldError, isRecord } from "./validate";

export interface SlaMonthMeasures {
  /** "YYYY-MM": the month the results are for. */
  month: string;
  inquiries?: number | null;
  answeredWithinTarget?: number | null;
  incidents?: number | null;
  resolvedInTime?: number | null;
  /** When the month's report was published ("YYYY-MM-DD"); null = not yet. */
  reportPublishedOn?: string | null;
  /** Keys of manual items the manager judged missed. */
  manualMisses?: readonly string[] | null;
  /** "YYYY-MM-DD"; decides whether an unpublished report is late or still pending. */
  today?: string | null;
}

export type SlaOutcome = "met" | "missed" | "pending" | "no_data";

export interface SlaItemResult {
  key: string;
  measure: SlaItem["measure"];
  outcome: SlaOutcome;
  /** The share achieved (bp, rounded half-up for display), for the rate measures. */
  actualBp: number | null;
  targetBp: number | null;
  /** The report's due date, for report_deadline. */
  deadline: string | null;
}

export interface SlaMonthResult {
  month: string;
  items: SlaItemResult[];
  /** The keys to pass to the invoice as missedSlaItems. */
  missed: string[];
}

const COUNT = { min: 0, max: 100_000_000, minCode: "must_not_be_negative" } as const;

export function evaluateSlaMonth(
  sla: SlaTerms,
  measures: SlaMonthMeasures,
  options?: BusinessDayOptions,
): Result<SlaMonthResult> {
  if (!isRecord(measures)) return fail([fieldError("measures", "invalid_type")]);
  const errors: FieldError[] = [];
  const month = typeof measures.month === "string" && parseMonthKey(measures.month) !== null ? measures.month : null;
  if (month === null) errors.push(fieldError("month", "invalid_format"));
  const inquiries = checkOptionalInteger(errors, "inquiries", measures.inquiries, COUNT);
  const answered = checkOptionalInteger(errors, "answeredWithinTarget", measures.answeredWithinTarget, COUNT);
  const incidents = checkOptionalInteger(errors, "incidents", measures.incidents, COUNT);
  const resolved = checkOptionalInteger(errors, "resolvedInTime", measures.resolvedInTime, COUNT);
  if (typeof inquiries === "number" && typeof answered === "number" && answered > inquiries) {
    errors.push(fieldError("answeredWithinTarget", "above_maximum", { max: inquiries }));
  }
  if (typeof incidents === "number" && typeof resolved === "number" && resolved > incidents) {
    errors.push(fieldError("resolvedInTime", "above_maximum", { max: incidents }));
  }
  const published = optionalDate(errors, "reportPublishedOn", measures.reportPublishedOn);
  const today = optionalDate(errors, "today", measures.today);
  const manual = measures.manualMisses ?? [];
  if (!Array.isArray(manual) || !manual.every((k) => sla.items.some((item) => item.key === k))) {
    errors.push(fieldError("manualMisses", "invalid_option"));
  }
  let deadline: string | null = null;
  if (month !== null && sla.reportDeadlineBusinessDay !== null) {
    const due = reportDeadline(month, sla.reportDeadlineBusinessDay, options);
    if (!due.ok) errors.push(...due.errors);
    else deadline = due.value;
  }
  if (
    errors.length > 0 ||
    month === null ||
    inquiries === undefined ||
    answered === undefined ||
    incidents === undefined ||
    resolved === undefined ||
    published === undefined ||
    today === undefined
  ) {
    return fail(errors);
  }

  const items = sla.items.map((item): SlaItemResult => {
    const base = { key: item.key, measure: item.measure, targetBp: item.targetBp, actualBp: null, deadline: null };
    switch (item.measure) {
      case "report_deadline": {
        if (deadline === null) return { ...base, outcome: "no_data" };
        const outcome: SlaOutcome =
          published !== null
            ? published <= deadline
              ? "met"
              : "missed"
            : today === null
              ? "pending"
              : today > deadline
                ? "missed"
                : "pending";
        return { ...base, deadline, outcome };
      }
      case "response_rate":
      case "resolution_rate": {
        const [done, total] = item.measure === "response_rate" ? [answered, inquiries] : [resolved, incidents];
        if (done === null || total === null || total === 0 || item.targetBp === null) {
          return { ...base, outcome: "no_data" };
        }
        const met = BigInt(done) * BigInt(BP_PER_UNIT) >= BigInt(item.targetBp) * BigInt(total);
        return { ...base, actualBp: roundHalfUpDiv(done * BP_PER_UNIT, total), outcome: met ? "met" : "missed" };
      }
      default: // manual
        return { ...base, outcome: manual.includes(item.key) ? "missed" : "met" };
    }
  });
  return ok({ month, items, missed: items.filter((i) => i.outcome === "missed").map((i) => i.key) });
}

function optionalDate(errors: FieldError[], field: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || parseDateKey(value) === null) {
    errors.push(fieldError(field, "invalid_format"));
    return undefined;
  }
  return value;
}
