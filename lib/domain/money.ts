// Exact integer arithmetic for yen amounts and basis-point rates.
//
// Yen are whole numbers and rates are integer basis points (1 bp = 0.01 %), so every product is an
// integer and every division is a rational that we round once, explicitly. Number arithmetic is used
// while the intermediate values are safe integers (exact and fast); beyond that we switch to BigInt so
// the answer never depends on floating-point rounding.
//
// These helpers throw RangeError on programmer errors (non-integer input, division by zero, a result
// outside the safe-integer range). Engines validate their inputs first, so user data never reaches a
// throw.

/** 10,000 basis points = 100 %. */
export const BP_PER_UNIT = 10_000;

type IntLike = bigint | number;

function toBigInt(value: IntLike, name: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
  return BigInt(value);
}

function toSafeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`result ${value} is outside the safe-integer range`);
  return result;
}

/**
 * n ÷ d rounded to the nearest integer, ties rounded **half away from zero** (2.5 → 3, −2.5 → −3).
 * That is the commercial 四捨五入 applied to the magnitude, and Java's RoundingMode.HALF_UP; for the
 * non-negative amounts of a P/L line it is plain half-up.
 */
export function roundHalfUpDiv(numerator: IntLike, denominator: IntLike): number {
  if (
    typeof numerator === "number" &&
    typeof denominator === "number" &&
    Number.isSafeInteger(numerator) &&
    Number.isSafeInteger(denominator)
  ) {
    if (denominator === 0) throw new RangeError("division by zero");
    const a = Math.abs(numerator);
    const b = Math.abs(denominator);
    // % on integer-valued doubles is exact, so (a − r) ÷ b is an exact integer division.
    const r = a % b;
    const q = (a - r) / b + (2 * r >= b ? 1 : 0);
    const negative = numerator < 0 !== denominator < 0;
    return negative ? -q + 0 : q; // + 0 turns −0 into 0
  }
  const n = toBigInt(numerator, "numerator");
  const d = toBigInt(denominator, "denominator");
  if (d === 0n) throw new RangeError("division by zero");
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = a / b + (2n * (a % b) >= b ? 1n : 0n);
  return toSafeNumber(n < 0n !== d < 0n ? -q : q);
}

/** ⌈n ÷ d⌉ (towards +∞), exact. */
export function ceilDiv(numerator: IntLike, denominator: IntLike): number {
  if (
    typeof numerator === "number" &&
    typeof denominator === "number" &&
    Number.isSafeInteger(numerator) &&
    Number.isSafeInteger(denominator)
  ) {
    if (denominator === 0) throw new RangeError("division by zero");
    const r = numerator % denominator; // sign of the numerator
    const truncated = (numerator - r) / denominator;
    // Truncation went down (needs +1) only when the true quotient is positive and not whole.
    return truncated + (r !== 0 && r > 0 === denominator > 0 ? 1 : 0) + 0;
  }
  const n = toBigInt(numerator, "numerator");
  const d = toBigInt(denominator, "denominator");
  if (d === 0n) throw new RangeError("division by zero");
  const r = n % d;
  return toSafeNumber(n / d + (r !== 0n && r > 0n === d > 0n ? 1n : 0n));
}

/** ⌊n ÷ d⌋ (towards −∞), exact. */
export function floorDiv(numerator: IntLike, denominator: IntLike): number {
  if (typeof numerator === "bigint" || typeof denominator === "bigint") {
    return -ceilDiv(-toBigInt(numerator, "numerator"), toBigInt(denominator, "denominator")) + 0;
  }
  return -ceilDiv(-numerator, denominator) + 0;
}

/** How a fraction of a yen is settled: 切り捨て, 四捨五入 or 切り上げ. */
export type RoundingMode = "down" | "half_up" | "up";

export const ROUNDING_MODES: readonly RoundingMode[] = ["down", "half_up", "up"];

/** n ÷ d rounded by `mode`: down = ⌊⌋, up = ⌈⌉, half_up = roundHalfUpDiv. */
export function divRound(numerator: IntLike, denominator: IntLike, mode: RoundingMode): number {
  switch (mode) {
    case "down":
      return floorDiv(numerator, denominator);
    case "up":
      return ceilDiv(numerator, denominator);
    case "half_up":
      return roundHalfUpDiv(numerator, denominator);
  }
}

/** amount × bp ÷ 10,000 rounded by `mode` (consumption tax: taxable × 1,000 bp, rounded down by default). */
export function applyBpRounded(amountYen: number, bp: number, mode: RoundingMode): number {
  const product = amountYen * bp;
  if (Number.isSafeInteger(amountYen) && Number.isSafeInteger(bp) && Number.isSafeInteger(product)) {
    return divRound(product, BP_PER_UNIT, mode);
  }
  return divRound(toBigInt(amountYen, "amountYen") * toBigInt(bp, "bp"), BP_PER_UNIT, mode);
}

/** amount × bp ÷ 10,000, rounded half-up to whole yen (7,800 × 360 bp = 280.8 → 281). */
export function applyBp(amountYen: number, bp: number): number {
  const product = amountYen * bp;
  // A product of safe integers that is still a safe integer is exact; otherwise redo it in BigInt.
  if (Number.isSafeInteger(amountYen) && Number.isSafeInteger(bp) && Number.isSafeInteger(product)) {
    return roundHalfUpDiv(product, BP_PER_UNIT);
  }
  return roundHalfUpDiv(toBigInt(amountYen, "amountYen") * toBigInt(bp, "bp"), BP_PER_UNIT);
}
