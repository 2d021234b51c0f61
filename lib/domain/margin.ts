// The agency's margin on a client for a month (SPEC §9), and the fee a target margin needs.
//
// Decisions:
// - Revenue is the month's invoice before tax (the taxable total of §4.2, after SLA credits).
// - Delivery cost = Σ over time entries of minutes × the hourly rate in force that week ÷ 60, rounded half-up
//   per entry, + the month's direct costs. The rate in force is the one with the latest effective date on or
//   before the week's Thursday (the day that decides which month the week counts in), a member's own rate
//   before their role's: a raise from 1 October leaves every September week at the old rate.
// - A month without an invoice, without hours, or with hours nobody has a rate for has no margin and says
//   which (never 0 %). Margin % is basis points of revenue, half-up; revenue 0 has no percentage.
// - The fee for a target margin is the smallest whole yen of revenue R with (R − cost) ÷ R ≥ target, exactly:
//   R = ⌈cost × 10,000 ÷ (10,000 − target bp)⌉, less the revenue that is not the fee.

import { parseDateKey, parseIsoWeekKey } from "./calendar";
import { BP_PER_UNIT, ceilDiv, roundHalfUpDiv } from "./money";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { checkInteger, fieldError, isRecord } from "./validate";

export type CostRateScope = { kind: "role"; role: string } | { kind: "member"; membershipId: string };

export interface CostRate {
  scope: CostRateScope;
  yenPerHour: number;
  /** "YYYY-MM-DD": in force from this day until a later rate of the same scope. */
  effectiveFrom: string;
}

export interface MarginTimeEntry {
  membershipId: string;
  role: string;
  isoWeek: string;
  minutes: number;
}

export interface MarginInput {
  /** The invoice's taxable total before tax; null when the month has no invoice. */
  revenue: number | null;
  timeEntries: readonly MarginTimeEntry[];
  rates: readonly CostRate[];
  directCosts: readonly { label: string; amount: number }[];
}

export type MarginStatus = "ok" | "no_invoice" | "no_hours" | "missing_rate";

export interface Margin {
  status: MarginStatus;
  revenue: number | null;
  minutes: number;
  labourCost: number;
  directCost: number;
  /** labour + direct; labour counts only entries with a rate. */
  deliveryCost: number;
  /** null unless status is "ok". */
  margin: number | null;
  /** null unless status is "ok" and revenue > 0. */
  marginBp: number | null;
  /** Members whose hours have no rate in force (status "missing_rate"). */
  unratedMembers: string[];
}

const MAX_YEN = 1_000_000_000_000;

/** Thursday of an ISO week as "YYYY-MM-DD". */
function thursdayKey(isoWeek: string): string | null {
  const week = parseIsoWeekKey(isoWeek);
  if (week === null) return null;
  const jan4 = new Date(Date.UTC(week.year, 0, 4));
  const jan4IsoDay = jan4.getUTCDay() === 0 ? 7 : jan4.getUTCDay();
  const thursday = new Date(jan4.getTime() + ((week.week - 1) * 7 + (4 - jan4IsoDay)) * 86_400_000);
  return thursday.toISOString().slice(0, 10);
}

/** The rate in force on `day` for a member: their own, else their role's; null when none. */
export function rateInForce(
  rates: readonly CostRate[],
  membershipId: string,
  role: string,
  day: string,
): number | null {
  let member: CostRate | null = null;
  let byRole: CostRate | null = null;
  for (const rate of rates) {
    if (rate.effectiveFrom > day) continue;
    if (rate.scope.kind === "member" && rate.scope.membershipId === membershipId) {
      if (member === null || rate.effectiveFrom > member.effectiveFrom) member = rate;
    } else if (rate.scope.kind === "role" && rate.scope.role === role) {
      if (byRole === null || rate.effectiveFrom > byRole.effectiveFrom) byRole = rate;
    }
  }
  return (member ?? byRole)?.yenPerHour ?? null;
}

export function computeMargin(input: MarginInput): Result<Margin> {
  const errors: FieldError[] = [];
  if (!isRecord(input)) return fail([fieldError("", "invalid_type")]);
  if (input.revenue !== null) {
    checkInteger(errors, "revenue", input.revenue, { min: 0, max: MAX_YEN, minCode: "must_not_be_negative" });
  }
  input.rates.forEach((rate, i) => {
    checkInteger(errors, `rates.${i}.yenPerHour`, rate.yenPerHour, {
      min: 0,
      max: 1_000_000,
      minCode: "must_not_be_negative",
    });
    if (parseDateKey(rate.effectiveFrom) === null)
      errors.push(fieldError(`rates.${i}.effectiveFrom`, "invalid_format"));
  });
  input.timeEntries.forEach((entry, i) => {
    checkInteger(errors, `timeEntries.${i}.minutes`, entry.minutes, {
      min: 0,
      max: 7 * 24 * 60,
      minCode: "must_not_be_negative",
    });
    if (parseIsoWeekKey(entry.isoWeek) === null) errors.push(fieldError(`timeEntries.${i}.isoWeek`, "invalid_format"));
  });
  input.directCosts.forEach((cost, i) => {
    checkInteger(errors, `directCosts.${i}.amount`, cost.amount, {
      min: 0,
      max: MAX_YEN,
      minCode: "must_not_be_negative",
    });
  });
  if (errors.length > 0) return fail(errors);

  let minutes = 0;
  let labourCost = 0;
  const unrated = new Set<string>();
  for (const entry of input.timeEntries) {
    minutes += entry.minutes;
    const rate = rateInForce(input.rates, entry.membershipId, entry.role, thursdayKey(entry.isoWeek) ?? "");
    if (rate === null) {
      if (entry.minutes > 0) unrated.add(entry.membershipId);
      continue;
    }
    labourCost += roundHalfUpDiv(entry.minutes * rate, 60);
  }
  const directCost = input.directCosts.reduce((sum, cost) => sum + cost.amount, 0);
  return ok(
    marginOfTotals({ revenue: input.revenue, minutes, labourCost, directCost, unratedMembers: [...unrated].sort() }),
  );
}

/**
 * The margin from a month's totals (the portfolio sums hours × rates in SQL): the same statuses and
 * rounding as computeMargin, which ends here. `unratedMembers` non-empty means some hours have no rate.
 */
export function marginOfTotals(t: {
  revenue: number | null;
  minutes: number;
  labourCost: number;
  directCost: number;
  unratedMembers: string[];
}): Margin {
  const deliveryCost = t.labourCost + t.directCost;
  const status: MarginStatus =
    t.revenue === null
      ? "no_invoice"
      : t.minutes === 0
        ? "no_hours"
        : t.unratedMembers.length > 0
          ? "missing_rate"
          : "ok";
  const margin = status === "ok" && t.revenue !== null ? t.revenue - deliveryCost : null;
  const marginBp =
    margin !== null && t.revenue !== null && t.revenue > 0
      ? roundHalfUpDiv(BigInt(margin) * BigInt(BP_PER_UNIT), t.revenue)
      : null;
  return {
    status,
    revenue: t.revenue,
    minutes: t.minutes,
    labourCost: t.labourCost,
    directCost: t.directCost,
    deliveryCost,
    margin,
    marginBp,
    unratedMembers: t.unratedMembers,
  };
}

/**
 * The smallest whole-yen monthly fee at which the margin reaches `targetBp` (exactly, not after rounding),
 * given the month's delivery cost and the revenue that is not the fee (performance fees, options).
 * Answers 0 when the other revenue already reaches it.
 */
export function feeForTargetMargin(p: {
  deliveryCost: number;
  otherRevenue: number;
  targetBp: number;
}): Result<number> {
  const errors: FieldError[] = [];
  checkInteger(errors, "deliveryCost", p.deliveryCost, { min: 0, max: MAX_YEN, minCode: "must_not_be_negative" });
  checkInteger(errors, "otherRevenue", p.otherRevenue, { min: 0, max: MAX_YEN, minCode: "must_not_be_negative" });
  checkInteger(errors, "targetBp", p.targetBp, { min: -1_000_000, max: 9_999, maxCode: "rate_above_100_percent" });
  if (errors.length > 0) return fail(errors);
  const revenue = ceilDiv(BigInt(p.deliveryCost) * BigInt(BP_PER_UNIT), BP_PER_UNIT - p.targetBp);
  return ok(Math.max(0, revenue - p.otherRevenue));
}
