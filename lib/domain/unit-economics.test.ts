import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Result } from "./result";
import type { LineInput } from "./unit-economics";
import {
  computeLine,
  cpaFromCpcAndCvr,
  DEFAULT_PROFIT_LEVELS,
  ordersNeeded,
  ordersNeededAtLevels,
  pacing,
} from "./unit-economics";

interface ReferenceCase extends LineInput {
  id: string;
  expected: {
    grossProfit: number;
    feeAmount: number;
    pointsAmount: number;
    adsCpa: number;
    variableCostsExcludingAds: number;
    contributionPerOrder: number;
    ordersNeededFor450k: number;
    ordersNeededFor600k: number;
    allowedCpaForTarget?: number;
  };
}

interface ReferenceFile {
  cases: ReferenceCase[];
  cpaFromCpcAndCvr: { cpc: number; cvrBp: number; cpa: number }[];
}

const reference: ReferenceFile = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, "reference/unit-economics-cases.json"), "utf8"),
);

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function orders(contribution: number, profit: number): number | "unreachable" {
  const needed = unwrap(ordersNeeded(contribution, profit));
  return needed.kind === "orders" ? needed.orders : "unreachable";
}

describe("reference vectors (seed 004 recomputed under SPEC §5)", () => {
  it("has the four cases and the CPC ÷ CVR cases", () => {
    expect(reference.cases.map((c) => c.id)).toEqual(["A", "B", "C", "D"]);
    expect(reference.cpaFromCpcAndCvr).toHaveLength(2);
  });

  describe.each(reference.cases)("case $id", (c) => {
    const line = unwrap(computeLine(c));

    it("reproduces every per-order figure", () => {
      expect({
        grossProfit: line.grossProfit,
        feeAmount: line.feeAmount,
        pointsAmount: line.pointsAmount,
        adsCpa: line.adCostPerOrder,
        variableCostsExcludingAds: line.variableCostsExcludingAds,
        contributionPerOrder: line.contributionPerOrder,
      }).toEqual({
        grossProfit: c.expected.grossProfit,
        feeAmount: c.expected.feeAmount,
        pointsAmount: c.expected.pointsAmount,
        adsCpa: c.expected.adsCpa,
        variableCostsExcludingAds: c.expected.variableCostsExcludingAds,
        contributionPerOrder: c.expected.contributionPerOrder,
      });
    });

    it("reproduces orders needed for 450k and 600k (ceiling, not rounding)", () => {
      expect(orders(line.contributionPerOrder, 450_000)).toBe(c.expected.ordersNeededFor450k);
      expect(orders(line.contributionPerOrder, 600_000)).toBe(c.expected.ordersNeededFor600k);
    });

    it("reproduces the allowed CPA when the case has a target", () => {
      if (c.expected.allowedCpaForTarget === undefined) {
        expect(line.allowedCpa).toBeNull();
      } else {
        expect(line.allowedCpa).toEqual({ kind: "budget", amount: c.expected.allowedCpaForTarget });
      }
    });
  });

  it.each(reference.cpaFromCpcAndCvr)("CPA from CPC $cpc at CVR $cvrBp bp is $cpa", ({ cpc, cvrBp, cpa }) => {
    expect(cpaFromCpcAndCvr(cpc, cvrBp)).toBe(cpa);
    const line = unwrap(computeLine({ ...caseById("A"), ads: { mode: "cpc_cvr", cpc, cvrBp } }));
    expect(line.adCostPerOrder).toBe(cpa);
  });
});

function caseById(id: string): ReferenceCase {
  const found = reference.cases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
}

describe("computeLine details", () => {
  const base = caseById("B");

  it("defaults the profit levels to 450k and 600k", () => {
    expect(DEFAULT_PROFIT_LEVELS).toEqual([450_000, 600_000]);
    expect(ordersNeededAtLevels(495)).toEqual([
      { monthlyProfit: 450_000, result: { ok: true, value: { kind: "orders", orders: 910 } } },
      { monthlyProfit: 600_000, result: { ok: true, value: { kind: "orders", orders: 1_213 } } },
    ]);
    expect(ordersNeededAtLevels(436, [500_000])[0]?.result).toEqual({
      ok: true,
      value: { kind: "orders", orders: 1_147 },
    });
  });

  it("sums named other variable costs", () => {
    const line = unwrap(computeLine(caseById("D")));
    expect(line.otherVariableTotal).toBe(500);
  });

  it("flags a negative allowed CPA as no advertising budget", () => {
    const line = unwrap(computeLine({ ...base, targetContributionPerOrder: 1_200 }));
    expect(line.allowedCpa).toMatchObject({ kind: "no_budget", amount: -105, code: "no_ad_budget_at_target" });
  });

  it("treats an allowed CPA of exactly zero as no budget", () => {
    const line = unwrap(computeLine({ ...base, targetContributionPerOrder: 1_095 }));
    expect(line.allowedCpa).toMatchObject({ kind: "no_budget", amount: 0 });
  });

  it("rounds each rate-derived amount half-up before summing", () => {
    // 1 yen × 50 bp = 0.005 → 0; 100 yen × 50 bp = 0.5 → 1; 7,800 × 360 bp = 280.8 → 281
    const line = (aov: number, feeRateBp: number) =>
      unwrap(computeLine({ ...base, aov, feeRateBp, grossMarginBp: 0, pointsRateBp: 0 })).feeAmount;
    expect(line(1, 50)).toBe(0);
    expect(line(100, 50)).toBe(1);
    expect(line(7_800, 360)).toBe(281);
  });

  it("computes ACOS mode as AOV × ACOS and allows ACOS above 100 %", () => {
    const line = unwrap(computeLine({ ...base, ads: { mode: "acos", acosBp: 15_000 } }));
    expect(line.adCostPerOrder).toBe(8_250);
  });
});

describe("validation", () => {
  const base = caseById("B");

  function codes(input: unknown): Record<string, string> {
    const result = computeLine(input as LineInput);
    if (result.ok) return {};
    return Object.fromEntries(result.errors.map((e) => [e.field, e.code]));
  }

  it.each([
    ["aov", 0, "must_be_positive"],
    ["aov", -1, "must_be_positive"],
    ["aov", 1.5, "not_integer"],
    ["aov", Number.NaN, "not_a_number"],
    ["aov", Number.POSITIVE_INFINITY, "not_a_number"],
    ["aov", "5500", "not_a_number"],
    ["aov", undefined, "required"],
    ["grossMarginBp", 10_001, "rate_above_100_percent"],
    ["feeRateBp", 10_001, "rate_above_100_percent"],
    ["pointsRateBp", 10_001, "rate_above_100_percent"],
    ["feeRateBp", -1, "must_not_be_negative"],
    ["shipping", -100, "must_not_be_negative"],
    ["packaging", 100_000_001, "above_maximum"],
    ["returnLoss", null, "required"],
    ["targetContributionPerOrder", -1, "must_not_be_negative"],
  ])("%s = %s → %s", (field, value, code) => {
    expect(codes({ ...base, [field]: value })).toEqual({ [field]: code });
  });

  it("accepts rates of exactly 100 % and costs of exactly 0", () => {
    expect(computeLine({ ...base, grossMarginBp: 10_000, feeRateBp: 10_000, shipping: 0 }).ok).toBe(true);
  });

  it.each([
    [{ mode: "cpc_cvr", cpc: 40, cvrBp: 0 }, { "ads.cvrBp": "must_be_positive" }],
    [{ mode: "cpc_cvr", cpc: 40, cvrBp: -5 }, { "ads.cvrBp": "must_be_positive" }],
    [{ mode: "cpc_cvr", cpc: 40, cvrBp: 10_001 }, { "ads.cvrBp": "rate_above_100_percent" }],
    [{ mode: "cpc_cvr", cpc: 100_000_000, cvrBp: 1 }, { ads: "derived_cpa_above_maximum" }],
    [{ mode: "cpa", cpa: -1 }, { "ads.cpa": "must_not_be_negative" }],
    [{ mode: "acos", acosBp: 100_001 }, { "ads.acosBp": "above_maximum" }],
    [{ mode: "roas", roas: 3 }, { "ads.mode": "invalid_option" }],
    [undefined, { ads: "required" }],
    ["cpa", { ads: "invalid_type" }],
  ])("ads %j → %j", (ads, expected) => {
    expect(codes({ ...base, ads })).toEqual(expected);
  });

  it("validates every other-variable line and reports them all", () => {
    expect(
      codes({
        ...base,
        otherVariable: [
          { name: " ", amount: 10 },
          { name: "FBA", amount: -1 },
        ],
      }),
    ).toEqual({ "otherVariable.0.name": "required", "otherVariable.1.amount": "must_not_be_negative" });
  });

  it("reports every invalid field at once, with an English default message", () => {
    const result = computeLine({ ...base, aov: 0, feeRateBp: 20_000, shipping: -1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(["aov", "feeRateBp", "shipping"]);
    for (const error of result.errors) expect(error.message).toMatch(/\S/);
    expect(result.errors[1]?.params).toEqual({ max: 10_000 });
  });

  it.each([null, undefined, 42, "line", []])("rejects a non-object input %j", (input) => {
    expect(computeLine(input as unknown as LineInput)).toMatchObject({ ok: false });
  });
});

describe("ordersNeeded", () => {
  it("is unreachable at zero or negative contribution", () => {
    expect(unwrap(ordersNeeded(0, 450_000)).kind).toBe("unreachable");
    expect(unwrap(ordersNeeded(-5, 450_000)).kind).toBe("unreachable");
  });

  it("answers field errors for invalid arguments", () => {
    expect(ordersNeeded(Number.NaN, 450_000)).toMatchObject({ ok: false, errors: [{ field: "contributionPerOrder" }] });
    expect(ordersNeeded(100, 0)).toMatchObject({ ok: false, errors: [{ code: "must_be_positive" }] });
  });

  it("is exact for a divisor that divides", () => {
    expect(orders(500, 450_000)).toBe(900);
    expect(orders(499, 450_000)).toBe(902);
  });
});

describe("pacing", () => {
  it("spreads 400 orders over a 30-day month (article: 100 a week, 14–15 a day)", () => {
    expect(unwrap(pacing(400, 30))).toEqual({ perWeek: 94, perDay: 14 });
  });

  it("rounds up and handles February", () => {
    expect(unwrap(pacing(910, 28))).toEqual({ perWeek: 228, perDay: 33 });
    expect(unwrap(pacing(0, 31))).toEqual({ perWeek: 0, perDay: 0 });
  });

  it("rejects impossible month lengths and negative orders", () => {
    expect(pacing(100, 0)).toMatchObject({ ok: false, errors: [{ field: "daysInMonth", code: "below_minimum" }] });
    expect(pacing(-1, 30)).toMatchObject({ ok: false, errors: [{ field: "monthlyOrders" }] });
  });
});
