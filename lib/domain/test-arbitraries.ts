// fast-check generators shared by the domain property tests (test-only; imported by *.test.ts).

import fc from "fast-check";
import type { AdditionalFee, BonusMetric, ContractVersion, PerformanceRule, SlaTerms } from "./contract";
import { CONTRACT_LIMITS } from "./contract";
import { SAMPLE_SLA, sampleVersion } from "./contract-fixtures";
import type { InvoiceActuals } from "./invoice";
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

// ── Contracts and invoices ───────────────────────────────────────────────────────────────────────────

/** Amounts across the whole allowed range, small and round values favoured. */
const contractYen = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: Math.min(max, 1_000_000) }),
    fc.integer({ min: 0, max }),
    fc.constantFrom(0, 1, 15, 35_001, 100_000, 350_000).filter((v) => v <= max),
  );

const dateArb = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
  .map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10));

function plusDays(key: string, days: number): string {
  return new Date(Date.parse(`${key}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const feeLinesArb = (maxLength: number) =>
  fc.array(
    fc.record({
      label: fc.constantFrom("運営代行", "月次レポート", "データ移行"),
      amount: contractYen(CONTRACT_LIMITS.maxLineYen),
    }),
    {
      maxLength,
    },
  );

const capArb = fc.option(contractYen(CONTRACT_LIMITS.maxMonthYen), { nil: null });

export const performanceRuleArb: fc.Arbitrary<PerformanceRule> = fc.oneof(
  fc.record({
    kind: fc.constant("rate_over_baseline" as const),
    basis: fc.constantFrom("sales", "gross_profit", "ad_revenue") as fc.Arbitrary<
      "sales" | "gross_profit" | "ad_revenue"
    >,
    rateBp: fc.integer({ min: 0, max: 10_000 }),
    baseline: contractYen(CONTRACT_LIMITS.maxMonthYen),
    cap: capArb,
  }),
  fc.record({
    kind: fc.constant("rate_over_baseline" as const),
    basis: fc.constant("orders_x_aov" as const),
    aov: fc.integer({ min: 1, max: CONTRACT_LIMITS.maxYenPerUnit }),
    rateBp: fc.integer({ min: 0, max: 10_000 }),
    baseline: contractYen(CONTRACT_LIMITS.maxMonthYen),
    cap: capArb,
  }),
  fc.record({
    kind: fc.constant("per_unit_over_baseline" as const),
    basis: fc.constant("orders" as const),
    yenPerUnit: fc.integer({ min: 0, max: CONTRACT_LIMITS.maxYenPerUnit }),
    baseline: fc.integer({ min: 0, max: CONTRACT_LIMITS.maxOrders }),
    cap: capArb,
  }),
  fc.record({
    kind: fc.constant("bonus_at_threshold" as const),
    metric: fc.constantFrom("roas", "cvr", "repeat_rate", "sla_response_rate") as fc.Arbitrary<BonusMetric>,
    thresholdBp: fc.integer({ min: 0, max: 10_000 }),
    bonus: contractYen(CONTRACT_LIMITS.maxLineYen),
    cap: capArb,
  }),
);

const additionalFeesArb: fc.Arbitrary<AdditionalFee[]> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant("extra_marketplace" as const),
          label: fc.constant("Qoo10 追加"),
          monthly: contractYen(CONTRACT_LIMITS.maxLineYen),
        }),
        fc.record({
          kind: fc.constant("option" as const),
          label: fc.constant("撮影"),
          monthly: contractYen(CONTRACT_LIMITS.maxLineYen),
        }),
      ),
      { maxLength: 3 },
    ),
    fc.option(
      fc.record({
        kind: fc.constant("hourly" as const),
        label: fc.constant("カスタマイズ"),
        yenPerHour: fc.integer({ min: 0, max: CONTRACT_LIMITS.maxYenPerHour }),
      }),
      {
        nil: null,
      },
    ),
  )
  .map(([monthly, hourly]) => (hourly === null ? monthly : [...monthly, hourly]));

const slaArb: fc.Arbitrary<SlaTerms | null> = fc.option(
  fc
    .record({
      items: fc.uniqueArray(
        fc.record({
          key: fc.constantFrom("report_deadline", "first_response", "resolution", "weekly_update", "csat"),
          creditBp: fc.integer({ min: 0, max: 10_000 }),
        }),
        { selector: (item) => item.key, maxLength: 5 },
      ),
      creditCapBp: fc.integer({ min: 0, max: 10_000 }),
    })
    .map(({ items, creditCapBp }) => ({
      ...SAMPLE_SLA,
      items: items.map((item) => ({ ...item, label: item.key, measure: "manual" as const, targetBp: null })),
      creditCapBp,
    })),
  { nil: null },
);

/** Valid contract versions: every fee shape, short and long terms, partial first and last months. */
export const contractVersionArb: fc.Arbitrary<ContractVersion> = fc
  .record({
    start: dateArb,
    termDays: fc.option(fc.integer({ min: 0, max: 1_200 }), { nil: null }),
    autoRenew: fc.boolean(),
    initialFeeLines: feeLinesArb(3),
    initialFeeSplitMonths: fc.oneof(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: CONTRACT_LIMITS.maxSplitMonths }),
    ),
    monthlyFeeLines: feeLinesArb(4),
    performanceRules: fc.array(performanceRuleArb, { maxLength: 4 }),
    additionalFees: additionalFeesArb,
    sla: slaArb,
  })
  .map((r) => {
    const base = sampleVersion();
    const endDate = r.termDays === null ? null : plusDays(r.start, r.termDays);
    const autoRenew = r.autoRenew && endDate !== null;
    return {
      terms: {
        ...base.terms,
        startDate: r.start,
        endDate,
        autoRenew,
        renewalMonths: autoRenew ? 12 : null,
        nextReviewDate: null,
      },
      fees: {
        initialFeeLines: r.initialFeeLines,
        initialFeeSplitMonths: r.initialFeeSplitMonths,
        monthlyFeeLines: r.monthlyFeeLines,
        performanceRules: r.performanceRules,
        additionalFees: r.additionalFees,
      },
      sla: r.sla,
    };
  });

const ratioArb = fc.option(
  fc.record({
    numerator: contractYen(CONTRACT_LIMITS.maxMonthYen),
    denominator: contractYen(CONTRACT_LIMITS.maxMonthYen),
  }),
  { nil: undefined },
);

/** The month's actuals for a version: any figure may be absent; missed SLA items are the version's keys. */
export function actualsArb(version: ContractVersion): fc.Arbitrary<InvoiceActuals> {
  const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 4 });
  const keys = version.sla?.items.map((item) => item.key) ?? [];
  return fc.record({
    sales: opt(contractYen(CONTRACT_LIMITS.maxMonthYen)),
    orders: opt(fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: CONTRACT_LIMITS.maxOrders }))),
    grossProfit: opt(fc.integer({ min: -CONTRACT_LIMITS.maxMonthYen, max: CONTRACT_LIMITS.maxMonthYen })),
    adRevenue: opt(contractYen(CONTRACT_LIMITS.maxMonthYen)),
    adSpend: opt(contractYen(CONTRACT_LIMITS.maxMonthYen)),
    kpiValues: fc.record({ cvr: ratioArb, repeat_rate: ratioArb, sla_response_rate: ratioArb }),
    customisationMinutes: opt(fc.integer({ min: 0, max: 1_000_000 })),
    missedSlaItems: fc.subarray(keys),
  });
}

/** A month from two before the start to two after the end (or 40 after the start when open-ended). */
export function monthArb(version: ContractVersion): fc.Arbitrary<string> {
  const start = version.terms.startDate;
  const end = version.terms.endDate ?? plusDays(start, 1_200);
  const index = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
  return fc
    .integer({ min: index(start) - 2, max: index(end) + 2 })
    .map((i) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
}
