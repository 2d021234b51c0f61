import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KPI_KEYS, KPIS } from "@/lib/domain/kpi";
import {
  copyPreviousYear,
  fillFrom,
  inputKindOfUnit,
  lastCompleteMonth,
  overridesOf,
  parseTarget,
  parseTyped,
  planDefinitionChanged,
  planSummary,
  targetGrid,
  typedText,
} from "./plan-view";

describe("numbers as typed", () => {
  it("reads yen, percent, rating and multiples in the stored unit", () => {
    expect(parseTarget("sales", "¥1,200,000")).toEqual({ ok: true, value: 1_200_000 });
    expect(parseTarget("sales", "１２０万")).toMatchObject({ ok: false, code: "not_a_number" });
    expect(parseTarget("cvr", "3.5")).toEqual({ ok: true, value: 350 });
    expect(parseTarget("cvr", "3.5%")).toEqual({ ok: true, value: 350 });
    expect(parseTarget("review_rating", "4.2")).toEqual({ ok: true, value: 420 });
    expect(parseTarget("review_rating", "5.5")).toEqual({ ok: false, code: "above_maximum" });
    expect(parseTarget("orders", "1.5")).toEqual({ ok: false, code: "too_precise" });
    expect(parseTarget("orders", "-3")).toEqual({ ok: false, code: "must_not_be_negative" });
    expect(parseTarget("orders", "  ")).toEqual({ ok: true, value: null });
    expect(parseTyped("multiple", "2")).toEqual({ ok: true, value: 20_000 });
    expect(parseTyped("multiple", "2.5")).toEqual({ ok: true, value: 25_000 });
  });

  it("shows every stored target so that typing it back gives the same number", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KPI_KEYS), fc.integer({ min: 0, max: 500 }), (kpi, value) => {
        const text = typedText(inputKindOfUnit(KPIS[kpi].unit), value);
        expect(parseTarget(kpi, text)).toEqual({ ok: true, value });
      }),
    );
    expect(typedText("multiple", 20_000)).toBe("2");
  });
});

describe("the target grid", () => {
  const targets = [
    { kpi: "sales" as const, month: "2025-03", target: 1_000_000 },
    { kpi: "cvr" as const, month: "2025-12", target: 250 },
    { kpi: "aov" as const, month: "2025-01", target: 5000 },
  ];

  it("holds the plan's KPIs × 12 months as text", () => {
    const grid = targetGrid(["sales", "cvr"], 2025, targets);
    expect(grid.sales?.[2]).toBe("1,000,000");
    expect(grid.cvr?.[11]).toBe("2.5");
    expect(grid.aov).toBeUndefined();
  });

  it("fills the months after one from it", () => {
    const grid = { sales: ["1", "2", "", "", "", "", "", "", "", "", "", "9"] };
    expect(fillFrom(grid, 1).sales).toEqual(["1", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "2"]);
  });

  it("copies last year's targets into the same months, keeping months last year left empty", () => {
    const current = [
      { kpi: "sales" as const, month: "2026-03", target: 5 },
      { kpi: "sales" as const, month: "2026-04", target: 7 },
    ];
    expect(copyPreviousYear(2026, ["sales", "cvr"], current, targets)).toEqual([
      { kpi: "sales", month: "2026-03", target: 1_000_000 },
      { kpi: "sales", month: "2026-04", target: 7 },
      { kpi: "cvr", month: "2026-12", target: 250 },
    ]);
  });
});

describe("verdict thresholds", () => {
  it("stores only what differs from the default", () => {
    expect(overridesOf({ hiringTriggerYen: "¥450,000", maxTacosBp: "15", stopCpaWeeks: "" })).toEqual({
      overrides: { maxTacosBp: 1500 },
      errors: [],
    });
    expect(overridesOf({ minReviewRatingHundredths: "x" }).errors).toEqual([
      { key: "minReviewRatingHundredths", code: "not_a_number" },
    ]);
  });
});

describe("the checklist's item 2", () => {
  const plan = {
    reviewCadence: "monthly" as const,
    thirdPartyAudit: null,
    items: [
      {
        kpi: "sales" as const,
        tier: "surface" as const,
        direction: "higher" as const,
        dataSource: "RMS",
        thirdPartyAudited: false,
      },
      {
        kpi: "cvr" as const,
        tier: "surface" as const,
        direction: "higher" as const,
        dataSource: " ",
        thirdPartyAudited: false,
      },
    ],
  };

  it("summarises the plan for a month", () => {
    expect(planSummary(null, [], { year: 2026, month: 3 })).toBeNull();
    expect(
      planSummary(
        plan,
        [
          { kpi: "sales", month: "2026-03" },
          { kpi: "cvr", month: "2026-04" },
        ],
        { year: 2026, month: 3 },
      ),
    ).toEqual({
      kpis: ["sales", "cvr"],
      kpisWithTargets: 1,
      dataSourcesStated: false,
      reviewCadence: "monthly",
      thirdPartyAudit: null,
    });
  });

  it("treats a reorder as no change, and a new source, cadence or KPI as one", () => {
    const reordered = { ...plan, items: [...plan.items].reverse() };
    expect(planDefinitionChanged(plan, reordered)).toBe(false);
    expect(planDefinitionChanged(null, plan)).toBe(true);
    expect(planDefinitionChanged(plan, { ...plan, reviewCadence: "weekly" })).toBe(true);
    const first = plan.items[0];
    if (!first) throw new Error("no item");
    expect(planDefinitionChanged(plan, { ...plan, items: [{ ...first, dataSource: "GA4" }] })).toBe(true);
  });
});

it("the last complete month is the one before today's", () => {
  expect(lastCompleteMonth("2026-01-15")).toEqual({ year: 2025, month: 12 });
  expect(lastCompleteMonth("2026-07-01")).toEqual({ year: 2026, month: 6 });
});
