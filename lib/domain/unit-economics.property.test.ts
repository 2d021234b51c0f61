import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseSensitivity, LEVER_STEPS } from "./sensitivity";
import { allNumbersAreSafeIntegers, garbageLineArb, garbageNumber, lineArb } from "./test-arbitraries";
import type { LineFigures, LineInput } from "./unit-economics";
import { computeLine, ordersNeeded, pacing } from "./unit-economics";

const RUNS = { numRuns: 1_000 };

function figures(input: LineInput): LineFigures {
  const result = computeLine(input);
  if (!result.ok) throw new Error(`generator produced an invalid line: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** An exact fraction n/d (d > 0) in BigInt: the independent reference for the engine's arithmetic. */
interface Fraction {
  n: bigint;
  d: bigint;
}

const frac = (n: bigint | number, d: bigint | number = 1n): Fraction => ({ n: BigInt(n), d: BigInt(d) });
const times = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });
const over = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d, d: a.d * b.n });
/** Half-up to whole yen for a non-negative fraction: ⌊x + ½⌋ = ⌊(2n + d) ÷ 2d⌋. */
const roundYen = (x: Fraction): bigint => (2n * x.n + x.d) / (2n * x.d);
const percentOf = (amount: number, bp: number): bigint => roundYen(times(frac(amount), frac(bp, 10_000)));

function referenceContribution(line: LineInput): bigint {
  const gross = percentOf(line.aov, line.grossMarginBp);
  const ads =
    line.ads.mode === "cpa"
      ? BigInt(line.ads.cpa)
      : line.ads.mode === "acos"
        ? percentOf(line.aov, line.ads.acosBp)
        : roundYen(over(frac(line.ads.cpc), frac(line.ads.cvrBp, 10_000)));
  const other = (line.otherVariable ?? []).reduce((sum, item) => sum + BigInt(item.amount), 0n);
  const costs =
    percentOf(line.aov, line.feeRateBp) +
    percentOf(line.aov, line.pointsRateBp) +
    BigInt(line.shipping + line.packaging + line.returnLoss) +
    other +
    ads;
  return gross - costs;
}

describe("unit economics properties", () => {
  it("contribution + every cost = gross profit", () => {
    fc.assert(
      fc.property(lineArb, (input) => {
        const f = figures(input);
        const costs =
          f.feeAmount +
          input.shipping +
          input.packaging +
          f.pointsAmount +
          f.adCostPerOrder +
          input.returnLoss +
          f.otherVariableTotal;
        expect(f.contributionPerOrder + costs).toBe(f.grossProfit);
        expect(f.variableCostsExcludingAds + f.adCostPerOrder).toBe(costs);
      }),
      RUNS,
    );
  });

  it("allowed CPA = gross profit − costs before ads − target, and is a budget only when positive", () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 0, max: 100_000 }), (input, target) => {
        const f = figures({ ...input, targetContributionPerOrder: target });
        const amount = f.grossProfit - f.variableCostsExcludingAds - target;
        expect(f.allowedCpa).toMatchObject({ amount, kind: amount > 0 ? "budget" : "no_budget" });
      }),
      RUNS,
    );
  });

  it("equals an exact rational-arithmetic reference", () => {
    fc.assert(
      fc.property(lineArb, (input) => {
        expect(BigInt(figures(input).contributionPerOrder)).toBe(referenceContribution(input));
      }),
      RUNS,
    );
  });

  it("orders needed is the least n with n × contribution ≥ P", () => {
    const contribution = fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 4_000_000_000 }));
    const profit = fc.oneof(fc.constantFrom(450_000, 600_000), fc.integer({ min: 1, max: 1_000_000_000_000 }));
    fc.assert(
      fc.property(contribution, profit, (c, p) => {
        const result = ordersNeeded(c, p);
        expect(result.ok && result.value.kind === "orders").toBe(true);
        if (!result.ok || result.value.kind !== "orders") return;
        const n = BigInt(result.value.orders);
        expect(n * BigInt(c) >= BigInt(p)).toBe(true);
        expect((n - 1n) * BigInt(c) < BigInt(p)).toBe(true);
      }),
      RUNS,
    );
  });

  it("orders needed is unreachable for every line that does not earn per order", () => {
    fc.assert(
      fc.property(lineArb, (input) => {
        const c = figures(input).contributionPerOrder;
        const result = ordersNeeded(c, 450_000);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value.kind).toBe(c > 0 ? "orders" : "unreachable");
      }),
      RUNS,
    );
  });

  it("pacing covers the month: perDay × days ≥ orders and perWeek × days ≥ orders × 7", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 28, max: 31 }), (orders, days) => {
        const result = pacing(orders, days);
        if (!result.ok) throw new Error("unexpected");
        const { perDay, perWeek } = result.value;
        expect(perDay * days).toBeGreaterThanOrEqual(orders);
        expect((perDay - 1) * days).toBeLessThan(orders === 0 ? 1 : orders);
        expect(perWeek * days).toBeGreaterThanOrEqual(orders * 7);
      }),
      RUNS,
    );
  });

  it("levers moved in their helpful direction never lower contribution", () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 0, max: 1_000_000 }), (input, monthlyOrders) => {
        const result = analyseSensitivity(input, monthlyOrders);
        if (!result.ok) throw new Error("unexpected");
        for (const effect of result.value) {
          expect(effect.gainPerMonth).toBe(effect.gainPerOrder * monthlyOrders + 0);
          if (effect.lever !== "aov_plus_500") {
            expect(effect.gainPerOrder).toBeGreaterThanOrEqual(0);
            continue;
          }
          // AOV also raises fee, points and ACOS ad cost: the gain is ≈ 500 × (margin − those rates),
          // off by less than one yen for each of the four separately rounded amounts.
          const acosBp = input.ads.mode === "acos" ? input.ads.acosBp : 0;
          const netBp = input.grossMarginBp - input.feeRateBp - input.pointsRateBp - acosBp;
          expect(Math.abs(effect.gainPerOrder - (LEVER_STEPS.aovYen * netBp) / 10_000)).toBeLessThan(4);
          if (netBp * LEVER_STEPS.aovYen >= 4 * 10_000) expect(effect.gainPerOrder).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it("never throws and never yields NaN, Infinity or fractions, whatever the input", () => {
    fc.assert(
      fc.property(garbageLineArb, garbageNumber, (input, orders) => {
        const line = computeLine(input as LineInput);
        const sensitivity = analyseSensitivity(input as LineInput, orders as number);
        for (const result of [line, sensitivity]) {
          if (result.ok) expect(allNumbersAreSafeIntegers(result.value)).toBe(true);
          else expect(result.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3_000 },
    );
    fc.assert(
      fc.property(garbageNumber, garbageNumber, (a, b) => {
        for (const result of [ordersNeeded(a as number, b as number), pacing(a as number, b as number)]) {
          if (result.ok) expect(allNumbersAreSafeIntegers(result.value)).toBe(true);
          else expect(result.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it("every valid line in the allowed range computes to safe integers", () => {
    fc.assert(
      fc.property(lineArb, fc.integer({ min: 0, max: 1_000_000 }), (input, orders) => {
        expect(allNumbersAreSafeIntegers(figures(input))).toBe(true);
        const sensitivity = analyseSensitivity(input, orders);
        expect(sensitivity.ok && allNumbersAreSafeIntegers(sensitivity.value)).toBe(true);
      }),
      RUNS,
    );
  });
});
