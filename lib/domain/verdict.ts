// Go / hold / stop for one client and month, with every rule shown (SPEC §5).
//
// Decisions:
// - Stop takes precedence over Go: a red signal outweighs a good average, and a hiring decision
//   should never be made while one is lit.
// - Go is exactly SPEC §5's four Go conditions with no Stop rule lit. A Stop rule that lacks data
//   neither causes Stop nor blocks Go; it stays in `rules` as "insufficient data" for the reader.
// - A rule over several consecutive periods is three-valued: one period clearly not meeting it
//   settles it as not met; otherwise any period without data makes it "insufficient data".
// - Ratios are compared exactly by cross-multiplying integers (BigInt); the `actual` shown per period
//   is rounded half-up for display only.

import type { YearMonth } from "./calendar";
import { addMonths, addWeeks, isoWeekKey, lastIsoWeekOfMonth, monthKey } from "./calendar";
import { BP_PER_UNIT, roundHalfUpDiv } from "./money";
import type { Result } from "./result";
import { ok } from "./result";
import type { ValidVerdictInput, VerdictInput } from "./verdict-input";
import { validateVerdictInput } from "./verdict-input";

export type {
  VerdictInput,
  VerdictMonthFigures,
  VerdictSettings,
  VerdictWeekFigures,
} from "./verdict-input";
export { DEFAULT_VERDICT_SETTINGS, validateVerdictInput } from "./verdict-input";

export type VerdictKind = "go" | "hold" | "stop";

export type VerdictRuleCode =
  | "go.contribution_moving_average"
  | "go.inventory_turnover"
  | "go.review_rating"
  | "go.tacos"
  | "stop.contribution_per_order"
  | "stop.cpa_above_gross_profit"
  | "stop.return_rate";

/** For a Go rule "met" is good news; for a Stop rule "met" means the red signal is lit. */
export type RuleOutcome = "met" | "not_met" | "insufficient_data";

export interface RulePeriod {
  /** "YYYY-MM" or "YYYY-Www". */
  period: string;
  /** Display value in the rule's unit, rounded half-up; null when it cannot be computed. */
  actual: number | null;
  /** The threshold this period was compared with, in the rule's unit. */
  threshold: number | null;
  met: boolean | null;
  /** Figures that were absent (or zero where a ratio divides by them), for the "why" text. */
  missing: string[];
}

export interface RuleEvaluation {
  code: VerdictRuleCode;
  leadsTo: "go" | "stop";
  outcome: RuleOutcome;
  /** actual ⟨comparator⟩ threshold is what "met" means. */
  comparator: ">=" | "<=" | "<" | ">";
  unit: "yen" | "yen_per_order" | "days" | "rating_hundredths" | "bp";
  periodKind: "month" | "week";
  /** Oldest → newest, ending at the evaluated month (or its last ISO week). */
  periods: RulePeriod[];
}

export interface Verdict {
  month: string;
  verdict: VerdictKind;
  /** The rules that decided: lit Stop rules, all Go rules, or for Hold what stands between it and Go. */
  decidingRules: VerdictRuleCode[];
  rules: RuleEvaluation[];
}

type Check = Omit<RulePeriod, "period">;

const big = BigInt;

/** A ratio's display value, or null when it is too large to show as an exact number. */
function displayRatio(numerator: bigint, denominator: number): number | null {
  const limit = big(Number.MAX_SAFE_INTEGER - 1);
  const truncated = numerator / big(denominator);
  return truncated > limit || truncated < -limit ? null : roundHalfUpDiv(numerator, denominator);
}

export function evaluateVerdict(input: VerdictInput): Result<Verdict> {
  const valid = validateVerdictInput(input);
  return valid.ok ? ok(decide(valid.value)) : valid;
}

function decide(input: ValidVerdictInput): Verdict {
  const rules = [
    goMovingAverage(input),
    goLatestMonth(input, "go.inventory_turnover", "<=", "days", (m) =>
      atMost(m.inventoryTurnoverDays, input.settings.maxInventoryTurnoverDays, "inventoryTurnoverDays"),
    ),
    goLatestMonth(input, "go.review_rating", ">=", "rating_hundredths", (m) =>
      atLeast(m.reviewRatingHundredths, input.settings.minReviewRatingHundredths, "reviewRatingHundredths"),
    ),
    goLatestMonth(input, "go.tacos", "<=", "bp", (m) => tacos(m.adSpend, m.revenue, input.settings.maxTacosBp)),
    stopContributionPerOrder(input),
    stopCpa(input),
    stopReturnRate(input),
  ];
  const go = rules.filter((r) => r.leadsTo === "go");
  const stop = rules.filter((r) => r.leadsTo === "stop");
  const lit = stop.filter((r) => r.outcome === "met");
  let verdict: VerdictKind;
  let deciding: RuleEvaluation[];
  if (lit.length > 0) {
    verdict = "stop";
    deciding = lit;
  } else if (go.every((r) => r.outcome === "met")) {
    verdict = "go";
    deciding = go;
  } else {
    verdict = "hold";
    deciding = go.filter((r) => r.outcome !== "met");
  }
  return { month: monthKey(input.month), verdict, decidingRules: deciding.map((r) => r.code), rules };
}

function rule(
  code: VerdictRuleCode,
  comparator: RuleEvaluation["comparator"],
  unit: RuleEvaluation["unit"],
  periodKind: RuleEvaluation["periodKind"],
  periods: RulePeriod[],
): RuleEvaluation {
  const outcome: RuleOutcome = periods.some((p) => p.met === false)
    ? "not_met"
    : periods.some((p) => p.met === null)
      ? "insufficient_data"
      : "met";
  return { code, leadsTo: code.startsWith("go.") ? "go" : "stop", outcome, comparator, unit, periodKind, periods };
}

/** The `count` months ending at `end`, oldest first. */
function monthsEndingAt(end: YearMonth, count: number): YearMonth[] {
  return Array.from({ length: count }, (_, i) => addMonths(end, i - count + 1));
}

type MonthFigures = NonNullable<ReturnType<ValidVerdictInput["months"]["get"]>>;

const NO_MONTH: MonthFigures = {
  contribution: null,
  orders: null,
  revenue: null,
  adSpend: null,
  returns: null,
  inventoryTurnoverDays: null,
  reviewRatingHundredths: null,
};

function figuresOf(input: ValidVerdictInput, ym: YearMonth): MonthFigures {
  return input.months.get(monthKey(ym)) ?? NO_MONTH;
}

function missingCheck(threshold: number | null, missing: string[]): Check {
  return { actual: null, threshold, met: null, missing };
}

function goMovingAverage(input: ValidVerdictInput): RuleEvaluation {
  const { hiringTriggerYen, movingAverageMonths, goConsecutiveMonths } = input.settings;
  const periods = monthsEndingAt(input.month, goConsecutiveMonths).map((end): RulePeriod => {
    const window = monthsEndingAt(end, movingAverageMonths);
    const missing = window
      .filter((ym) => figuresOf(input, ym).contribution === null)
      .map((ym) => `${monthKey(ym)}.contribution`);
    const period = monthKey(end);
    if (missing.length > 0) return { period, ...missingCheck(hiringTriggerYen, missing) };
    let sum = 0n;
    for (const ym of window) sum += big(figuresOf(input, ym).contribution ?? 0);
    return {
      period,
      actual: roundHalfUpDiv(sum, movingAverageMonths),
      threshold: hiringTriggerYen,
      // average ≥ trigger ⇔ sum ≥ trigger × months: no division, no rounding in the decision.
      met: sum >= big(hiringTriggerYen) * big(movingAverageMonths),
      missing: [],
    };
  });
  return rule("go.contribution_moving_average", ">=", "yen", "month", periods);
}

/** Go rules read the evaluated month alone (the latest inventory, rating and TACOS). */
function goLatestMonth(
  input: ValidVerdictInput,
  code: VerdictRuleCode,
  comparator: RuleEvaluation["comparator"],
  unit: RuleEvaluation["unit"],
  check: (m: MonthFigures) => Check,
): RuleEvaluation {
  const period = { period: monthKey(input.month), ...check(figuresOf(input, input.month)) };
  return rule(code, comparator, unit, "month", [period]);
}

function atMost(actual: number | null, threshold: number, name: string): Check {
  if (actual === null) return missingCheck(threshold, [name]);
  return { actual, threshold, met: actual <= threshold, missing: [] };
}

function atLeast(actual: number | null, threshold: number, name: string): Check {
  if (actual === null) return missingCheck(threshold, [name]);
  return { actual, threshold, met: actual >= threshold, missing: [] };
}

function tacos(adSpend: number | null, revenue: number | null, maxBp: number): Check {
  const missing = [...(adSpend === null ? ["adSpend"] : []), ...(revenue === null || revenue === 0 ? ["revenue"] : [])];
  if (adSpend === null || revenue === null) return missingCheck(maxBp, missing);
  if (revenue === 0) {
    // Ad spend with no revenue is an unbounded TACOS; neither spend nor revenue says nothing.
    return adSpend > 0 ? { actual: null, threshold: maxBp, met: false, missing: [] } : missingCheck(maxBp, missing);
  }
  return {
    actual: displayRatio(big(adSpend) * big(BP_PER_UNIT), revenue),
    threshold: maxBp,
    met: big(adSpend) * big(BP_PER_UNIT) <= big(maxBp) * big(revenue),
    missing: [],
  };
}

function stopContributionPerOrder(input: ValidVerdictInput): RuleEvaluation {
  const threshold = input.settings.stopContributionPerOrderYen;
  const periods = monthsEndingAt(input.month, input.settings.stopContributionMonths).map((ym): RulePeriod => {
    const { contribution, orders } = figuresOf(input, ym);
    const period = monthKey(ym);
    if (contribution === null || orders === null || orders === 0) {
      // Without orders there is no per-order figure to judge.
      const missing = [...(contribution === null ? ["contribution"] : []), ...(orders ? [] : ["orders"])];
      return { period, ...missingCheck(threshold, missing) };
    }
    return {
      period,
      actual: roundHalfUpDiv(contribution, orders),
      threshold,
      met: big(contribution) < big(threshold) * big(orders),
      missing: [],
    };
  });
  return rule("stop.contribution_per_order", "<", "yen_per_order", "month", periods);
}

function stopCpa(input: ValidVerdictInput): RuleEvaluation {
  const last = lastIsoWeekOfMonth(input.month);
  const count = input.settings.stopCpaWeeks;
  const periods = Array.from({ length: count }, (_, i): RulePeriod => {
    const period = isoWeekKey(addWeeks(last, i - count + 1));
    const week = input.weeks.get(period);
    return { period, ...cpaCheck(week?.adSpend ?? null, week?.adOrders ?? null, week?.grossProfitPerOrder ?? null) };
  });
  return rule("stop.cpa_above_gross_profit", ">", "yen_per_order", "week", periods);
}

function cpaCheck(adSpend: number | null, adOrders: number | null, grossProfit: number | null): Check {
  // A week without ad spend cannot have a CPA above anything, whatever else is missing.
  if (adSpend === 0) return { actual: null, threshold: grossProfit, met: false, missing: [] };
  const missing = [
    ...(adSpend === null ? ["adSpend"] : []),
    ...(adOrders === null ? ["adOrders"] : []),
    ...(grossProfit === null ? ["grossProfitPerOrder"] : []),
  ];
  if (adSpend === null || adOrders === null || grossProfit === null) return missingCheck(grossProfit, missing);
  // Spend with no ad orders is an unbounded CPA: above any gross profit.
  if (adOrders === 0) return { actual: null, threshold: grossProfit, met: true, missing: [] };
  return {
    actual: roundHalfUpDiv(adSpend, adOrders),
    threshold: grossProfit,
    met: big(adSpend) > big(grossProfit) * big(adOrders),
    missing: [],
  };
}

function stopReturnRate(input: ValidVerdictInput): RuleEvaluation {
  const baseline = input.returnRateBaselineBp;
  const multiple = input.settings.stopReturnRateMultipleBp;
  const threshold = baseline === null ? null : roundHalfUpDiv(big(baseline) * big(multiple), BP_PER_UNIT);
  const periods = monthsEndingAt(input.month, input.settings.stopReturnRateMonths).map((ym): RulePeriod => {
    const { returns, orders } = figuresOf(input, ym);
    const period = monthKey(ym);
    if (baseline === null || returns === null || orders === null || orders === 0) {
      const missing = [
        ...(baseline === null ? ["returnRateBaselineBp"] : []),
        ...(returns === null ? ["returns"] : []),
        ...(orders ? [] : ["orders"]),
      ];
      return { period, ...missingCheck(threshold, missing) };
    }
    return {
      period,
      actual: displayRatio(big(returns) * big(BP_PER_UNIT), orders),
      threshold,
      // returns ÷ orders ≥ multiple × baseline, both sides scaled by 10,000² to stay in integers.
      met: big(returns) * big(BP_PER_UNIT) * big(BP_PER_UNIT) >= big(multiple) * big(baseline) * big(orders),
      missing: [],
    };
  });
  return rule("stop.return_rate", ">=", "bp", "month", periods);
}
