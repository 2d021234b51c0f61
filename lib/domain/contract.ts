// One version of a client contract: terms, fees and SLA (SPEC §4), and its validation.
//
// A version is a plain JSON object — integer yen, integer basis points (10,000 bp = 100 %), dates as
// "YYYY-MM-DD", times as "HH:MM" — so it can be stored as it is (a JSON column, or one column per field)
// and shown back to a form. An amendment is a new version holding the contract's whole terms again;
// which version bills a month is the caller's choice (the one in force in that month).
//
// "Not stated" is null (or "" for a clause text), never a made-up default: the 10-point checklist
// (checklist.ts) reports what a contract leaves open.
//
// The limits below reject absurd figures and keep every product the invoice engine forms within the
// range where money.ts computes exactly; they are far above anything a real agency contract carries.

import { parseDateKey } from "./calendar";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import type { IntegerRule } from "./validate";
import { checkInteger, fieldError, isRecord } from "./validate";

// ── Enumerations ─────────────────────────────────────────────────────────────────────────────────────

/** The five service areas an agency can take over (SPEC §4.1, seed 000). */
export const SERVICE_AREAS = [
  "listing_stock_pricing",
  "orders_shipping",
  "customer_support",
  "analytics_reporting",
  "advertising_promotions",
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export const SERVICE_OPTIONS = ["design", "photography"] as const;
export type ServiceOption = (typeof SERVICE_OPTIONS)[number];

/** Contract status lives on the contract, not on a version; listed here so schema and UI share it. */
export const CONTRACT_STATUSES = ["draft", "active", "expired", "terminated"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** What a rate_over_baseline rule is a share of. orders_x_aov = orders × the rule's agreed unit value. */
export const RATE_BASES = ["sales", "gross_profit", "ad_revenue", "orders_x_aov"] as const;
export type RateBasis = (typeof RATE_BASES)[number];

/**
 * KPIs a bonus can be tied to: all higher-is-better ratios of SPEC §6, compared as ratio of the month's
 * sums. ROAS = ad revenue ÷ ad spend (from the invoice actuals); CVR = orders ÷ sessions, repeat rate =
 * repeat customers ÷ customers, SLA response rate = answered within target ÷ inquiries (from kpiValues).
 */
export const BONUS_METRICS = ["roas", "cvr", "repeat_rate", "sla_response_rate"] as const;
export type BonusMetric = (typeof BONUS_METRICS)[number];

export const PERFORMANCE_RULE_KINDS = ["rate_over_baseline", "per_unit_over_baseline", "bonus_at_threshold"] as const;
export type PerformanceRuleKind = (typeof PERFORMANCE_RULE_KINDS)[number];

export const ADDITIONAL_FEE_KINDS = ["extra_marketplace", "hourly", "option"] as const;
export type AdditionalFeeKind = (typeof ADDITIONAL_FEE_KINDS)[number];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SUPPORT_CHANNELS = ["email", "chat", "phone"] as const;
export type SupportChannel = (typeof SUPPORT_CHANNELS)[number];

export const SEVERITIES = ["p1", "p2", "p3"] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * How a month's SLA result for an item is known: the report deadline from the publication date the
 * system records; response and resolution rates from the operators' measures against `targetBp`;
 * manual items are judged by the manager.
 */
export const SLA_MEASURES = ["report_deadline", "response_rate", "resolution_rate", "manual"] as const;
export type SlaMeasure = (typeof SLA_MEASURES)[number];

// ── Types ────────────────────────────────────────────────────────────────────────────────────────────

export interface FeeLine {
  label: string;
  /** Yen, ≥ 0. */
  amount: number;
}

export interface RateOverBaselineRule {
  kind: "rate_over_baseline";
  basis: RateBasis;
  /** Share of the excess over the baseline: 500 = 5 %. */
  rateBp: number;
  /** Yen per month; the rule pays on max(0, basis − baseline). */
  baseline: number;
  /** Most the rule pays in a month (yen); null = uncapped. */
  cap: number | null;
  /** Agreed yen per order; only (and always) for basis orders_x_aov. */
  aov?: number | null;
  label?: string;
}

export interface PerUnitOverBaselineRule {
  kind: "per_unit_over_baseline";
  basis: "orders";
  yenPerUnit: number;
  /** Orders per month. */
  baseline: number;
  cap: number | null;
  label?: string;
}

export interface BonusAtThresholdRule {
  kind: "bonus_at_threshold";
  metric: BonusMetric;
  /** The bonus is paid when the metric ≥ threshold: ROAS 40,000 bp = 400 %. */
  thresholdBp: number;
  bonus: number;
  cap?: number | null;
  label?: string;
}

export type PerformanceRule = RateOverBaselineRule | PerUnitOverBaselineRule | BonusAtThresholdRule;

export interface ExtraMarketplaceFee {
  kind: "extra_marketplace";
  label: string;
  /** Yen per month, prorated like the monthly fee. */
  monthly: number;
}

export interface HourlyFee {
  kind: "hourly";
  label: string;
  /** Customisation work: yen per hour × the month's minutes ÷ 60. At most one per version. */
  yenPerHour: number;
}

export interface OptionFee {
  kind: "option";
  label: string;
  /** Yen per month, prorated like the monthly fee. */
  monthly: number;
  /** The scope option this line prices, if any. */
  option?: ServiceOption | null;
}

export type AdditionalFee = ExtraMarketplaceFee | HourlyFee | OptionFee;

export interface ContractFees {
  initialFeeLines: FeeLine[];
  /** 1 = billed in the first month; N = N equal whole-yen parts, the remainder added to the first. */
  initialFeeSplitMonths: number;
  monthlyFeeLines: FeeLine[];
  performanceRules: PerformanceRule[];
  additionalFees: AdditionalFee[];
}

export interface DataHandover {
  /** Whether the client's data is handed over when the contract ends. */
  provided: boolean;
  /** e.g. "CSV (商品・受注・顧客)"; null = not stated. */
  format: string | null;
}

export interface ContractClauses {
  dataOwnership: string;
  confidentiality: string;
  thirdPartySharing: string;
  handover: string;
}

export interface ContractScope {
  areas: ServiceArea[];
  options: ServiceOption[];
}

export interface ContractTerms {
  startDate: string;
  /** Last day of the (first) term; null = no fixed end. Required when autoRenew. */
  endDate: string | null;
  autoRenew: boolean;
  /** Length of each renewal; required when autoRenew. */
  renewalMonths: number | null;
  /** Notice needed to end or not renew, in days; null = not stated. */
  noticeDays: number | null;
  /** Yen; 0 = none agreed, null = not stated. */
  earlyTerminationFee: number | null;
  dataHandover: DataHandover;
  scope: ContractScope;
  clauses: ContractClauses;
  /** Both sides acknowledge that results are not guaranteed (成果保証なし, checklist item 7). */
  resultsNotGuaranteed: boolean;
  /** e.g. 3 = quarterly; null = no review cadence agreed. */
  reviewCadenceMonths: number | null;
  nextReviewDate: string | null;
}

export interface SlaItem {
  /** Stable id within the version (lower-case letters, digits, "_"), e.g. "report_deadline". */
  key: string;
  label: string;
  measure: SlaMeasure;
  /** Required share for response_rate / resolution_rate (9,500 = 95 %); null otherwise. */
  targetBp: number | null;
  /** Credit when missed, as a share of the month's monthly fee after proration. */
  creditBp: number;
}

export interface SlaTerms {
  supportDays: Weekday[];
  /** Whether support runs on Japanese public holidays that fall on a support day. */
  supportOnHolidays: boolean;
  /** "HH:MM" Asia/Tokyo, from < to; "24:00" allowed as the end. Both null = not stated. */
  supportFrom: string | null;
  supportTo: string | null;
  channels: SupportChannel[];
  /** Business hours; null = not stated. */
  firstResponseHours: number | null;
  /** Hours per severity; null = not stated. */
  resolutionHours: Record<Severity, number | null>;
  escalationRoute: string;
  escalationDeadlineHours: number | null;
  /** Monthly report due on the Nth business day of the next month; null = not stated. */
  reportDeadlineBusinessDay: number | null;
  weeklyUpdateDay: Weekday | null;
  items: SlaItem[];
  /** Cap on the month's total credit, as a share of the monthly fee. */
  creditCapBp: number;
}

export interface ContractVersion {
  terms: ContractTerms;
  fees: ContractFees;
  /** null = no SLA agreed. */
  sla: SlaTerms | null;
}

// ── Limits ───────────────────────────────────────────────────────────────────────────────────────────

export const CONTRACT_LIMITS = {
  /** Contract dates: the 21st century. */
  minDate: "2000-01-01",
  maxDate: "2099-12-31",
  /** One fee line, a bonus, a monthly additional fee, an early-termination fee: ¥1 billion. */
  maxLineYen: 1_000_000_000,
  maxFeeLines: 30,
  maxLabelLength: 100,
  maxFormatLength: 200,
  maxClauseLength: 20_000,
  maxSplitMonths: 60,
  maxPerformanceRules: 10,
  maxAdditionalFees: 20,
  /** Baselines and caps in yen, and the yen actuals of a month (sales, gross profit, ad figures): ¥1 trillion. */
  maxMonthYen: 1_000_000_000_000,
  /** Orders in a month, and an order baseline. */
  maxOrders: 100_000_000,
  maxYenPerUnit: 100_000,
  /** A ROAS threshold may be far above 100 %; 1,000,000 bp = 10,000 %. */
  maxRoasThresholdBp: 1_000_000,
  maxYenPerHour: 1_000_000,
  maxRenewalMonths: 60,
  maxNoticeDays: 365,
  maxReviewCadenceMonths: 24,
  maxResponseHours: 2_160,
  maxReportBusinessDay: 15,
  maxSlaItems: 20,
  maxSlaKeyLength: 40,
} as const;

const L = CONTRACT_LIMITS;
const YEN_LINE: IntegerRule = { min: 0, max: L.maxLineYen, minCode: "must_not_be_negative" };
const YEN_MONTH: IntegerRule = { min: 0, max: L.maxMonthYen, minCode: "must_not_be_negative" };
const RATE_BP: IntegerRule = {
  min: 0,
  max: 10_000,
  minCode: "must_not_be_negative",
  maxCode: "rate_above_100_percent",
};
const HOURS: IntegerRule = { min: 1, max: L.maxResponseHours, minCode: "must_be_positive" };
const SLA_KEY = /^[a-z0-9_]+$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

// ── Validation ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Checks a whole version and answers it normalised (labels trimmed, optional fields made explicit), or
 * every field error at once with paths such as "fees.performanceRules.2.rateBp".
 */
export function validateContractVersion(input: unknown): Result<ContractVersion> {
  if (!isRecord(input)) return fail([fieldError("", "invalid_type")]);
  const errors: FieldError[] = [];
  const terms = validateTerms(errors, input.terms);
  const fees = validateFees(errors, input.fees, terms?.scope.options ?? null);
  const sla = input.sla === null || input.sla === undefined ? null : validateSla(errors, input.sla);
  if (errors.length > 0 || terms === undefined || fees === undefined || sla === undefined) return fail(errors);
  return ok({ terms, fees, sla });
}

type Errors = FieldError[];

function push(errors: Errors, field: string, code: FieldError["code"], params?: Record<string, number>): undefined {
  errors.push(fieldError(field, code, params));
  return undefined;
}

function record(errors: Errors, field: string, value: unknown): Record<string, unknown> | undefined {
  if (isRecord(value)) return value;
  return push(errors, field, value === undefined || value === null ? "required" : "invalid_type");
}

function checkDate(errors: Errors, field: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === "") return push(errors, field, "required");
  if (typeof value !== "string" || parseDateKey(value) === null) return push(errors, field, "invalid_format");
  if (value < L.minDate || value > L.maxDate) return push(errors, field, "outside_calendar");
  return value;
}

function checkOptionalDate(errors: Errors, field: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  return checkDate(errors, field, value);
}

function checkNullableInt(errors: Errors, field: string, value: unknown, rule: IntegerRule): number | null | undefined {
  if (value === undefined || value === null) return null;
  return checkInteger(errors, field, value, rule);
}

function checkBoolean(errors: Errors, field: string, value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  return push(errors, field, value === undefined || value === null ? "required" : "invalid_type");
}

function checkLabel(errors: Errors, field: string, value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return push(errors, field, "required");
  const label = value.trim();
  if (label.length > L.maxLabelLength) return push(errors, field, "too_long", { max: L.maxLabelLength });
  return label;
}

function checkOptionalLabel(errors: Errors, field: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return null;
  return checkLabel(errors, field, value);
}

/** Free text that may be empty (a clause not yet written). */
function checkText(errors: Errors, field: string, value: unknown, max: number): string | undefined {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") return push(errors, field, "invalid_type");
  const text = value.trim();
  if (text.length > max) return push(errors, field, "too_long", { max });
  return text;
}

function checkOption<T extends string>(
  errors: Errors,
  field: string,
  value: unknown,
  options: readonly T[],
): T | undefined {
  if (value === undefined || value === null || value === "") return push(errors, field, "required");
  if (typeof value !== "string" || !(options as readonly string[]).includes(value)) {
    return push(errors, field, "invalid_option");
  }
  return value as T;
}

/** A set of enum values, as an array without duplicates. */
function checkOptionList<T extends string>(
  errors: Errors,
  field: string,
  value: unknown,
  options: readonly T[],
): T[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return push(errors, field, "invalid_type");
  const before = errors.length;
  for (let i = 0; i < value.length; i++) {
    const option = checkOption(errors, `${field}.${i}`, value[i], options);
    if (option !== undefined && value.indexOf(option) < i) push(errors, `${field}.${i}`, "duplicate");
  }
  if (errors.length > before) return undefined;
  // Listed in the enumeration's order, so equal sets compare equal.
  const ordered: T[] = [];
  for (const option of options) if (value.includes(option)) ordered.push(option);
  return ordered;
}

function checkList(errors: Errors, field: string, value: unknown, max: number): unknown[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return push(errors, field, "invalid_type");
  if (value.length > max) return push(errors, field, "too_many_items", { max });
  return value;
}

function validateTerms(errors: Errors, value: unknown): ContractTerms | undefined {
  const t = record(errors, "terms", value);
  if (t === undefined) return undefined;
  const before = errors.length;
  const startDate = checkDate(errors, "terms.startDate", t.startDate);
  const endDate = checkOptionalDate(errors, "terms.endDate", t.endDate);
  if (startDate !== undefined && typeof endDate === "string" && endDate < startDate) {
    push(errors, "terms.endDate", "end_before_start");
  }
  const autoRenew = checkBoolean(errors, "terms.autoRenew", t.autoRenew);
  let renewalMonths = checkNullableInt(errors, "terms.renewalMonths", t.renewalMonths, {
    min: 1,
    max: L.maxRenewalMonths,
    minCode: "must_be_positive",
  });
  if (autoRenew === true) {
    // A renewal needs a term to renew and a length to renew by.
    if (endDate === null) push(errors, "terms.endDate", "required");
    if (renewalMonths === null) renewalMonths = push(errors, "terms.renewalMonths", "required");
  }
  const noticeDays = checkNullableInt(errors, "terms.noticeDays", t.noticeDays, {
    min: 0,
    max: L.maxNoticeDays,
    minCode: "must_not_be_negative",
  });
  const earlyTerminationFee = checkNullableInt(errors, "terms.earlyTerminationFee", t.earlyTerminationFee, YEN_LINE);

  let dataHandover: DataHandover | undefined;
  const handover = record(errors, "terms.dataHandover", t.dataHandover);
  if (handover !== undefined) {
    const provided = checkBoolean(errors, "terms.dataHandover.provided", handover.provided);
    const format = checkText(errors, "terms.dataHandover.format", handover.format, L.maxFormatLength);
    if (provided !== undefined && format !== undefined)
      dataHandover = { provided, format: format === "" ? null : format };
  }

  let scope: ContractScope | undefined;
  const s = record(errors, "terms.scope", t.scope);
  if (s !== undefined) {
    const areas = checkOptionList(errors, "terms.scope.areas", s.areas, SERVICE_AREAS);
    const options = checkOptionList(errors, "terms.scope.options", s.options, SERVICE_OPTIONS);
    if (areas !== undefined && options !== undefined) {
      if (areas.length === 0 && options.length === 0) push(errors, "terms.scope.areas", "required");
      else scope = { areas, options };
    }
  }

  let clauses: ContractClauses | undefined;
  const c = t.clauses === undefined || t.clauses === null ? {} : record(errors, "terms.clauses", t.clauses);
  if (c !== undefined) {
    const text = (name: keyof ContractClauses) =>
      checkText(errors, `terms.clauses.${name}`, c[name], L.maxClauseLength);
    const dataOwnership = text("dataOwnership");
    const confidentiality = text("confidentiality");
    const thirdPartySharing = text("thirdPartySharing");
    const handoverText = text("handover");
    if (
      dataOwnership !== undefined &&
      confidentiality !== undefined &&
      thirdPartySharing !== undefined &&
      handoverText !== undefined
    ) {
      clauses = { dataOwnership, confidentiality, thirdPartySharing, handover: handoverText };
    }
  }

  const resultsNotGuaranteed =
    t.resultsNotGuaranteed === undefined || t.resultsNotGuaranteed === null
      ? false
      : checkBoolean(errors, "terms.resultsNotGuaranteed", t.resultsNotGuaranteed);
  const reviewCadenceMonths = checkNullableInt(errors, "terms.reviewCadenceMonths", t.reviewCadenceMonths, {
    min: 1,
    max: L.maxReviewCadenceMonths,
    minCode: "must_be_positive",
  });
  const nextReviewDate = checkOptionalDate(errors, "terms.nextReviewDate", t.nextReviewDate);
  if (startDate !== undefined && typeof nextReviewDate === "string" && nextReviewDate < startDate) {
    push(errors, "terms.nextReviewDate", "before_start");
  }

  if (
    errors.length > before ||
    startDate === undefined ||
    endDate === undefined ||
    autoRenew === undefined ||
    renewalMonths === undefined ||
    noticeDays === undefined ||
    earlyTerminationFee === undefined ||
    dataHandover === undefined ||
    scope === undefined ||
    clauses === undefined ||
    resultsNotGuaranteed === undefined ||
    reviewCadenceMonths === undefined ||
    nextReviewDate === undefined
  ) {
    return undefined;
  }
  return {
    startDate,
    endDate,
    autoRenew,
    renewalMonths,
    noticeDays,
    earlyTerminationFee,
    dataHandover,
    scope,
    clauses,
    resultsNotGuaranteed,
    reviewCadenceMonths,
    nextReviewDate,
  };
}

function validateFeeLines(errors: Errors, field: string, value: unknown): FeeLine[] | undefined {
  const list = checkList(errors, field, value, L.maxFeeLines);
  if (list === undefined) return undefined;
  const before = errors.length;
  const lines: FeeLine[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const line = record(errors, `${field}.${i}`, item);
    if (line === undefined) continue;
    const label = checkLabel(errors, `${field}.${i}.label`, line.label);
    const amount = checkInteger(errors, `${field}.${i}.amount`, line.amount, YEN_LINE);
    if (label !== undefined && amount !== undefined) lines.push({ label, amount });
  }
  return errors.length === before ? lines : undefined;
}

function validateFees(
  errors: Errors,
  value: unknown,
  scopeOptions: readonly ServiceOption[] | null,
): ContractFees | undefined {
  const f = record(errors, "fees", value);
  if (f === undefined) return undefined;
  const before = errors.length;
  const initialFeeLines = validateFeeLines(errors, "fees.initialFeeLines", f.initialFeeLines);
  const initialFeeSplitMonths = checkInteger(errors, "fees.initialFeeSplitMonths", f.initialFeeSplitMonths ?? 1, {
    min: 1,
    max: L.maxSplitMonths,
    minCode: "must_be_positive",
  });
  const monthlyFeeLines = validateFeeLines(errors, "fees.monthlyFeeLines", f.monthlyFeeLines);
  const performanceRules = validatePerformanceRules(errors, f.performanceRules);
  const additionalFees = validateAdditionalFees(errors, f.additionalFees, scopeOptions);
  if (
    errors.length > before ||
    initialFeeLines === undefined ||
    initialFeeSplitMonths === undefined ||
    monthlyFeeLines === undefined ||
    performanceRules === undefined ||
    additionalFees === undefined
  ) {
    return undefined;
  }
  return { initialFeeLines, initialFeeSplitMonths, monthlyFeeLines, performanceRules, additionalFees };
}

function checkCap(errors: Errors, field: string, value: unknown): number | null | undefined {
  return checkNullableInt(errors, field, value, YEN_MONTH);
}

function validatePerformanceRules(errors: Errors, value: unknown): PerformanceRule[] | undefined {
  const list = checkList(errors, "fees.performanceRules", value, L.maxPerformanceRules);
  if (list === undefined) return undefined;
  const before = errors.length;
  const rules: PerformanceRule[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const field = `fees.performanceRules.${i}`;
    const r = record(errors, field, item);
    if (r === undefined) continue;
    const label = checkOptionalLabel(errors, `${field}.label`, r.label);
    switch (r.kind) {
      case "rate_over_baseline": {
        const basis = checkOption(errors, `${field}.basis`, r.basis, RATE_BASES);
        const rateBp = checkInteger(errors, `${field}.rateBp`, r.rateBp, RATE_BP);
        const baseline = checkInteger(errors, `${field}.baseline`, r.baseline, YEN_MONTH);
        const cap = checkCap(errors, `${field}.cap`, r.cap);
        let aov: number | null | undefined = null;
        if (basis === "orders_x_aov") {
          aov =
            r.aov === undefined || r.aov === null
              ? push(errors, `${field}.aov`, "required")
              : checkInteger(errors, `${field}.aov`, r.aov, {
                  min: 1,
                  max: L.maxYenPerUnit,
                  minCode: "must_be_positive",
                });
        }
        if (basis === undefined || rateBp === undefined || baseline === undefined || cap === undefined) continue;
        if (aov === undefined) continue;
        const rule: RateOverBaselineRule = { kind: "rate_over_baseline", basis, rateBp, baseline, cap };
        if (aov !== null) rule.aov = aov;
        if (label) rule.label = label;
        rules.push(rule);
        continue;
      }
      case "per_unit_over_baseline": {
        const basis = checkOption(errors, `${field}.basis`, r.basis ?? "orders", ["orders"] as const);
        const yenPerUnit = checkInteger(errors, `${field}.yenPerUnit`, r.yenPerUnit, {
          min: 0,
          max: L.maxYenPerUnit,
          minCode: "must_not_be_negative",
        });
        const baseline = checkInteger(errors, `${field}.baseline`, r.baseline, {
          min: 0,
          max: L.maxOrders,
          minCode: "must_not_be_negative",
        });
        const cap = checkCap(errors, `${field}.cap`, r.cap);
        if (basis === undefined || yenPerUnit === undefined || baseline === undefined || cap === undefined) continue;
        const rule: PerUnitOverBaselineRule = { kind: "per_unit_over_baseline", basis, yenPerUnit, baseline, cap };
        if (label) rule.label = label;
        rules.push(rule);
        continue;
      }
      case "bonus_at_threshold": {
        const metric = checkOption(errors, `${field}.metric`, r.metric, BONUS_METRICS);
        const thresholdBp = checkInteger(errors, `${field}.thresholdBp`, r.thresholdBp, {
          min: 0,
          // ROAS is ad revenue over ad spend and often far above 100 %; the other metrics are shares.
          max: metric === "roas" ? L.maxRoasThresholdBp : 10_000,
          minCode: "must_not_be_negative",
          maxCode: metric === "roas" || metric === undefined ? "above_maximum" : "rate_above_100_percent",
        });
        const bonus = checkInteger(errors, `${field}.bonus`, r.bonus, YEN_LINE);
        const cap = checkCap(errors, `${field}.cap`, r.cap);
        if (metric === undefined || thresholdBp === undefined || bonus === undefined || cap === undefined) continue;
        const rule: BonusAtThresholdRule = { kind: "bonus_at_threshold", metric, thresholdBp, bonus, cap };
        if (label) rule.label = label;
        rules.push(rule);
        continue;
      }
      default:
        push(errors, `${field}.kind`, r.kind === undefined || r.kind === null ? "required" : "invalid_option");
    }
  }
  return errors.length === before ? rules : undefined;
}

function validateAdditionalFees(
  errors: Errors,
  value: unknown,
  scopeOptions: readonly ServiceOption[] | null,
): AdditionalFee[] | undefined {
  const list = checkList(errors, "fees.additionalFees", value, L.maxAdditionalFees);
  if (list === undefined) return undefined;
  const before = errors.length;
  const fees: AdditionalFee[] = [];
  let hourlySeen = false;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const field = `fees.additionalFees.${i}`;
    const a = record(errors, field, item);
    if (a === undefined) continue;
    const label = checkLabel(errors, `${field}.label`, a.label);
    switch (a.kind) {
      case "extra_marketplace": {
        const monthly = checkInteger(errors, `${field}.monthly`, a.monthly, YEN_LINE);
        if (label !== undefined && monthly !== undefined) fees.push({ kind: "extra_marketplace", label, monthly });
        continue;
      }
      case "hourly": {
        const yenPerHour = checkInteger(errors, `${field}.yenPerHour`, a.yenPerHour, {
          min: 0,
          max: L.maxYenPerHour,
          minCode: "must_not_be_negative",
        });
        // The month's actuals carry one figure of customisation minutes, so one rate prices them.
        if (hourlySeen) push(errors, `${field}.kind`, "duplicate");
        hourlySeen = true;
        if (label !== undefined && yenPerHour !== undefined) fees.push({ kind: "hourly", label, yenPerHour });
        continue;
      }
      case "option": {
        const monthly = checkInteger(errors, `${field}.monthly`, a.monthly, YEN_LINE);
        let option: ServiceOption | null | undefined = null;
        if (a.option !== undefined && a.option !== null) {
          option = checkOption(errors, `${field}.option`, a.option, SERVICE_OPTIONS);
          // Pricing an option the scope does not include is a contradiction worth catching.
          if (option !== undefined && scopeOptions !== null && !scopeOptions.includes(option)) {
            option = push(errors, `${field}.option`, "invalid_option");
          }
        }
        if (label !== undefined && monthly !== undefined && option !== undefined) {
          fees.push(option === null ? { kind: "option", label, monthly } : { kind: "option", label, monthly, option });
        }
        continue;
      }
      default:
        push(errors, `${field}.kind`, a.kind === undefined || a.kind === null ? "required" : "invalid_option");
    }
  }
  return errors.length === before ? fees : undefined;
}

function checkTime(errors: Errors, field: string, value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" || !TIME.test(value)) return push(errors, field, "invalid_format");
  return value;
}

function validateSla(errors: Errors, value: unknown): SlaTerms | undefined {
  const s = record(errors, "sla", value);
  if (s === undefined) return undefined;
  const before = errors.length;
  const supportDays = checkOptionList(errors, "sla.supportDays", s.supportDays, WEEKDAYS);
  const supportOnHolidays =
    s.supportOnHolidays === undefined || s.supportOnHolidays === null
      ? false
      : checkBoolean(errors, "sla.supportOnHolidays", s.supportOnHolidays);
  const supportFrom = checkTime(errors, "sla.supportFrom", s.supportFrom);
  const supportTo = checkTime(errors, "sla.supportTo", s.supportTo);
  if (supportFrom === "24:00") push(errors, "sla.supportFrom", "invalid_format");
  if (typeof supportFrom === "string" && supportTo === null) push(errors, "sla.supportTo", "required");
  if (supportFrom === null && typeof supportTo === "string") push(errors, "sla.supportFrom", "required");
  if (typeof supportFrom === "string" && typeof supportTo === "string" && supportTo <= supportFrom) {
    push(errors, "sla.supportTo", "end_before_start");
  }
  const channels = checkOptionList(errors, "sla.channels", s.channels, SUPPORT_CHANNELS);
  const firstResponseHours = checkNullableInt(errors, "sla.firstResponseHours", s.firstResponseHours, HOURS);
  const resolution =
    s.resolutionHours === undefined || s.resolutionHours === null
      ? {}
      : record(errors, "sla.resolutionHours", s.resolutionHours);
  const p1 = checkNullableInt(errors, "sla.resolutionHours.p1", resolution?.p1, HOURS);
  const p2 = checkNullableInt(errors, "sla.resolutionHours.p2", resolution?.p2, HOURS);
  const p3 = checkNullableInt(errors, "sla.resolutionHours.p3", resolution?.p3, HOURS);
  const escalationRoute = checkText(errors, "sla.escalationRoute", s.escalationRoute, L.maxClauseLength);
  const escalationDeadlineHours = checkNullableInt(
    errors,
    "sla.escalationDeadlineHours",
    s.escalationDeadlineHours,
    HOURS,
  );
  const reportDeadlineBusinessDay = checkNullableInt(
    errors,
    "sla.reportDeadlineBusinessDay",
    s.reportDeadlineBusinessDay,
    { min: 1, max: L.maxReportBusinessDay, minCode: "must_be_positive" },
  );
  const weeklyUpdateDay =
    s.weeklyUpdateDay === undefined || s.weeklyUpdateDay === null || s.weeklyUpdateDay === ""
      ? null
      : checkOption(errors, "sla.weeklyUpdateDay", s.weeklyUpdateDay, WEEKDAYS);
  const items = validateSlaItems(errors, s.items);
  const creditCapBp = checkInteger(errors, "sla.creditCapBp", s.creditCapBp ?? 10_000, RATE_BP);
  if (
    errors.length > before ||
    supportDays === undefined ||
    supportOnHolidays === undefined ||
    supportFrom === undefined ||
    supportTo === undefined ||
    channels === undefined ||
    firstResponseHours === undefined ||
    p1 === undefined ||
    p2 === undefined ||
    p3 === undefined ||
    escalationRoute === undefined ||
    escalationDeadlineHours === undefined ||
    reportDeadlineBusinessDay === undefined ||
    weeklyUpdateDay === undefined ||
    items === undefined ||
    creditCapBp === undefined
  ) {
    return undefined;
  }
  return {
    supportDays,
    supportOnHolidays,
    supportFrom,
    supportTo,
    channels,
    firstResponseHours,
    resolutionHours: { p1, p2, p3 },
    escalationRoute,
    escalationDeadlineHours,
    reportDeadlineBusinessDay,
    weeklyUpdateDay,
    items,
    creditCapBp,
  };
}

function validateSlaItems(errors: Errors, value: unknown): SlaItem[] | undefined {
  const list = checkList(errors, "sla.items", value, L.maxSlaItems);
  if (list === undefined) return undefined;
  const before = errors.length;
  const keys = new Set<string>();
  const items: SlaItem[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const field = `sla.items.${i}`;
    const it = record(errors, field, item);
    if (it === undefined) continue;
    let key: string | undefined;
    if (typeof it.key !== "string" || it.key === "") push(errors, `${field}.key`, "required");
    else if (it.key.length > L.maxSlaKeyLength) push(errors, `${field}.key`, "too_long", { max: L.maxSlaKeyLength });
    else if (!SLA_KEY.test(it.key)) push(errors, `${field}.key`, "invalid_format");
    else if (keys.has(it.key)) push(errors, `${field}.key`, "duplicate");
    else {
      key = it.key;
      keys.add(key);
    }
    const label = checkLabel(errors, `${field}.label`, it.label);
    const measure = checkOption(errors, `${field}.measure`, it.measure, SLA_MEASURES);
    let targetBp: number | null | undefined = null;
    if (measure === "response_rate" || measure === "resolution_rate") {
      targetBp = checkInteger(errors, `${field}.targetBp`, it.targetBp, {
        ...RATE_BP,
        min: 1,
        minCode: "must_be_positive",
      });
    }
    const creditBp = checkInteger(errors, `${field}.creditBp`, it.creditBp, RATE_BP);
    if (key === undefined || label === undefined || measure === undefined || targetBp === undefined) continue;
    if (creditBp === undefined) continue;
    items.push({ key, label, measure, targetBp, creditBp });
  }
  return errors.length === before ? items : undefined;
}
