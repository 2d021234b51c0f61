import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allNumbersAreSafeIntegers, garbageNumber } from "./test-arbitraries";
import type { RuleEvaluation, Verdict, VerdictInput, VerdictMonthFigures, VerdictWeekFigures } from "./verdict";
import { DEFAULT_VERDICT_SETTINGS, evaluateVerdict } from "./verdict";

// Evaluated month 2025-06. The Go moving average needs 2025-02…06; June's last ISO week is 2025-W26
// (Thursday 26 June), so the CPA rule reads W23…W26.
const MONTHS = ["2025-02", "2025-03", "2025-04", "2025-05", "2025-06"] as const;
const WEEKS = ["2025-W23", "2025-W24", "2025-W25", "2025-W26"] as const;

const goodMonth = (month: string): VerdictMonthFigures => ({
  month,
  contribution: 500_000,
  orders: 400, // 1,250 yen per order
  revenue: 2_000_000,
  adSpend: 300_000, // TACOS 15 %
  returns: 4, // 1 % against a 1 % baseline
  inventoryTurnoverDays: 45,
  reviewRatingHundredths: 430,
});

const goodWeek = (isoWeek: string): VerdictWeekFigures => ({
  isoWeek,
  adSpend: 50_000,
  adOrders: 100, // CPA 500
  grossProfitPerOrder: 2_000,
});

function input(
  monthPatch: Partial<Record<(typeof MONTHS)[number], Partial<VerdictMonthFigures>>> = {},
  weekPatch: Partial<Record<(typeof WEEKS)[number], Partial<VerdictWeekFigures>>> = {},
  extra: Partial<VerdictInput> = {},
): VerdictInput {
  return {
    month: "2025-06",
    months: MONTHS.map((m) => ({ ...goodMonth(m), ...monthPatch[m] })),
    weeks: WEEKS.map((w) => ({ ...goodWeek(w), ...weekPatch[w] })),
    returnRateBaselineBp: 100,
    ...extra,
  };
}

function verdictOf(value: VerdictInput): Verdict {
  const result = evaluateVerdict(value);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function ruleOf(verdict: Verdict, code: RuleEvaluation["code"]): RuleEvaluation {
  const found = verdict.rules.find((r) => r.code === code);
  if (found === undefined) throw new Error(`no rule ${code}`);
  return found;
}

const lastThree = (patch: Partial<VerdictMonthFigures>) => ({ "2025-04": patch, "2025-05": patch, "2025-06": patch });
const allWeeks = (patch: Partial<VerdictWeekFigures>) => Object.fromEntries(WEEKS.map((w) => [w, patch]));

describe("verdict", () => {
  it("is Go when every Go rule is met and every Stop rule is clear, and shows all seven rules", () => {
    const v = verdictOf(input());
    expect(v.verdict).toBe("go");
    expect(v.month).toBe("2025-06");
    expect(v.rules.map((r) => [r.code, r.outcome])).toEqual([
      ["go.contribution_moving_average", "met"],
      ["go.inventory_turnover", "met"],
      ["go.review_rating", "met"],
      ["go.tacos", "met"],
      ["stop.contribution_per_order", "not_met"],
      ["stop.cpa_above_gross_profit", "not_met"],
      ["stop.return_rate", "not_met"],
    ]);
    expect(v.decidingRules).toEqual(v.rules.filter((r) => r.leadsTo === "go").map((r) => r.code));
  });

  it("shows each period with its actual value and threshold", () => {
    const v = verdictOf(input());
    expect(ruleOf(v, "go.contribution_moving_average").periods).toEqual(
      ["2025-04", "2025-05", "2025-06"].map((period) => ({
        period,
        actual: 500_000,
        threshold: 450_000,
        met: true,
        missing: [],
      })),
    );
    expect(ruleOf(v, "go.tacos").periods).toEqual([
      { period: "2025-06", actual: 1_500, threshold: 1_800, met: true, missing: [] },
    ]);
    expect(ruleOf(v, "stop.cpa_above_gross_profit").periods.map((p) => p.period)).toEqual([...WEEKS]);
    expect(ruleOf(v, "stop.return_rate").periods[1]).toMatchObject({ actual: 100, threshold: 200, met: false });
  });

  it("uses the SPEC §5 defaults", () => {
    expect(DEFAULT_VERDICT_SETTINGS).toMatchObject({
      hiringTriggerYen: 450_000,
      maxInventoryTurnoverDays: 60,
      minReviewRatingHundredths: 420,
      maxTacosBp: 1_800,
      stopContributionPerOrderYen: 1_000,
      stopCpaWeeks: 4,
      stopReturnRateMultipleBp: 20_000,
    });
  });
});

describe("Go thresholds: on, just above, just below", () => {
  const go = (v: VerdictInput) => verdictOf(v).verdict;

  it("moving average of monthly contribution ≥ 450,000 for 3 months", () => {
    const all = (contribution: number) =>
      input(Object.fromEntries(MONTHS.map((m) => [m, { contribution }])) as Record<string, VerdictMonthFigures>);
    expect(go(all(450_000))).toBe("go");
    expect(go(all(450_001))).toBe("go");
    expect(go(all(449_999))).toBe("hold");
  });

  it("compares the average exactly, not its rounded display", () => {
    // (450,000 + 450,000 + 449,999) ÷ 3 = 449,999.67, shown as 450,000 but short of the trigger.
    const tight = verdictOf(
      input({
        "2025-04": { contribution: 450_000 },
        "2025-05": { contribution: 450_000 },
        "2025-06": { contribution: 449_999 },
      }),
    );
    expect(ruleOf(tight, "go.contribution_moving_average").periods[2]).toMatchObject({ actual: 450_000, met: false });
    expect(tight.verdict).toBe("hold");
  });

  it("needs the average on target in each of the 3 consecutive months", () => {
    // February at zero drags April's average (Feb–Apr) to 333,333.
    const v = verdictOf(input({ "2025-02": { contribution: 0 } }));
    expect(ruleOf(v, "go.contribution_moving_average").periods.map((p) => p.met)).toEqual([false, true, true]);
    expect(v.verdict).toBe("hold");
    expect(v.decidingRules).toEqual(["go.contribution_moving_average"]);
  });

  it("inventory turnover ≤ 60 days", () => {
    expect(go(input({ "2025-06": { inventoryTurnoverDays: 60 } }))).toBe("go");
    expect(go(input({ "2025-06": { inventoryTurnoverDays: 59 } }))).toBe("go");
    expect(go(input({ "2025-06": { inventoryTurnoverDays: 61 } }))).toBe("hold");
  });

  it("review rating ≥ 4.20", () => {
    expect(go(input({ "2025-06": { reviewRatingHundredths: 420 } }))).toBe("go");
    expect(go(input({ "2025-06": { reviewRatingHundredths: 421 } }))).toBe("go");
    expect(go(input({ "2025-06": { reviewRatingHundredths: 419 } }))).toBe("hold");
  });

  it("TACOS ≤ 18 %, compared exactly", () => {
    expect(go(input({ "2025-06": { adSpend: 360_000 } }))).toBe("go");
    expect(go(input({ "2025-06": { adSpend: 359_999 } }))).toBe("go");
    const over = verdictOf(input({ "2025-06": { adSpend: 360_001 } }));
    // 18.00005 % displays as 1,800 bp yet fails.
    expect(ruleOf(over, "go.tacos").periods[0]).toMatchObject({ actual: 1_800, met: false });
    expect(over.verdict).toBe("hold");
  });

  it("TACOS with ad spend but no revenue fails; with neither it lacks data", () => {
    const spend = verdictOf(input({ "2025-06": { revenue: 0 } }));
    expect(ruleOf(spend, "go.tacos")).toMatchObject({ outcome: "not_met", periods: [{ actual: null, met: false }] });
    const none = verdictOf(input({ "2025-06": { revenue: 0, adSpend: 0 } }));
    expect(ruleOf(none, "go.tacos").outcome).toBe("insufficient_data");
  });

  it("follows per-client settings", () => {
    expect(go(input({}, {}, { settings: { hiringTriggerYen: 600_000 } }))).toBe("hold");
    expect(
      go(input({ "2025-06": { reviewRatingHundredths: 400 } }, {}, { settings: { minReviewRatingHundredths: 400 } })),
    ).toBe("go");
  });
});

describe("Stop thresholds: on, just above, just below", () => {
  it("contribution per order < 1,000 yen for 3 consecutive months", () => {
    // 500,000 ÷ 500 = 1,000 exactly: not below.
    expect(verdictOf(input(lastThree({ orders: 500 }))).verdict).toBe("go");
    // 500,000 ÷ 501 = 998.0: below in all three months.
    const lit = verdictOf(input(lastThree({ orders: 501 })));
    expect(lit.verdict).toBe("stop");
    expect(lit.decidingRules).toEqual(["stop.contribution_per_order"]);
    expect(ruleOf(lit, "stop.contribution_per_order").periods[0]).toMatchObject({ actual: 998, threshold: 1_000 });
    // 999.998 yen per order shows as 1,000 but is below.
    expect(verdictOf(input(lastThree({ contribution: 499_999, orders: 500 }))).verdict).toBe("stop");
    // Only two months below: not lit.
    const two = verdictOf(input({ "2025-05": { orders: 501 }, "2025-06": { orders: 501 } }));
    expect(ruleOf(two, "stop.contribution_per_order").outcome).toBe("not_met");
  });

  it("CPA > gross profit per order for 4 consecutive weeks", () => {
    // CPA 2,000 = gross profit: not above.
    expect(verdictOf(input({}, allWeeks({ adSpend: 200_000 }))).verdict).toBe("go");
    // 200,001 ÷ 100 = 2,000.01: above, every week.
    const lit = verdictOf(input({}, allWeeks({ adSpend: 200_001 })));
    expect(lit.verdict).toBe("stop");
    expect(ruleOf(lit, "stop.cpa_above_gross_profit").periods[3]).toMatchObject({
      period: "2025-W26",
      actual: 2_000,
      threshold: 2_000,
      met: true,
    });
    // Three weeks are not enough.
    const three = verdictOf(input({}, { ...allWeeks({ adSpend: 200_001 }), "2025-W23": { adSpend: 199_999 } }));
    expect(three.verdict).toBe("go");
  });

  it("counts ad spend without ad orders as CPA above gross profit, and no spend as clear", () => {
    expect(verdictOf(input({}, allWeeks({ adOrders: 0 }))).verdict).toBe("stop");
    const noAds = verdictOf(input({}, allWeeks({ adSpend: 0, adOrders: 0, grossProfitPerOrder: null })));
    expect(ruleOf(noAds, "stop.cpa_above_gross_profit").outcome).toBe("not_met");
  });

  it("return rate ≥ 2 × baseline for 2 consecutive months", () => {
    const both = (returns: number) => input({ "2025-05": { returns }, "2025-06": { returns } });
    // 8 ÷ 400 = 2 % = 2 × 1 %: lit (at or above).
    expect(verdictOf(both(8)).verdict).toBe("stop");
    expect(verdictOf(both(9)).verdict).toBe("stop");
    expect(verdictOf(both(7)).verdict).toBe("go");
    expect(verdictOf(input({ "2025-06": { returns: 8 } })).verdict).toBe("go");
  });

  it("takes precedence over Go", () => {
    const v = verdictOf(input({ "2025-05": { returns: 20 }, "2025-06": { returns: 20 } }));
    expect(ruleOf(v, "go.contribution_moving_average").outcome).toBe("met");
    expect(v.verdict).toBe("stop");
    expect(v.decidingRules).toEqual(["stop.return_rate"]);
  });

  it("ignores weeks after the month and months after the evaluated one", () => {
    const later = input();
    const v = verdictOf({
      ...later,
      months: [...later.months, { ...goodMonth("2025-07"), returns: 400 }],
      weeks: [...later.weeks, { isoWeek: "2025-W27", adSpend: 10_000_000, adOrders: 1, grossProfitPerOrder: 1 }],
    });
    expect(v.verdict).toBe("go");
  });
});

describe("insufficient data", () => {
  it("is never a pass: a missing Go figure means Hold, naming what is missing", () => {
    const v = verdictOf(input({ "2025-02": { contribution: null }, "2025-06": { reviewRatingHundredths: undefined } }));
    expect(v.verdict).toBe("hold");
    const ma = ruleOf(v, "go.contribution_moving_average");
    expect(ma.outcome).toBe("insufficient_data");
    expect(ma.periods[0]?.missing).toEqual(["2025-02.contribution"]);
    expect(ruleOf(v, "go.review_rating").periods[0]?.missing).toEqual(["reviewRatingHundredths"]);
    expect(v.decidingRules).toEqual(["go.contribution_moving_average", "go.review_rating"]);
  });

  it("a Stop rule without data neither causes Stop nor blocks Go (SPEC §5 names four Go conditions)", () => {
    const v = verdictOf(input({}, {}, { returnRateBaselineBp: null }));
    expect(ruleOf(v, "stop.return_rate").outcome).toBe("insufficient_data");
    expect(v.verdict).toBe("go");
    expect(v.decidingRules).toEqual([
      "go.contribution_moving_average",
      "go.inventory_turnover",
      "go.review_rating",
      "go.tacos",
    ]);
  });

  it("a period that clearly fails settles a consecutive rule even when another lacks data", () => {
    const v = verdictOf(input({ "2025-04": { contribution: null }, "2025-06": { orders: 100 } }));
    // June: 5,000 yen per order, clearly not below 1,000.
    expect(ruleOf(v, "stop.contribution_per_order").outcome).toBe("not_met");
  });

  it("missing weeks and months are insufficient data", () => {
    const v = verdictOf({ month: "2025-06", months: [], weeks: [] });
    expect(v.verdict).toBe("hold");
    expect(v.rules.every((r) => r.outcome === "insufficient_data")).toBe(true);
  });

  it("zero orders give no per-order figure", () => {
    const v = verdictOf(input(lastThree({ orders: 0 })));
    expect(ruleOf(v, "stop.contribution_per_order").periods[0]?.missing).toEqual(["orders"]);
  });
});

describe("verdict validation", () => {
  function codes(value: unknown): string[] {
    const result = evaluateVerdict(value as VerdictInput);
    return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);
  }

  it("reports bad keys, duplicates, bad figures and bad settings together", () => {
    expect(
      codes({
        month: "2025-6",
        months: [{ month: "2025-05", orders: -1 }, { month: "2025-05" }, { month: "May", orders: 1 }],
        weeks: [{ isoWeek: "2025-W54" }, { isoWeek: "2025-W01", adSpend: 1.5 }],
        returnRateBaselineBp: 0,
        settings: { stopCpaWeeks: 0, maxTacosBp: "18%" },
      }),
    ).toEqual([
      "month:invalid_format",
      "months.0.orders:must_not_be_negative",
      "months.1.month:duplicate",
      "months.2.month:invalid_format",
      "weeks.0.isoWeek:invalid_format",
      "weeks.1.adSpend:not_integer",
      "returnRateBaselineBp:must_be_positive",
      "settings.maxTacosBp:not_a_number",
      "settings.stopCpaWeeks:must_be_positive",
    ]);
  });

  it("never throws and never yields NaN on garbage", () => {
    const month = fc.record({
      month: fc.constantFrom("2025-04", "2025-05", "2025-06", "bad"),
      contribution: garbageNumber,
      orders: garbageNumber,
      revenue: garbageNumber,
      adSpend: garbageNumber,
      returns: garbageNumber,
      inventoryTurnoverDays: garbageNumber,
      reviewRatingHundredths: garbageNumber,
    });
    const week = fc.record({
      isoWeek: fc.constantFrom("2025-W24", "2025-W25", "2025-W26", "x"),
      adSpend: garbageNumber,
      adOrders: garbageNumber,
      grossProfitPerOrder: garbageNumber,
    });
    const verdictInput = fc.oneof(
      fc.anything(),
      fc.record({
        month: fc.constantFrom("2025-06", "2025-13", 202506),
        months: fc.oneof(fc.array(month, { maxLength: 6 }), garbageNumber),
        weeks: fc.oneof(fc.array(week, { maxLength: 6 }), garbageNumber),
        returnRateBaselineBp: garbageNumber,
        settings: fc.oneof(fc.record({ hiringTriggerYen: garbageNumber, stopCpaWeeks: garbageNumber }), garbageNumber),
      }),
    );
    fc.assert(
      fc.property(verdictInput, (value) => {
        const result = evaluateVerdict(value as VerdictInput);
        if (result.ok) expect(allNumbersAreSafeIntegers(result.value)).toBe(true);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 3_000 },
    );
  });

  it("stays exact with figures at the edge of the safe-integer range", () => {
    const huge = Number.MAX_SAFE_INTEGER;
    const v = verdictOf(input(lastThree({ contribution: huge, orders: 1, revenue: 1, adSpend: huge, returns: huge })));
    expect(allNumbersAreSafeIntegers(v)).toBe(true);
    expect(ruleOf(v, "go.tacos").periods[0]).toMatchObject({ actual: null, met: false });
  });
});
