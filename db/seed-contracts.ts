// Demo contracts: every demo client gets one, with a mix of every fee kind, and one renews within 30 days.
import { addDays, addMonthsToDate, dateKey, parseDateKey } from "../lib/domain/calendar";
import { type ContractVersion, type ServiceArea, validateContractVersion } from "../lib/domain/contract";
import { STANDARD_SLA } from "../lib/domain/contract-templates";

const CLAUSES = {
  dataOwnership: "店舗・商品・顧客データの所有権は委託者に帰属する。",
  confidentiality: "双方は業務上知り得た情報を契約終了後も3年間秘密として保持する。",
  thirdPartySharing: "委託者の書面による同意なく第三者に提供しない。",
  handover: "契約終了日から14日以内に、商品・受注・顧客データをCSVで引き渡す。",
};

const SLA: NonNullable<ContractVersion["sla"]> = STANDARD_SLA;

/** Four shapes of contract, used in turn: between them every fee kind, rule kind and additional fee. */
function shape(n: number, startDate: string, endDate: string): ContractVersion {
  const terms = {
    startDate,
    endDate,
    autoRenew: true,
    renewalMonths: 12,
    noticeDays: 60,
    earlyTerminationFee: 0,
    dataHandover: { provided: true, format: "CSV（商品・受注・顧客）" },
    scope: {
      areas: ["listing_stock_pricing", "orders_shipping", "customer_support", "analytics_reporting"] as ServiceArea[],
      options: [] as ("design" | "photography")[],
    },
    clauses: CLAUSES,
    resultsNotGuaranteed: true,
    reviewCadenceMonths: 3,
    nextReviewDate: null as string | null,
  };
  switch (n % 4) {
    case 0:
      return {
        terms: { ...terms, scope: { areas: [...terms.scope.areas], options: ["photography"] } },
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
        sla: structuredClone(SLA),
      };
    case 1:
      return {
        terms: { ...terms, scope: { areas: [...terms.scope.areas], options: [] } },
        fees: {
          initialFeeLines: [
            { label: "受注システム連携", amount: 240_000 },
            { label: "業務フロー設計", amount: 120_000 },
          ],
          initialFeeSplitMonths: 3,
          monthlyFeeLines: [{ label: "受注・出荷代行", amount: 180_000 }],
          performanceRules: [
            { kind: "per_unit_over_baseline", basis: "orders", yenPerUnit: 80, baseline: 1_000, cap: 120_000 },
          ],
          additionalFees: [{ kind: "hourly", label: "追加作業", yenPerHour: 6_000 }],
        },
        sla: structuredClone(SLA),
      };
    case 2:
      return {
        terms: {
          ...terms,
          scope: { areas: ["advertising_promotions", "analytics_reporting"], options: ["design"] },
          noticeDays: 30,
        },
        fees: {
          initialFeeLines: [{ label: "広告アカウント設計", amount: 100_000 }],
          initialFeeSplitMonths: 1,
          monthlyFeeLines: [{ label: "広告運用", amount: 150_000 }],
          performanceRules: [
            { kind: "rate_over_baseline", basis: "gross_profit", rateBp: 1_000, baseline: 1_000_000, cap: 300_000 },
            { kind: "bonus_at_threshold", metric: "cvr", thresholdBp: 300, bonus: 50_000, cap: null },
          ],
          additionalFees: [{ kind: "option", label: "バナーデザイン", monthly: 40_000, option: "design" }],
        },
        sla: {
          ...structuredClone(SLA),
          items: [
            ...SLA.items,
            { key: "weekly_update", label: "週次報告", measure: "manual", targetBp: null, creditBp: 200 },
          ],
        },
      };
    default:
      return {
        terms: { ...terms, autoRenew: false, renewalMonths: null },
        fees: {
          initialFeeLines: [{ label: "ストア開設", amount: 300_000 }],
          initialFeeSplitMonths: 1,
          monthlyFeeLines: [
            { label: "運営代行", amount: 250_000 },
            { label: "カスタマーサポート", amount: 80_000 },
          ],
          performanceRules: [
            {
              kind: "rate_over_baseline",
              basis: "orders_x_aov",
              aov: 6_000,
              rateBp: 300,
              baseline: 2_000_000,
              cap: null,
            },
          ],
          additionalFees: [{ kind: "extra_marketplace", label: "Yahoo!ショッピング 追加", monthly: 25_000 }],
        },
        sla: null,
      };
  }
}

/**
 * The demo contract of the n-th client. `today` (Asia/Tokyo) places the first one's term so that it renews
 * 20 days after the seed runs; the others run a fixed year.
 */
export function demoContract(n: number, today: string): ContractVersion {
  let start = "2026-04-01";
  let end = "2027-03-31";
  const day = parseDateKey(today);
  if (n === 0 && day) {
    const endDay = addDays(day, 20);
    end = dateKey(endDay);
    start = dateKey(addDays(addMonthsToDate(endDay, -12), 1));
  }
  const version = shape(n, start, end);
  const valid = validateContractVersion(version);
  if (!valid.ok) throw new Error(`demo contract ${n}: ${JSON.stringify(valid.errors)}`);
  return valid.value;
}
