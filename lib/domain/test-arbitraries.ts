// fast-check generators shared by the domain property tests (test-only; imported by *.test.ts).

import fc from "fast-check";
import type { AdsInput, LineInput } from "./unit-economics-input";
import { LIMITS } from "./unit-economics-input";

const yen = (max: number = LIMITS.maxYenPerOrder) => fc.integer({ min: 0, max });
const rateBp = fc.integer({ min: 0, max: 10_000 });

export const adsArb: fc.Arbitrary<AdsInput> = fc.oneof(
  fc.record({ mode: fc.constant("cpa" as const), cpa: yen() }),
  fc.integer({ min: 1, max: 10_000 }).chain((cvrBp) =>
    fc.record({
      mode: fc.constant("cpc_cvr" as const),
      // The largest CPC whose derived CPA stays within the per-order bound.
      cpc: yen((LIMITS.maxYenPerOrder * cvrBp) / 10_000),
      cvrBp: fc.constant(cvrBp),
    }),
  ),
  fc.record({ mode: fc.constant("acos" as const), acosBp: fc.integer({ min: 0, max: LIMITS.maxAcosBp }) }),
);

/** Valid lines across the whole allowed range, small values favoured by fast-check's bias. */
export const lineArb: fc.Arbitrary<LineInput> = fc.record({
  aov: fc.integer({ min: 1, max: LIMITS.maxYenPerOrder }),
  grossMarginBp: rateBp,
  feeRateBp: rateBp,
  pointsRateBp: rateBp,
  shipping: yen(),
  packaging: yen(),
  returnLoss: yen(),
  otherVariable: fc.array(
    fc.record({ name: fc.constantFrom("FBA fulfilment", "FBA storage", "gift"), amount: yen() }),
    {
      maxLength: LIMITS.maxOtherVariableItems,
    },
  ),
  ads: adsArb,
  targetContributionPerOrder: fc.option(yen(), { nil: undefined }),
});

/** Values a form, CSV or JSON could deliver where a number belongs. */
export const garbageNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    2 ** 60,
    0,
    -1,
    10_001,
  ),
  fc.constantFrom(null, undefined, "", "12", "abc", true, {}, []),
  fc.bigInt(),
);

export const garbageLineArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.record({
    aov: garbageNumber,
    grossMarginBp: garbageNumber,
    feeRateBp: garbageNumber,
    pointsRateBp: garbageNumber,
    shipping: garbageNumber,
    packaging: garbageNumber,
    returnLoss: garbageNumber,
    otherVariable: fc.oneof(
      fc.array(fc.record({ name: fc.oneof(fc.string(), garbageNumber), amount: garbageNumber }), { maxLength: 25 }),
      garbageNumber,
    ),
    ads: fc.oneof(
      fc.record({ mode: fc.constantFrom("cpa", "cpc_cvr", "acos", "roas"), cpa: garbageNumber }),
      fc.record({ mode: fc.constant("cpc_cvr"), cpc: garbageNumber, cvrBp: garbageNumber }),
      fc.record({ mode: fc.constant("acos"), acosBp: garbageNumber }),
      garbageNumber,
    ),
    targetContributionPerOrder: garbageNumber,
  }),
);

/** Every number anywhere inside `value` is a safe integer (no NaN, no Infinity, no fractions, no −0). */
export function allNumbersAreSafeIntegers(value: unknown): boolean {
  if (typeof value === "number") return Number.isSafeInteger(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(allNumbersAreSafeIntegers);
  if (typeof value === "object" && value !== null) return Object.values(value).every(allNumbersAreSafeIntegers);
  return true;
}
