// Contract versions for the tests (test-only; imported by *.test.ts), and the reading of
// reference/fee-cases.json into full versions.

import { readFileSync } from "node:fs";
import path from "node:path";
import type { AdditionalFee, ContractVersion, FeeLine, PerformanceRule, SlaItem, SlaTerms } from "./contract";
import { STANDARD_SLA } from "./contract-templates";
import type { InvoiceActuals, InvoiceTotals } from "./invoice";

export const SAMPLE_SLA: SlaTerms = STANDARD_SLA;

/** A complete version that every checklist item confirms (items 8 and 9 stay manual). */
export function sampleVersion(): ContractVersion {
  return {
    terms: {
      startDate: "2026-04-01",
      endDate: "2027-03-31",
      autoRenew: true,
      renewalMonths: 12,
      noticeDays: 60,
      earlyTerminationFee: 0,
      dataHandover: { provided: true, format: "CSV" },
      scope: {
        areas: ["listing_stock_pricing", "orders_shipping", "customer_support", "analytics_reporting"],
        options: ["photography"],
      },
      clauses: {
        dataOwnership: "店舗データの所有権は委託者に帰属する。",
        confidentiality: "双方は業務上知り得た情報を秘密として保持する。",
        thirdPartySharing: "委託者の書面による同意なく第三者に提供しない。",
        handover: "契約終了日から14日以内にCSVで引き渡す。",
      },
      resultsNotGuaranteed: true,
      reviewCadenceMonths: 3,
      nextReviewDate: "2026-07-01",
    },
    fees: {
      initialFeeLines: [
        { label: "データ移行", amount: 150_000 },
        { label: "商品登録初期整備", amount: 200_000 },
      ],
      initialFeeSplitMonths: 1,
      monthlyFeeLines: [
        { label: "運営代行", amount: 300_000 },
        { label: "月次レポート", amount: 50_000 },
      ],
      performanceRules: [
        { kind: "rate_over_baseline", basis: "sales", rateBp: 500, baseline: 3_000_000, cap: 200_000 },
        { kind: "bonus_at_threshold", metric: "roas", thresholdBp: 40_000, bonus: 100_000, cap: null },
      ],
      additionalFees: [
        { kind: "extra_marketplace", label: "Qoo10 追加", monthly: 30_000 },
        { kind: "hourly", label: "カスタマイズ", yenPerHour: 8_000 },
        { kind: "option", label: "商品撮影", monthly: 50_000, option: "photography" },
      ],
    },
    sla: structuredClone(SAMPLE_SLA),
  };
}

// ── reference/fee-cases.json ─────────────────────────────────────────────────────────────────────────

export interface FeeCaseContract {
  start: string;
  end: string;
  initialFeeLines: FeeLine[];
  initialFeeSplitMonths: number;
  monthlyFeeLines: FeeLine[];
  performanceRules: PerformanceRule[];
  additionalFees?: AdditionalFee[];
  slaItems?: { key: string; creditBp: number }[];
  slaCreditCapBp?: number;
}

export interface FeeCaseActuals {
  sales?: number;
  orders?: number;
  grossProfit?: number;
  adRevenue?: number;
  adSpend?: number;
  customisationMinutes?: number;
  slaMissed?: string[];
}

export interface FeeCaseMonth {
  month: string;
  actuals: FeeCaseActuals;
  expected: InvoiceTotals;
}

export interface FeeCase {
  id: string;
  contract?: FeeCaseContract;
  sameContractAs?: string;
  month?: string;
  actuals?: FeeCaseActuals;
  expected?: InvoiceTotals;
  months?: FeeCaseMonth[];
}

export interface FeeCaseFile {
  about: string;
  cases: FeeCase[];
}

export function readFeeCases(): FeeCaseFile {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, "reference/fee-cases.json"), "utf8"));
}

/** The id prefix a `sameContractAs` names: "F1" for "F1 first month, …". */
export function caseKey(id: string): string {
  return id.split(" ")[0] ?? id;
}

/** A reference contract as a full version: the fee terms of the case, neutral terms around them. */
export function versionFromFeeCase(c: FeeCaseContract): ContractVersion {
  const base = sampleVersion();
  const items: SlaItem[] = (c.slaItems ?? []).map((item) => ({
    key: item.key,
    label: item.key,
    measure: "manual",
    targetBp: null,
    creditBp: item.creditBp,
  }));
  return {
    terms: { ...base.terms, startDate: c.start, endDate: c.end, autoRenew: false, renewalMonths: null },
    fees: {
      initialFeeLines: c.initialFeeLines,
      initialFeeSplitMonths: c.initialFeeSplitMonths,
      monthlyFeeLines: c.monthlyFeeLines,
      performanceRules: c.performanceRules,
      additionalFees: c.additionalFees ?? [],
    },
    sla: c.slaItems === undefined ? null : { ...SAMPLE_SLA, items, creditCapBp: c.slaCreditCapBp ?? 10_000 },
  };
}

export function actualsFromFeeCase(a: FeeCaseActuals): InvoiceActuals {
  const { slaMissed, ...rest } = a;
  return slaMissed === undefined ? rest : { ...rest, missedSlaItems: slaMissed };
}

/** Every (case, month) of the file, with `sameContractAs` and `months` resolved. */
export function expandFeeCases(file: FeeCaseFile): {
  id: string;
  version: ContractVersion;
  month: string;
  actuals: InvoiceActuals;
  expected: InvoiceTotals;
}[] {
  const contracts = new Map<string, FeeCaseContract>();
  const out: ReturnType<typeof expandFeeCases> = [];
  for (const c of file.cases) {
    const contract = c.contract ?? (c.sameContractAs === undefined ? undefined : contracts.get(c.sameContractAs));
    if (contract === undefined) throw new Error(`case ${c.id} has no contract`);
    contracts.set(caseKey(c.id), contract);
    const months: FeeCaseMonth[] =
      c.months ??
      (c.month !== undefined && c.expected !== undefined
        ? [{ month: c.month, actuals: c.actuals ?? {}, expected: c.expected }]
        : []);
    if (months.length === 0) throw new Error(`case ${c.id} has no month`);
    for (const m of months) {
      out.push({
        id: `${c.id} / ${m.month}`,
        version: versionFromFeeCase(contract),
        month: m.month,
        actuals: actualsFromFeeCase(m.actuals),
        expected: m.expected,
      });
    }
  }
  return out;
}
