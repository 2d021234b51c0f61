import { describe, expect, it } from "vitest";
import { aggregateWeeks, type MeasureKey, type WeekValues } from "@/lib/domain/kpi";
import { DEFAULT_VERDICT_SETTINGS, evaluateVerdict } from "@/lib/domain/verdict";
import type { PlLineValues } from "@/lib/economics/line";
import type { Channel } from "@/lib/options";
import {
  type AggregateInput,
  baseLineFigures,
  chartSeries,
  contributionOf,
  figuresByPeriod,
  isAdditive,
  kpiMonthView,
  kpiTable,
  lastMonths,
  targetKey,
  valueFor,
  verdictInputOf,
  verdictWindow,
} from "./rollup";

// The roll-up from the database's per-period aggregates to the KPI page: ratios of sums, targets, changes,
// the monthly contribution of §5 and the verdict's input. Rows are built the way SQL returns them.

/** What `kpiAggregates` returns for one channel's weeks in one period (via the pure aggregation). */
function rows(period: string, channel: Channel, weeks: Partial<Record<MeasureKey, number>>[]): AggregateInput[] {
  const values: WeekValues[] = weeks.map((v, i) => ({ isoWeek: `2026-W${10 + i}`, channel, values: v }));
  const aggregate = aggregateWeeks(values);
  return Object.entries(aggregate.sums).map(([measure, value]) => ({
    period,
    channel,
    measure: measure as MeasureKey,
    value: value ?? 0,
    weighted: aggregate.weighted[measure as MeasureKey] ?? null,
  }));
}

const line = (channel: Channel, feeRateBp: number, monthlyOrders = 0): PlLineValues =>
  ({
    channel,
    sku: `${channel}-1`,
    scenario: "base",
    aov: 5500,
    grossMarginBp: 5000,
    feeRateBp,
    pointsRateBp: 0,
    shipping: 0,
    packaging: 0,
    returnLoss: 0,
    otherVariable: [],
    adMode: "cpa",
    cpa: 600,
    cpc: null,
    cvrBp: null,
    acosBp: null,
    targetContribution: null,
    monthlyOrders,
  }) as PlLineValues;

const march = { year: 2026, month: 3 };
const data = [
  ...rows("2026-03", "rakuten", [
    { revenue: 1_000_000, orders: 200, sessions: 10_000, review_rating: 420, reviews: 10 },
    { revenue: 1_200_000, orders: 230, sessions: 11_000, review_rating: 450, reviews: 30 },
  ]),
  ...rows("2026-03", "amazon", [{ revenue: 500_000, orders: 100, sessions: 4_000 }]),
  ...rows("2026-02", "rakuten", [{ revenue: 2_000_000, orders: 400, sessions: 20_000 }]),
  ...rows("2025-03", "rakuten", [{ revenue: 1_000_000, orders: 250, sessions: 25_000 }]),
];
const months = figuresByPeriod(data);
const base = baseLineFigures([line("rakuten", 1200), line("amazon", 1500)]);

describe("a month's KPIs", () => {
  it("are ratios of the month's sums across weeks and channels, never means of weekly ratios", () => {
    const figures = months.get("2026-03");
    expect(valueFor("sales", figures, base).value).toBe(2_700_000);
    // 2,700,000 ÷ 530 = 5,094.3 → 5,094 (the mean of the weekly AOVs would be 5,108).
    expect(valueFor("aov", figures, base).value).toBe(5_094);
    // 530 ÷ 25,000 = 2.12 % → 212 bp.
    expect(valueFor("cvr", figures, base).value).toBe(212);
    // (420 × 10 + 450 × 30) ÷ 40 = 442.5 → 443 (half-up).
    expect(valueFor("review_rating", figures, base).value).toBe(443);
    expect(valueFor("aov", figures, base, "amazon").value).toBe(5_000);
  });

  it("computes the monthly contribution from each channel's base line", () => {
    expect(base.byChannel.get("rakuten")?.contributionPerOrder).toBe(1_490);
    expect(base.byChannel.get("amazon")?.contributionPerOrder).toBe(1_325);
    expect(contributionOf(months.get("2026-03"), base)).toBe(430 * 1_490 + 100 * 1_325);
    expect(contributionOf(months.get("2026-03"), baseLineFigures([]))).toBeNull();
    expect(valueFor("contribution", months.get("2026-03"), base, "amazon").value).toBe(132_500);
  });

  it("weights a channel's lines by their monthly orders", () => {
    const mixed = baseLineFigures([line("rakuten", 1200, 300), { ...line("rakuten", 2200, 100), sku: "b" }]);
    // (1,490 × 300 + 940 × 100) ÷ 400 = 1,352.5 → 1,353
    expect(mixed.byChannel.get("rakuten")?.contributionPerOrder).toBe(1_353);
  });

  it("builds the table with target, achievement, status and changes", () => {
    const targets = new Map([
      [targetKey("sales", "2026-03"), 3_000_000],
      [targetKey("cvr", "2026-03"), 200],
    ]);
    const table = kpiTable({
      month: march,
      items: [
        { kpi: "sales", tier: "surface", direction: "higher" },
        { kpi: "cvr", tier: "surface", direction: "higher" },
        { kpi: "return_rate", tier: "quality", direction: "lower" },
      ],
      months,
      targets,
      base,
    });
    const [sales, cvr, returns] = table;
    expect(sales?.achievement).toEqual({ achievementBp: 9_000, status: "watch" });
    expect(sales?.monthOnMonth).toEqual({ delta: 700_000, relativeBp: 3_500 });
    expect(sales?.yearOnYear).toEqual({ delta: 1_700_000, relativeBp: 17_000 });
    expect(cvr?.achievement).toEqual({ achievementBp: 10_600, status: "on_track" });
    expect(cvr?.yearOnYear).toEqual({ delta: 112, relativeBp: 11_200 });
    expect(returns?.actual).toEqual({ value: null, reason: "not_entered", missing: ["returns"] });
    expect(returns?.achievement).toBeNull();
  });
});

describe("the charts' series", () => {
  it("sends numbers per plan KPI, with the weekly share of an additive target", () => {
    const weeks = figuresByPeriod([
      ...rows("2026-W10", "rakuten", [{ revenue: 1_000_000, orders: 200, sessions: 10_000 }]),
      ...rows("2026-W11", "rakuten", [{ revenue: 1_200_000, orders: 230, sessions: 11_000 }]),
    ]);
    const [sales, cvr] = chartSeries({
      month: "2026-03",
      kpis: ["sales", "cvr"],
      months: lastMonths(march, 12),
      weeks: ["2026-W10", "2026-W11", "2026-W12", "2026-W13"],
      monthFigures: months,
      weekFigures: weeks,
      targets: new Map([
        [targetKey("sales", "2026-03"), 3_000_001],
        [targetKey("cvr", "2026-03"), 200],
      ]),
      base,
    });
    expect(sales?.weekly).toEqual([1_000_000, 1_200_000, null, null]);
    expect(sales?.weeklyTarget).toBe(750_000); // 3,000,001 ÷ 4, half-up
    expect(sales?.monthly).toHaveLength(12);
    expect(sales?.monthly.slice(-2)).toEqual([2_000_000, 2_700_000]);
    expect(sales?.monthlyTargets.at(-1)).toBe(3_000_001);
    expect(cvr?.weeklyTarget).toBe(200);
    expect(cvr?.weekly.slice(0, 2)).toEqual([200, 209]);
  });

  it("knows which KPIs add up over weeks", () => {
    expect(["sales", "orders", "contribution", "ad_spend"].every((k) => isAdditive(k as "sales"))).toBe(true);
    expect(["aov", "cvr", "review_rating", "inventory_turnover_days"].some((k) => isAdditive(k as "aov"))).toBe(false);
  });
});

describe("the KPI page's derived parts", () => {
  const table = kpiTable({
    month: march,
    items: [
      { kpi: "sales", tier: "surface", direction: "higher" },
      { kpi: "contribution", tier: "surface", direction: "higher" },
    ],
    months,
    targets: new Map(),
    base,
  });
  const view = (clientChannels: string[]) =>
    kpiMonthView(
      {
        month: "2026-03",
        table,
        months: lastMonths(march, 12),
        weeks: ["2026-W10", "2026-W11"],
        monthFigures: months,
        weekFigures: new Map(),
        targets: new Map(),
        base,
      },
      clientChannels,
    );

  it("breaks the table down by the client's channels and any other channel with figures, in the usual order", () => {
    // Amazon has figures in March though the client no longer lists it; Yahoo! is listed without figures.
    const { channels, breakdown, contribution, charts } = view(["yahoo", "rakuten"]);
    expect(channels).toEqual(["rakuten", "yahoo", "amazon"]);
    expect(breakdown.map((row) => row.kpi)).toEqual(["sales", "contribution"]);
    expect(breakdown[0]?.values.map((v) => v.value)).toEqual([2_200_000, null, 500_000]);
    expect(breakdown[1]?.values.map((v) => v.value)).toEqual([430 * 1_490, null, 100 * 1_325]);
    expect(contribution).toBe(430 * 1_490 + 100 * 1_325);
    expect(charts.map((c) => [c.kpi, c.unit])).toEqual([
      ["sales", "yen"],
      ["contribution", "yen"],
    ]);
  });
});

describe("the verdict's input", () => {
  it("reads as many months and weeks as the thresholds need", () => {
    expect(verdictWindow(DEFAULT_VERDICT_SETTINGS)).toEqual({ months: 5, weeks: 4 });
    const input = verdictInputOf({
      month: march,
      settings: {},
      resolvedSettings: DEFAULT_VERDICT_SETTINGS,
      returnRateBaselineBp: null,
      months,
      weeks: new Map(),
      base,
    });
    expect(input.months.map((m) => m.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(input.months.at(-1)).toMatchObject({ orders: 530, revenue: 2_700_000, reviewRatingHundredths: 443 });
    expect(input.weeks.map((w) => w.isoWeek)).toEqual(["2026-W10", "2026-W11", "2026-W12", "2026-W13"]);
    const verdict = evaluateVerdict(input);
    expect(verdict.ok && verdict.value.verdict).toBe("hold");
  });
});
