import { describe, expect, it } from "vitest";
import { computeScenarios, isScenario, mapScenarios, SCENARIOS } from "./scenarios";
import type { LineInput } from "./unit-economics";

const base: LineInput = {
  aov: 7_800,
  grossMarginBp: 7_000,
  feeRateBp: 360,
  pointsRateBp: 0,
  shipping: 350,
  packaging: 60,
  returnLoss: 80,
  ads: { mode: "cpa", cpa: 900 },
};

describe("scenarios", () => {
  it("lists the three scenarios in display order", () => {
    expect(SCENARIOS).toEqual(["pessimistic", "base", "optimistic"]);
    expect(isScenario("base")).toBe(true);
    expect(isScenario("likely")).toBe(false);
    expect(isScenario(undefined)).toBe(false);
  });

  it("computes each scenario side by side", () => {
    const set = computeScenarios({
      pessimistic: { ...base, ads: { mode: "cpa", cpa: 1_200 } },
      base,
      optimistic: { ...base, aov: 8_300 },
    });
    const contributions = mapScenarios(set, (r) => (r.ok ? r.value.contributionPerOrder : null));
    // Optimistic: gross profit 5,810, fee 299 → 5,810 − (299 + 350 + 60 + 900 + 80) = 4,121.
    expect(contributions).toEqual({ pessimistic: 3_489, base: 3_789, optimistic: 4_121 });
  });

  it("keeps a bad scenario from hiding the others", () => {
    const set = computeScenarios({ pessimistic: { ...base, aov: 0 }, base, optimistic: base });
    expect(set.pessimistic.ok).toBe(false);
    expect(set.base.ok).toBe(true);
  });

  it("passes the scenario name to the mapper", () => {
    expect(mapScenarios({ pessimistic: 1, base: 2, optimistic: 3 }, (v, s) => `${s}:${v}`)).toEqual({
      pessimistic: "pessimistic:1",
      base: "base:2",
      optimistic: "optimistic:3",
    });
  });
});
