import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyBp, applyBpRounded, ceilDiv, divRound, floorDiv, roundHalfUpDiv } from "./money";

/** Independent reference: half away from zero via |2n| + |d| over |2d|, all in BigInt. */
function referenceRound(n: bigint, d: bigint): bigint {
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b);
  return n < 0n !== d < 0n ? -q : q;
}

function referenceCeil(n: bigint, d: bigint): bigint {
  // floor(−n/d) negated, with floor built from truncation.
  const neg = -n;
  let q = neg / d;
  if (neg % d !== 0n && neg < 0n !== d < 0n) q -= 1n;
  return -q;
}

const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const nonZero = safeInt.filter((d) => d !== 0);

describe("roundHalfUpDiv", () => {
  it.each([
    [2808, 10, 281],
    [25, 10, 3],
    [24, 10, 2],
    [-25, 10, -3],
    [25, -10, -3],
    [-24, 10, -2],
    [0, 7, 0],
    [5, 2, 3],
  ])("%d ÷ %d → %d", (n, d, expected) => {
    expect(roundHalfUpDiv(n, d)).toBe(expected);
  });

  it("never answers −0", () => {
    expect(Object.is(roundHalfUpDiv(-1, 10), 0)).toBe(true);
    expect(Object.is(ceilDiv(3, -5), 0)).toBe(true);
  });

  it("matches the BigInt reference on numbers and on BigInts", () => {
    fc.assert(
      fc.property(safeInt, nonZero, (n, d) => {
        const expected = Number(referenceRound(BigInt(n), BigInt(d)));
        expect(roundHalfUpDiv(n, d)).toBe(expected);
        expect(roundHalfUpDiv(BigInt(n), BigInt(d))).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it("throws RangeError on programmer errors", () => {
    expect(() => roundHalfUpDiv(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(1.5, 2)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(10n ** 30n, 1)).toThrow(RangeError);
  });
});

describe("ceilDiv", () => {
  it.each([
    [450_000, 495, 910],
    [450_000, 500, 900],
    [-7, 2, -3],
    [7, -2, -3],
    [-7, -2, 4],
    [0, 3, 0],
  ])("⌈%d ÷ %d⌉ = %d", (n, d, expected) => {
    expect(ceilDiv(n, d)).toBe(expected);
  });

  it("matches the BigInt reference", () => {
    fc.assert(
      fc.property(safeInt, nonZero, (n, d) => {
        const expected = Number(referenceCeil(BigInt(n), BigInt(d)));
        expect(ceilDiv(n, d)).toBe(expected);
        expect(ceilDiv(BigInt(n), BigInt(d))).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("applyBp", () => {
  it("rounds the article's figures", () => {
    expect(applyBp(7_800, 360)).toBe(281);
    expect(applyBp(3_980, 1_200)).toBe(478);
    expect(applyBp(4_980, 2_000)).toBe(996);
  });

  it("stays exact when the product leaves the safe-integer range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 49 }), fc.integer({ min: 0, max: 80_000 }), (amount, bp) => {
        expect(applyBp(amount, bp)).toBe(Number(referenceRound(BigInt(amount) * BigInt(bp), 10_000n)));
      }),
    );
  });
});

describe("floorDiv and divRound", () => {
  it.each([
    [7, 2, 3],
    [-7, 2, -4],
    [7, -2, -4],
    [-7, -2, 3],
    [0, 3, 0],
  ])("⌊%d ÷ %d⌋ = %d", (n, d, expected) => {
    expect(floorDiv(n, d)).toBe(expected);
    expect(floorDiv(BigInt(n), BigInt(d))).toBe(expected);
  });

  it("rounds consumption tax down, half-up or up", () => {
    expect(applyBpRounded(291_668, 1_000, "down")).toBe(29_166);
    expect(applyBpRounded(291_668, 1_000, "half_up")).toBe(29_167);
    expect(applyBpRounded(291_661, 1_000, "up")).toBe(29_167);
    expect(applyBpRounded(291_660, 1_000, "up")).toBe(29_166);
  });

  it("floor ≤ half-up ≤ ceil, each within one of the exact quotient, also beyond safe integers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 52 }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const exact = BigInt(amount) * BigInt(bp);
        const down = BigInt(applyBpRounded(amount, bp, "down"));
        const up = BigInt(applyBpRounded(amount, bp, "up"));
        expect(down * 10_000n <= exact && exact < (down + 1n) * 10_000n).toBe(true);
        expect(up * 10_000n >= exact && exact > (up - 1n) * 10_000n).toBe(true);
        expect(applyBpRounded(amount, bp, "half_up")).toBe(applyBp(amount, bp));
        expect(divRound(exact, 10_000n, "down")).toBe(Number(down));
      }),
      { numRuns: 2_000 },
    );
  });
});
