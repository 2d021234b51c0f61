import { describe, expect, it } from "vitest";
import type { LeverEffect } from "./sensitivity";
import { analyseSensitivity, topLevers } from "./sensitivity";
import type { LineInput } from "./unit-economics";

// Case B of the seed article (Rakuten, general goods), with the article's CPC 40 yen / CVR 2 % example.
const caseB: LineInput = {
  aov: 5_500,
  grossMarginBp: 5_000,
  feeRateBp: 1_200,
  pointsRateBp: 500,
  shipping: 600,
  packaging: 60,
  returnLoss: 60,
  otherVariable: [],
  ads: { mode: "cpc_cvr", cpc: 40, cvrBp: 200 },
};

function effects(input: LineInput, monthlyOrders = 910): LeverEffect[] {
  const result = analyseSensitivity(input, monthlyOrders);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function gains(list: LeverEffect[]): Record<string, number> {
  return Object.fromEntries(list.map((e) => [e.lever, e.gainPerOrder]));
}

describe("sensitivity levers", () => {
  it("reproduces the article's lever effects, with fee and points moving with AOV", () => {
    expect(gains(effects(caseB))).toEqual({
      cvr_plus_50bp: 400, // CPA 2,000 → 1,600
      cpc_minus_20pct: 400, // CPC 40 → 32, CPA 2,000 → 1,600
      aov_plus_500: 165, // gross profit +250, fee +60, points +25 (the article's +250 ignores fee and points)
      points_minus_200bp: 110, // 275 → 165
      shipping_minus_100: 100,
    });
  });

  it("ranks by gain per order, ties in SPEC order, and multiplies by monthly orders", () => {
    const ranked = effects(caseB, 910);
    expect(ranked.map((e) => e.lever)).toEqual([
      "cvr_plus_50bp",
      "cpc_minus_20pct",
      "aov_plus_500",
      "points_minus_200bp",
      "shipping_minus_100",
    ]);
    expect(ranked[0]).toMatchObject({
      contributionBefore: -905,
      contributionAfter: -505,
      gainPerOrder: 400,
      gainPerMonth: 364_000,
    });
  });

  it("marks CVR and CPC levers not applicable outside CPC ÷ CVR mode, with zero effect, ranked last", () => {
    const ranked = effects({ ...caseB, ads: { mode: "cpa", cpa: 600 } });
    expect(ranked.map((e) => [e.lever, e.gainPerOrder, e.applicable])).toEqual([
      ["aov_plus_500", 165, true],
      ["points_minus_200bp", 110, true],
      ["shipping_minus_100", 100, true],
      ["cvr_plus_50bp", 0, false],
      ["cpc_minus_20pct", 0, false],
    ]);
    expect(ranked[3]?.note?.code).toBe("not_applicable_in_ad_mode");
    expect(ranked[0]?.note).toBeNull();
  });

  it("moves ACOS ad cost with AOV", () => {
    // +500 AOV at 20 % ACOS adds 100 yen of ads on top of fee and points.
    expect(gains(effects({ ...caseB, ads: { mode: "acos", acosBp: 2_000 } })).aov_plus_500).toBe(65);
  });

  it("reports a negative AOV gain when fee and points outweigh the margin", () => {
    expect(gains(effects({ ...caseB, grossMarginBp: 1_000 })).aov_plus_500).toBe(-35);
  });

  it("does not push shipping, points or CVR past their bounds", () => {
    const g = gains(
      effects({ ...caseB, shipping: 40, pointsRateBp: 100, ads: { mode: "cpc_cvr", cpc: 40, cvrBp: 9_980 } }),
    );
    expect(g.shipping_minus_100).toBe(40);
    expect(g.points_minus_200bp).toBe(55);
    // CVR 99.8 % → 100 %: CPA round(40 ÷ 0.998) = 40 → 40.
    expect(g.cvr_plus_50bp).toBe(0);
  });

  it("rounds the reduced CPC half-up", () => {
    // CPC 13 × 0.8 = 10.4 → 10; at CVR 100 % the CPA falls 13 → 10.
    expect(gains(effects({ ...caseB, ads: { mode: "cpc_cvr", cpc: 13, cvrBp: 10_000 } })).cpc_minus_20pct).toBe(3);
  });

  it("validates the line and the monthly orders together", () => {
    const result = analyseSensitivity({ ...caseB, aov: 0 }, -1);
    expect(result).toMatchObject({
      ok: false,
      errors: [{ field: "aov" }, { field: "monthlyOrders", code: "must_not_be_negative" }],
    });
  });
});

describe("topLevers", () => {
  it("takes the best three by default", () => {
    expect(topLevers(effects(caseB)).map((e) => e.lever)).toEqual(["cvr_plus_50bp", "cpc_minus_20pct", "aov_plus_500"]);
  });

  it("leaves out levers that are not applicable or gain nothing", () => {
    const ranked = effects({ ...caseB, shipping: 0, grossMarginBp: 1_000, ads: { mode: "cpa", cpa: 600 } });
    expect(topLevers(ranked, 5).map((e) => e.lever)).toEqual(["points_minus_200bp"]);
  });

  it("tolerates odd n and unsorted input", () => {
    const ranked = effects(caseB);
    expect(topLevers([...ranked].reverse(), 1).map((e) => e.lever)).toEqual(["cvr_plus_50bp"]);
    expect(topLevers(ranked, 0)).toEqual([]);
    expect(topLevers(ranked, -2)).toEqual([]);
    expect(topLevers(ranked, Number.NaN)).toEqual([]);
  });
});
