// Per-order contribution of one P/L line, allowed CPA, orders needed and pacing (SPEC §5).
//
// Every yen derived from a rate is rounded half-up to whole yen before it is summed, as the source
// article does (7,800 × 3.6 % = 280.8 → 281); sums and differences of whole yen are then exact.

import { applyBp, BP_PER_UNIT, ceilDiv, roundHalfUpDiv } from "./money";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import type { AdsInput, LineInput, ValidLineInput } from "./unit-economics-input";
import { LIMITS, validateLineInput } from "./unit-economics-input";
import { checkInteger } from "./validate";

export type { AdMode, AdsInput, LineInput, OtherVariableCost, ValidLineInput } from "./unit-economics-input";
export { AD_MODES, LIMITS, validateLineInput } from "./unit-economics-input";

export type AllowedCpa =
  | { kind: "budget"; amount: number }
  /** amount ≤ 0: even with zero advertising the line cannot reach the target contribution. */
  | { kind: "no_budget"; amount: number; code: "no_ad_budget_at_target"; message: string };

export interface LineFigures {
  grossProfit: number;
  feeAmount: number;
  pointsAmount: number;
  otherVariableTotal: number;
  adCostPerOrder: number;
  /** fee + shipping + packaging + points + return loss + other — the article's 固定的変動費. */
  variableCostsExcludingAds: number;
  contributionPerOrder: number;
  /** null when the line has no target contribution per order. */
  allowedCpa: AllowedCpa | null;
}

export type OrdersNeeded =
  | { kind: "orders"; orders: number }
  | { kind: "unreachable"; code: "non_positive_contribution"; message: string };

export interface Pacing {
  perWeek: number;
  perDay: number;
}

/** SPEC §5 default monthly profit levels (hiring triggers); an agency setting may replace them. */
export const DEFAULT_PROFIT_LEVELS: readonly number[] = [450_000, 600_000];

/** Validates then computes. Never throws; invalid input answers every field error. */
export function computeLine(input: LineInput): Result<LineFigures> {
  const valid = validateLineInput(input);
  return valid.ok ? ok(computeLineFigures(valid.value)) : valid;
}

/** The arithmetic alone, for callers that already hold a validated line (sensitivity). */
export function computeLineFigures(line: ValidLineInput): LineFigures {
  const grossProfit = applyBp(line.aov, line.grossMarginBp);
  const feeAmount = applyBp(line.aov, line.feeRateBp);
  const pointsAmount = applyBp(line.aov, line.pointsRateBp);
  let otherVariableTotal = 0;
  for (const item of line.otherVariable) otherVariableTotal += item.amount;
  const adCostPerOrder = adCost(line.aov, line.ads);
  const variableCostsExcludingAds =
    feeAmount + line.shipping + line.packaging + pointsAmount + line.returnLoss + otherVariableTotal;
  const beforeAds = grossProfit - variableCostsExcludingAds;
  return {
    grossProfit,
    feeAmount,
    pointsAmount,
    otherVariableTotal,
    adCostPerOrder,
    variableCostsExcludingAds,
    contributionPerOrder: beforeAds - adCostPerOrder,
    allowedCpa:
      line.targetContributionPerOrder === null ? null : allowedCpa(beforeAds - line.targetContributionPerOrder),
  };
}

/** CPA | CPC ÷ CVR | AOV × ACOS, in whole yen. */
export function adCost(aov: number, ads: AdsInput): number {
  switch (ads.mode) {
    case "cpa":
      return ads.cpa;
    case "cpc_cvr":
      return cpaFromCpcAndCvr(ads.cpc, ads.cvrBp);
    case "acos":
      return applyBp(aov, ads.acosBp);
  }
}

/** CPC ÷ CVR rounded half-up: 40 yen at 2 % (200 bp) = 2,000 yen. cvrBp must be ≥ 1. */
export function cpaFromCpcAndCvr(cpc: number, cvrBp: number): number {
  return roundHalfUpDiv(cpc * BP_PER_UNIT, cvrBp);
}

function allowedCpa(amount: number): AllowedCpa {
  // Zero counts as "no budget": any ad spend at all would push the line below its target.
  if (amount > 0) return { kind: "budget", amount };
  return {
    kind: "no_budget",
    amount,
    code: "no_ad_budget_at_target",
    message: "No advertising budget exists at this target contribution per order.",
  };
}

/**
 * ⌈P ÷ contribution⌉ orders a month reach profit P; "unreachable" when each order earns nothing.
 * The ceiling matters: the article's 909 × 495 = 449,955 falls short of 450,000.
 */
export function ordersNeeded(contributionPerOrder: number, monthlyProfit: number): Result<OrdersNeeded> {
  const errors: FieldError[] = [];
  const contribution = checkInteger(errors, "contributionPerOrder", contributionPerOrder, {
    min: -Number.MAX_SAFE_INTEGER,
    max: Number.MAX_SAFE_INTEGER,
  });
  const profit = checkInteger(errors, "monthlyProfit", monthlyProfit, {
    min: 1,
    max: LIMITS.maxMonthlyProfit,
    minCode: "must_be_positive",
  });
  if (contribution === undefined || profit === undefined) return fail(errors);
  if (contribution <= 0) {
    return ok({
      kind: "unreachable",
      code: "non_positive_contribution",
      message: "Unreachable: each order contributes nothing or loses money.",
    });
  }
  return ok({ kind: "orders", orders: ceilDiv(profit, contribution) });
}

/** Orders needed at each monthly profit level, e.g. the agency's hiring triggers. */
export function ordersNeededAtLevels(
  contributionPerOrder: number,
  levels: readonly number[] = DEFAULT_PROFIT_LEVELS,
): { monthlyProfit: number; result: Result<OrdersNeeded> }[] {
  return levels.map((monthlyProfit) => ({ monthlyProfit, result: ordersNeeded(contributionPerOrder, monthlyProfit) }));
}

/** Monthly orders spread evenly: per week ⌈orders × 7 ÷ days⌉, per day ⌈orders ÷ days⌉. */
export function pacing(monthlyOrders: number, daysInMonth: number): Result<Pacing> {
  const errors: FieldError[] = [];
  // Orders needed can reach P ÷ 1 yen, so the bound is the profit bound, not the per-line order bound.
  const orders = checkInteger(errors, "monthlyOrders", monthlyOrders, {
    min: 0,
    max: LIMITS.maxMonthlyProfit,
    minCode: "must_not_be_negative",
  });
  const days = checkInteger(errors, "daysInMonth", daysInMonth, { min: 28, max: 31 });
  if (orders === undefined || days === undefined) return fail(errors);
  return ok({ perWeek: ceilDiv(orders * 7, days), perDay: ceilDiv(orders, days) });
}
