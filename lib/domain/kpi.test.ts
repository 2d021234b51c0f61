import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoWeekKey, isoWeekOf, monthOfIsoWeek, parseIsoWeekKey, weeksInIsoYear } from "./calendar";
import type { MeasureKey, WeekValues } from "./kpi";
import {
  achievement,
  aggregateWeeks,
  change,
  combineChannels,
  KPI_KEYS,
  KPIS,
  kpiValue,
  MEASURE_KEYS,
  measuresForPlan,
  monthOfWeekKey,
  validateWeekCells,
  weeksOfMonth,
} from "./kpi";

const week = (isoWeek: string, values: Partial<Record<MeasureKey, number>>, channel = "rakuten"): WeekValues => ({
  isoWeek,
  channel,
  values,
});

describe("ISO weeks and the month a week counts in", () => {
  it("2025 has 52 weeks and 2026 has 53", () => {
    expect(weeksInIsoYear(2025)).toBe(52);
    expect(parseIsoWeekKey("2025-W53")).toBeNull();
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(parseIsoWeekKey("2026-W53")).toEqual({ year: 2026, week: 53 });
  });

  it("2027-01-01 lies in 2026-W53, which counts in December 2026", () => {
    const w = isoWeekOf(new Date(Date.UTC(2027, 0, 1)));
    expect(isoWeekKey(w)).toBe("2026-W53");
    expect(monthOfWeekKey("2026-W53")).toBe("2026-12");
  });

  it("2025-12-31 lies in 2026-W01, which counts in January 2026", () => {
    const w = isoWeekOf(new Date(Date.UTC(2025, 11, 31)));
    expect(isoWeekKey(w)).toBe("2026-W01");
    expect(monthOfWeekKey("2026-W01")).toBe("2026-01");
  });

  it("lists the weeks of a month by their Thursdays", () => {
    expect(weeksOfMonth({ year: 2026, month: 12 }).map(isoWeekKey)).toEqual([
      "2026-W49",
      "2026-W50",
      "2026-W51",
      "2026-W52",
      "2026-W53",
    ]);
    expect(weeksOfMonth({ year: 2026, month: 1 }).map(isoWeekKey)).toEqual([
      "2026-W01",
      "2026-W02",
      "2026-W03",
      "2026-W04",
      "2026-W05",
    ]);
    expect(weeksOfMonth({ year: 2025, month: 2 }).map(isoWeekKey)).toEqual([
      "2025-W06",
      "2025-W07",
      "2025-W08",
      "2025-W09",
    ]);
  });

  it("puts every week in exactly one month (property, 1990–2090)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        for (const w of weeksOfMonth({ year, month })) {
          expect(monthOfIsoWeek(w)).toEqual({ year, month });
        }
      }),
    );
    // …and, the other way round, the months of one year together hold exactly its weeks.
    for (const year of [2020, 2025, 2026, 2027]) {
      const keys = Array.from({ length: 12 }, (_, i) => weeksOfMonth({ year, month: i + 1 }))
        .flat()
        .map(isoWeekKey);
      const expected = Array.from({ length: weeksInIsoYear(year) }, (_, i) => isoWeekKey({ year, week: i + 1 }));
      expect(keys).toEqual(expected);
    }
  });
});

describe("derived KPIs are ratios of sums", () => {
  // March 2026: W10–W13 (Thursdays 5, 12, 19, 26 March).
  const march = [
    week("2026-W10", { revenue: 1_000_000, orders: 100, sessions: 5_000, returns: 1 }),
    week("2026-W11", { revenue: 300_000, orders: 20, sessions: 1_000, returns: 3 }),
    week("2026-W12", { revenue: 700_000, orders: 80, sessions: 2_000, returns: 0 }),
    week("2026-W13", { revenue: 0, orders: 0, sessions: 0, returns: 0 }),
  ];

  it("computes AOV, CVR and return rate from the month's sums, not from weekly ratios", () => {
    const month = aggregateWeeks(march);
    // Σ revenue 2,000,000 ÷ Σ orders 200 = 10,000 yen (the mean of weekly AOVs would be 11,875).
    expect(kpiValue("aov", month)).toEqual({ value: 10_000 });
    // 200 ÷ 8,000 = 2.5 % = 250 bp (the mean of the three weekly CVRs would be 2.67 %).
    expect(kpiValue("cvr", month)).toEqual({ value: 250 });
    // 4 ÷ 200 = 2 %.
    expect(kpiValue("return_rate", month)).toEqual({ value: 200 });
    expect(kpiValue("sales", month)).toEqual({ value: 2_000_000 });
  });

  it("rounds rates to basis points and yen half-up", () => {
    const a = aggregateWeeks([week("2026-W10", { orders: 1, sessions: 3, revenue: 5, ad_spend: 1, ad_revenue: 8 })]);
    expect(kpiValue("cvr", a)).toEqual({ value: 3_333 }); // 33.333… %
    const b = aggregateWeeks([week("2026-W10", { orders: 2, sessions: 3, revenue: 5 })]);
    expect(kpiValue("cvr", b)).toEqual({ value: 6_667 }); // 66.666… % → 66.67 %
    expect(kpiValue("aov", b)).toEqual({ value: 3 }); // 2.5 → 3
    expect(kpiValue("acos", a)).toEqual({ value: 1_250 }); // 1 ÷ 8 = 12.5 %
  });

  it("gives no value for a zero denominator and says which", () => {
    const month = aggregateWeeks([week("2026-W10", { revenue: 0, orders: 0, ad_spend: 5_000, ad_orders: 0 })]);
    expect(kpiValue("aov", month)).toEqual({ value: null, reason: "zero_denominator", denominator: "orders" });
    expect(kpiValue("cpa", month)).toEqual({ value: null, reason: "zero_denominator", denominator: "ad_orders" });
    expect(kpiValue("tacos", month)).toEqual({ value: null, reason: "zero_denominator", denominator: "revenue" });
  });

  it("says which measures were not entered", () => {
    const month = aggregateWeeks([week("2026-W10", { revenue: 100 })]);
    expect(kpiValue("aov", month)).toEqual({ value: null, reason: "not_entered", missing: ["orders"] });
    expect(kpiValue("contribution", month)).toEqual({ value: null, reason: "no_contribution_basis" });
    expect(kpiValue("contribution", month, -12_000)).toEqual({ value: -12_000 });
  });

  it("takes the latest week for last-of-period measures, and the slowest channel's turnover", () => {
    const rakuten = aggregateWeeks([
      week("2026-W12", { active_skus: 120, out_of_stock_skus: 6, inventory_turnover_days: 40 }),
      week("2026-W10", { active_skus: 100, out_of_stock_skus: 2, inventory_turnover_days: 30 }),
    ]);
    expect(rakuten.sums.active_skus).toBe(120);
    const amazon = aggregateWeeks([
      week("2026-W11", { active_skus: 80, out_of_stock_skus: 4, inventory_turnover_days: 55 }, "amazon"),
    ]);
    const all = combineChannels([rakuten, amazon]);
    expect(kpiValue("stockout_rate", all)).toEqual({ value: 500 }); // 10 ÷ 200
    expect(kpiValue("inventory_turnover_days", all)).toEqual({ value: 55 });
  });

  it("weights CSAT and review rating by their responses and reviews", () => {
    const a = aggregateWeeks([
      week("2026-W10", { review_rating: 400, reviews: 30 }),
      week("2026-W11", { review_rating: 450, reviews: 10 }),
    ]);
    const b = aggregateWeeks([week("2026-W10", { review_rating: 500, reviews: 10 }, "amazon")]);
    // (400×30 + 450×10 + 500×10) ÷ 50 = 430
    expect(kpiValue("review_rating", combineChannels([a, b]))).toEqual({ value: 430 });
  });

  it("a month's sums equal the sum of its weeks' sums, in any order and split across channels (property)", () => {
    const value = fc.integer({ min: 0, max: 1_000_000 });
    const weekArb = fc.record({ revenue: value, orders: value, sessions: value, returns: value });
    fc.assert(
      fc.property(fc.array(weekArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 4 }), (weeks, cut) => {
        const keyed = weeks.map((values, i) => week(`2026-W${String(10 + i).padStart(2, "0")}`, values));
        const whole = aggregateWeeks(keyed);
        const parts = combineChannels([aggregateWeeks(keyed.slice(0, cut)), aggregateWeeks(keyed.slice(cut))]);
        for (const key of ["revenue", "orders", "sessions", "returns"] as const) {
          const expected = weeks.reduce((sum, w) => sum + w[key], 0);
          expect(whole.sums[key]).toBe(expected);
          expect(parts.sums[key]).toBe(expected);
        }
        expect(kpiValue("aov", parts)).toEqual(kpiValue("aov", whole));
      }),
    );
  });
});

describe("achievement and status", () => {
  it("higher is better: actual ÷ target", () => {
    expect(achievement(1_000, 1_000, "higher")).toEqual({ achievementBp: 10_000, status: "on_track" });
    expect(achievement(900, 1_000, "higher")).toEqual({ achievementBp: 9_000, status: "watch" });
    expect(achievement(899, 1_000, "higher")).toEqual({ achievementBp: 8_990, status: "off_track" });
  });

  it("lower is better: target ÷ actual", () => {
    // Return rate 2.5 % against a 2 % target: 80 % achieved.
    expect(achievement(250, 200, "lower")).toEqual({ achievementBp: 8_000, status: "off_track" });
    // 2.2 % against 2 %: 90.91 %, watch.
    expect(achievement(220, 200, "lower")).toEqual({ achievementBp: 9_091, status: "watch" });
    expect(achievement(150, 200, "lower")).toEqual({ achievementBp: 13_333, status: "on_track" });
    // Nothing returned meets any target.
    expect(achievement(0, 200, "lower")).toEqual({ achievementBp: null, status: "on_track" });
    expect(achievement(10, 0, "lower")).toEqual({ achievementBp: 0, status: "off_track" });
  });

  it("decides the status exactly, not from the rounded achievement", () => {
    // 99,995 ÷ 100,000 rounds to 100.00 % but is short of the target.
    expect(achievement(99_995, 100_000, "higher")).toEqual({ achievementBp: 9_999 + 1, status: "watch" });
  });

  it("a negative actual is off track", () => {
    expect(achievement(-50_000, 450_000, "higher").status).toBe("off_track");
  });
});

describe("month-on-month and year-on-year change", () => {
  it("gives the delta and the relative change", () => {
    expect(change(1_200, 1_000)).toEqual({ delta: 200, relativeBp: 2_000 });
    expect(change(800, 1_000)).toEqual({ delta: -200, relativeBp: -2_000 });
    expect(change(100, 0)).toEqual({ delta: 100, relativeBp: null });
    expect(change(null, 1_000)).toBeNull();
    expect(change(-100, -200)).toEqual({ delta: 100, relativeBp: 5_000 });
  });
});

describe("the plan's measures", () => {
  it("asks for every input of the plan's KPIs and the whole a part is checked against", () => {
    expect(measuresForPlan(["aov", "csat", "sla_response_rate"])).toEqual([
      "revenue",
      "orders",
      "csat_score",
      "csat_responses",
      "inquiries",
      "answered_in_target",
    ]);
    expect(measuresForPlan(["stockout_rate"])).toEqual(["active_skus", "out_of_stock_skus"]);
  });

  it("every KPI's measures exist and every measure is read by some KPI", () => {
    const read = new Set(measuresForPlan(KPI_KEYS));
    for (const key of MEASURE_KEYS) expect(read.has(key), key).toBe(true);
    for (const key of KPI_KEYS) expect(KPIS[key].key).toBe(key);
  });
});

describe("validating a week's cells", () => {
  const allowed = {
    channels: ["rakuten", "amazon"],
    measures: measuresForPlan(["aov", "return_rate", "review_rating"]),
  };

  it("accepts a week and normalises its key", () => {
    const result = validateWeekCells(
      "2026-W10",
      [
        { channel: "rakuten", measure: "revenue", value: 1_234_500 },
        { channel: "rakuten", measure: "orders", value: null },
      ],
      allowed,
    );
    expect(result.ok).toBe(true);
  });

  it("refuses a week that does not exist, negatives, fractions, text, unknown and unplanned measures", () => {
    const result = validateWeekCells(
      "2025-W53",
      [
        { channel: "rakuten", measure: "revenue", value: -1 },
        { channel: "rakuten", measure: "orders", value: 1.5 },
        { channel: "amazon", measure: "revenue", value: "1,000" },
        { channel: "rakuten", measure: "sessions", value: 10 },
        { channel: "rakuten", measure: "bogus", value: 10 },
        { channel: "qoo10", measure: "orders", value: 10 },
      ],
      allowed,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ["isoWeek", "invalid_format"],
      ["cells.0.value", "must_not_be_negative"],
      ["cells.1.value", "not_integer"],
      ["cells.2.value", "not_a_number"],
      ["cells.3.measure", "not_in_plan"],
      ["cells.4.measure", "invalid_option"],
      ["cells.5.channel", "invalid_option"],
    ]);
  });

  it("refuses a part above its whole, a score without weight and a duplicate cell", () => {
    const result = validateWeekCells(
      "2026-W10",
      [
        { channel: "rakuten", measure: "review_rating", value: 420 },
        { channel: "rakuten", measure: "reviews", value: 0 },
        { channel: "amazon", measure: "orders", value: 3 },
        { channel: "amazon", measure: "orders", value: 4 },
      ],
      allowed,
    );
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([["cells.3.measure", "duplicate"]]);
    const second = validateWeekCells(
      "2026-W10",
      [
        { channel: "rakuten", measure: "review_rating", value: 420 },
        { channel: "rakuten", measure: "reviews", value: 0 },
      ],
      allowed,
    );
    expect(second.ok ? [] : second.errors.map((e) => [e.field, e.code])).toEqual([
      ["cells.0.value", "requires_weight"],
    ]);
    const third = validateWeekCells(
      "2026-W10",
      [
        { channel: "rakuten", measure: "inquiries", value: 10 },
        { channel: "rakuten", measure: "answered_in_target", value: 11 },
      ],
      { channels: ["rakuten"], measures: measuresForPlan(["sla_response_rate"]) },
    );
    expect(third.ok ? [] : third.errors.map((e) => [e.field, e.code, e.params])).toEqual([
      ["cells.1.value", "exceeds_whole", { max: 10 }],
    ]);
  });
});
