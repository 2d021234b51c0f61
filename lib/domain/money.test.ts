import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyBp, ceilDiv, roundHalfUpDiv } from "./money";

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
