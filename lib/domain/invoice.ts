// The invoice of one contract version for one month (SPEC §4.2).
//
// invoice = initial (if due) + monthly + performance + additional − SLA credits; consumption tax once on
// the taxable total. Every line says how it was computed. Rules, in the order they apply:
// - Every yen derived from a rate or a fraction (proration, a performance rate, an SLA credit, hourly
//   minutes) is rounded half-up to whole yen, line by line, before anything is summed.
// - Proration: a month the term covers only in part is billed amount × active days ÷ days in month, per
//   fee line (monthly fee lines, extra marketplaces, option lines). Baselines, caps and bonuses are not
//   prorated.
// - Initial fee: in the term's first month, or split over N months into N equal whole-yen parts, the
//   remainder added to the first. Parts not yet due when a fixed term ends are billed in its last month,
//   so the whole initial fee is always billed.
// - Performance rules are each max(0, …) and then capped; a bonus whose KPI cannot be computed (no ad
//   spend for ROAS) or whose actuals are absent pays 0 and says why.
// - SLA credits are shares of the month's monthly fee after proration, taken in the SLA's item order until
//   the total reaches the cap (share of the same fee); the item that crosses the cap is cut to fit.
// - Tax = taxable × rate rounded once per invoice (default 10 %, rounded down — agency setting).
// - A month the term does not reach has no invoice: the answer says so (kind "no_invoice"), it is not an
//   error. With auto-renewal the term has no end; ending such a contract is an amendment that sets
//   autoRenew false.

import type { YearMonth, YearMonthDay } from "./calendar";
import { daysInMonth, monthIndex, monthKey, parseDateKey, parseMonthKey } from "./calendar";
import type {
  BonusMetric,
  ContractVersion,
  FeeLine,
  PerformanceRule,
  PerformanceRuleKind,
  RateBasis,
  ServiceOption,
} from "./contract";
import { CONTRACT_LIMITS, validateContractVersion } from "./contract";
import type { RoundingMode } from "./money";
import { applyBp, applyBpRounded, BP_PER_UNIT, ROUNDING_MODES, roundHalfUpDiv } from "./money";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { checkInteger, fieldError, isRecord } from "./validate";

// ── Inputs ───────────────────────────────────────────────────────────────────────────────────────────

/** A ratio as the month's sums (SPEC §6: ratio of sums, never a mean of weekly ratios). */
export interface KpiRatio {
  numerator: number;
  denominator: number;
}

/** The month's figures. Absent means "not entered": rules that need it pay nothing and say so. */
export interface InvoiceActuals {
  sales?: number | null;
  orders?: number | null;
  /** May be negative. */
  grossProfit?: number | null;
  adRevenue?: number | null;
  adSpend?: number | null;
  /** For bonus metrics other than ROAS (which comes from adRevenue ÷ adSpend). */
  kpiValues?: Partial<Record<Exclude<BonusMetric, "roas">, KpiRatio | null>> | null;
  /** Customisation work in minutes; absent = none. */
  customisationMinutes?: number | null;
  /** Keys of the SLA items missed this month. */
  missedSlaItems?: readonly string[] | null;
}

export interface InvoiceSettings {
  /** Consumption tax rate: 1,000 bp = 10 %. */
  taxRateBp: number;
  taxRounding: RoundingMode;
}

export const DEFAULT_INVOICE_SETTINGS: Readonly<InvoiceSettings> = { taxRateBp: 1_000, taxRounding: "down" };

export const ACTUALS_LIMITS = {
  maxMonthYen: CONTRACT_LIMITS.maxMonthYen,
  maxOrders: CONTRACT_LIMITS.maxOrders,
  /** A month of customisation work: ¥1,000,000/h × 1,000,000 min stays an exact integer. */
  maxMinutes: 1_000_000,
} as const;

// ── Output ───────────────────────────────────────────────────────────────────────────────────────────

export type InvoiceSection = "initial" | "monthly" | "performance" | "additional" | "sla_credit";

export type InvoiceNoteCode =
  /** Billed for part of the month: amount × daysActive ÷ daysInMonth. */
  | "prorated"
  /** The remaining initial-fee parts, billed together because the fixed term ends this month. */
  | "remaining_instalments_at_term_end"
  | "below_baseline"
  | "capped"
  /** params.basis: the actual that was not entered (sales, orders, …). */
  | "basis_missing"
  /** params.metric, params.missing: the figure that was absent or zero (ROAS with no ad spend). */
  | "kpi_not_computable"
  | "threshold_not_reached"
  | "threshold_reached"
  /** The SLA credit cap was reached: this credit was cut (or is zero). */
  | "cap_reached";

export interface InvoiceNote {
  code: InvoiceNoteCode;
  params?: Readonly<Record<string, string | number>>;
}

interface LineBase {
  section: InvoiceSection;
  /** The contract's label; null where the UI names the line from its kind. */
  label: string | null;
  /** Whole yen, never negative; SLA credits are subtracted from the invoice. */
  amount: number;
  note: InvoiceNote | null;
}

export interface InitialFeeLine extends LineBase {
  kind: "initial_fee";
  section: "initial";
}

export interface InitialInstalmentLine extends LineBase {
  kind: "initial_instalment";
  section: "initial";
  /** The whole initial fee and its items. */
  totalInitialFee: number;
  components: FeeLine[];
  /** 1-based number of the first part on this line, the parts it covers, and N. */
  instalment: number;
  parts: number;
  instalments: number;
}

export interface ProratedLine extends LineBase {
  kind: "monthly_fee" | "extra_marketplace" | "option";
  section: "monthly" | "additional";
  /** The full month's amount. */
  monthlyAmount: number;
  daysActive: number;
  daysInMonth: number;
  option?: ServiceOption;
}

export interface PerformanceLine extends LineBase {
  kind: "performance";
  section: "performance";
  /** Index of the rule in fees.performanceRules. */
  rule: number;
  ruleKind: PerformanceRuleKind;
  /** What the rule reads: a rate basis, "orders", or a bonus metric. */
  basis: RateBasis | "orders" | BonusMetric;
  /** The basis figure (yen, orders, or the metric in bp rounded half-up for display); null when absent. */
  basisValue: number | null;
  /** Yen, orders, or the threshold in bp. */
  baseline: number;
  /** max(0, basis − baseline) for the over-baseline rules; null for bonuses. */
  excess: number | null;
  rateBp: number | null;
  yenPerUnit: number | null;
  /** Agreed yen per order for orders_x_aov. */
  aov: number | null;
  bonus: number | null;
  /** Before the cap. */
  uncapped: number;
  cap: number | null;
}

export interface HourlyLine extends LineBase {
  kind: "hourly";
  section: "additional";
  yenPerHour: number;
  minutes: number;
}

export interface SlaCreditLine extends LineBase {
  kind: "sla_credit";
  section: "sla_credit";
  key: string;
  creditBp: number;
  /** The month's monthly fee after proration, of which the credit is a share. */
  monthlyFee: number;
  uncapped: number;
}

export type InvoiceLine =
  | InitialFeeLine
  | InitialInstalmentLine
  | ProratedLine
  | PerformanceLine
  | HourlyLine
  | SlaCreditLine;

export interface InvoiceTotals {
  initial: number;
  monthly: number;
  performance: number;
  additional: number;
  slaCredit: number;
  /** initial + monthly + performance + additional − slaCredit. */
  taxable: number;
  tax: number;
  total: number;
}

export interface Invoice {
  month: string;
  /** The days of the month the term covers. */
  periodStart: string;
  periodEnd: string;
  daysActive: number;
  daysInMonth: number;
  lines: InvoiceLine[];
  totals: InvoiceTotals;
  taxRateBp: number;
  taxRounding: RoundingMode;
  /** The month's total SLA credit cap (yen); null when the contract has no SLA. */
  slaCreditCap: number | null;
  /** Actuals the contract needed that were not entered; the invoice is final only when empty. */
  missingActuals: string[];
}

export type InvoiceOutcome =
  | { kind: "invoice"; invoice: Invoice }
  | {
      kind: "no_invoice";
      month: string;
      reason: "before_term" | "after_term";
      termStart: string;
      termEnd: string | null;
    };

// ── Engine ───────────────────────────────────────────────────────────────────────────────────────────

/** Validates the version, month, actuals and settings, then computes. Never throws on user data. */
export function computeInvoice(
  version: ContractVersion,
  month: string,
  actuals: InvoiceActuals = {},
  settings: Partial<InvoiceSettings> = {},
): Result<InvoiceOutcome> {
  const valid = validateContractVersion(version);
  if (!valid.ok) return valid;
  return computeInvoiceForValidVersion(valid.value, month, actuals, settings);
}

/**
 * As computeInvoice, for a version that already passed validateContractVersion (as a stored version
 * has): checks only the month, actuals and settings. Billing many months of one version uses this.
 */
export function computeInvoiceForValidVersion(
  version: ContractVersion,
  month: string,
  actuals: InvoiceActuals = {},
  settings: Partial<InvoiceSettings> = {},
): Result<InvoiceOutcome> {
  const errors: FieldError[] = [];
  const ym = typeof month === "string" ? parseMonthKey(month) : null;
  if (ym === null) errors.push(fieldError("month", "invalid_format"));
  const a = validateActuals(errors, actuals, version);
  const s = validateSettings(errors, settings);
  if (errors.length > 0 || ym === null || a === undefined || s === undefined) return fail(errors);
  return ok(bill(version, ym, a, s));
}

/**
 * Invoices for several months of one version (a billing run, a schedule, a backfill): the version is
 * validated once. Errors name the month's position: "months.3.actuals.sales".
 */
export function computeInvoices(
  version: ContractVersion,
  months: readonly { month: string; actuals?: InvoiceActuals }[],
  settings: Partial<InvoiceSettings> = {},
): Result<InvoiceOutcome[]> {
  const valid = validateContractVersion(version);
  if (!valid.ok) return valid;
  if (!Array.isArray(months)) return fail([fieldError("months", "invalid_type")]);
  const settingErrors: FieldError[] = [];
  if (validateSettings(settingErrors, settings) === undefined) return fail(settingErrors);
  const outcomes: InvoiceOutcome[] = [];
  const errors: FieldError[] = [];
  for (let i = 0; i < months.length; i++) {
    const entry: unknown = months[i];
    if (!isRecord(entry)) {
      errors.push(fieldError(`months.${i}`, "invalid_type"));
      continue;
    }
    const result = computeInvoiceForValidVersion(
      valid.value,
      entry.month as string,
      entry.actuals as InvoiceActuals | undefined,
      settings,
    );
    if (result.ok) outcomes.push(result.value);
    else for (const e of result.errors) errors.push({ ...e, field: `months.${i}.${e.field}` });
  }
  return errors.length > 0 ? fail(errors) : ok(outcomes);
}

interface ValidActuals {
  sales: number | null;
  orders: number | null;
  grossProfit: number | null;
  adRevenue: number | null;
  adSpend: number | null;
  kpiValues: Partial<Record<BonusMetric, KpiRatio>>;
  customisationMinutes: number;
  missed: ReadonlySet<string>;
}

const YEN = { min: 0, max: ACTUALS_LIMITS.maxMonthYen, minCode: "must_not_be_negative" } as const;
const ORDERS = { min: 0, max: ACTUALS_LIMITS.maxOrders, minCode: "must_not_be_negative" } as const;

function optionalInt(
  errors: FieldError[],
  field: string,
  value: unknown,
  rule: Parameters<typeof checkInteger>[3],
): number | null | undefined {
  if (value === undefined || value === null) return null;
  return checkInteger(errors, field, value, rule);
}

function validateActuals(errors: FieldError[], input: unknown, version: ContractVersion): ValidActuals | undefined {
  if (input === undefined || input === null) input = {};
  if (!isRecord(input)) {
    errors.push(fieldError("actuals", "invalid_type"));
    return undefined;
  }
  const before = errors.length;
  const sales = optionalInt(errors, "actuals.sales", input.sales, YEN);
  const orders = optionalInt(errors, "actuals.orders", input.orders, ORDERS);
  const grossProfit = optionalInt(errors, "actuals.grossProfit", input.grossProfit, {
    min: -ACTUALS_LIMITS.maxMonthYen,
    max: ACTUALS_LIMITS.maxMonthYen,
  });
  const adRevenue = optionalInt(errors, "actuals.adRevenue", input.adRevenue, YEN);
  const adSpend = optionalInt(errors, "actuals.adSpend", input.adSpend, YEN);
  const minutes = optionalInt(errors, "actuals.customisationMinutes", input.customisationMinutes, {
    min: 0,
    max: ACTUALS_LIMITS.maxMinutes,
    minCode: "must_not_be_negative",
  });

  const kpiValues: Partial<Record<BonusMetric, KpiRatio>> = {};
  if (input.kpiValues !== undefined && input.kpiValues !== null) {
    if (!isRecord(input.kpiValues)) errors.push(fieldError("actuals.kpiValues", "invalid_type"));
    else {
      for (const [metric, ratio] of Object.entries(input.kpiValues)) {
        const field = `actuals.kpiValues.${metric}`;
        if (metric !== "cvr" && metric !== "repeat_rate" && metric !== "sla_response_rate") {
          errors.push(fieldError(field, "invalid_option"));
          continue;
        }
        if (ratio === undefined || ratio === null) continue;
        if (!isRecord(ratio)) {
          errors.push(fieldError(field, "invalid_type"));
          continue;
        }
        const numerator = checkInteger(errors, `${field}.numerator`, ratio.numerator, YEN);
        const denominator = checkInteger(errors, `${field}.denominator`, ratio.denominator, YEN);
        if (numerator !== undefined && denominator !== undefined) kpiValues[metric] = { numerator, denominator };
      }
    }
  }

  const missed = new Set<string>();
  const missedInput = input.missedSlaItems;
  if (missedInput !== undefined && missedInput !== null) {
    if (!Array.isArray(missedInput)) errors.push(fieldError("actuals.missedSlaItems", "invalid_type"));
    else {
      const items = version.sla?.items ?? [];
      for (let i = 0; i < missedInput.length; i++) {
        const key: unknown = missedInput[i];
        let known = false;
        for (const item of items) if (item.key === key) known = true;
        if (typeof key !== "string" || !known) errors.push(fieldError(`actuals.missedSlaItems.${i}`, "invalid_option"));
        else if (missed.has(key)) errors.push(fieldError(`actuals.missedSlaItems.${i}`, "duplicate"));
        else missed.add(key);
      }
    }
  }

  if (
    errors.length > before ||
    sales === undefined ||
    orders === undefined ||
    grossProfit === undefined ||
    adRevenue === undefined ||
    adSpend === undefined ||
    minutes === undefined
  ) {
    return undefined;
  }
  return { sales, orders, grossProfit, adRevenue, adSpend, kpiValues, customisationMinutes: minutes ?? 0, missed };
}

function validateSettings(errors: FieldError[], input: unknown): InvoiceSettings | undefined {
  if (input === undefined || input === null) return DEFAULT_INVOICE_SETTINGS;
  if (!isRecord(input)) {
    errors.push(fieldError("settings", "invalid_type"));
    return undefined;
  }
  const taxRateBp = checkInteger(errors, "settings.taxRateBp", input.taxRateBp ?? DEFAULT_INVOICE_SETTINGS.taxRateBp, {
    min: 0,
    max: 10_000,
    minCode: "must_not_be_negative",
    maxCode: "rate_above_100_percent",
  });
  const rounding = input.taxRounding ?? DEFAULT_INVOICE_SETTINGS.taxRounding;
  if (typeof rounding !== "string" || !(ROUNDING_MODES as readonly string[]).includes(rounding)) {
    errors.push(fieldError("settings.taxRounding", "invalid_option"));
    return undefined;
  }
  return taxRateBp === undefined ? undefined : { taxRateBp, taxRounding: rounding as RoundingMode };
}

/** Parses a date of a validated version (the validator guarantees the format). */
function date(key: string): YearMonthDay {
  const parsed = parseDateKey(key);
  if (parsed === null) throw new RangeError(`invalid date ${key} in a validated version`);
  return parsed;
}

function dayKey(ym: YearMonth, day: number): string {
  return `${monthKey(ym)}-${day < 10 ? "0" : ""}${day}`;
}

/** Pro-rata share of a monthly amount, half-up; the whole amount for a whole month. */
export function prorate(amount: number, daysActive: number, days: number): number {
  return daysActive === days ? amount : roundHalfUpDiv(amount * daysActive, days);
}

/**
 * Part k (0-based) of an amount split into n equal whole-yen parts, the remainder added to the first:
 * 350,000 over 3 → 116,668, 116,666, 116,666.
 */
export function instalment(total: number, n: number, k: number): number {
  const part = Math.floor(total / n);
  return k === 0 ? total - part * (n - 1) : part;
}

function bill(
  version: ContractVersion,
  ym: YearMonth,
  actuals: ValidActuals,
  settings: InvoiceSettings,
): InvoiceOutcome {
  const { terms, fees, sla } = version;
  const month = monthKey(ym);
  const start = date(terms.startDate);
  // With auto-renewal the term runs on, renewal after renewal, until an amendment ends it.
  const end = terms.autoRenew || terms.endDate === null ? null : date(terms.endDate);
  const index = monthIndex(ym);
  const startIndex = monthIndex(start);
  const endIndex = end === null ? null : monthIndex(end);
  if (index < startIndex || (endIndex !== null && index > endIndex)) {
    return {
      kind: "no_invoice",
      month,
      reason: index < startIndex ? "before_term" : "after_term",
      termStart: terms.startDate,
      termEnd: end === null ? null : terms.endDate,
    };
  }

  const days = daysInMonth(ym);
  const firstDay = index === startIndex ? start.day : 1;
  const lastDay = end !== null && index === endIndex ? end.day : days;
  const daysActive = lastDay - firstDay + 1;
  const lines: InvoiceLine[] = [];
  const missing: string[] = [];
  let initial = 0;
  let monthly = 0;
  let performance = 0;
  let additional = 0;
  let slaCredit = 0;
  const prorateNote: InvoiceNote | null = daysActive === days ? null : { code: "prorated" };

  // Initial fee.
  const monthOfTerm = index - startIndex;
  const n = fees.initialFeeSplitMonths;
  if (n === 1) {
    if (monthOfTerm === 0) {
      for (const line of fees.initialFeeLines) {
        lines.push({ kind: "initial_fee", section: "initial", label: line.label, amount: line.amount, note: null });
        initial += line.amount;
      }
    }
  } else if (monthOfTerm < n && fees.initialFeeLines.length > 0) {
    let total = 0;
    for (const line of fees.initialFeeLines) total += line.amount;
    const lastOfTerm = endIndex !== null && index === endIndex && monthOfTerm < n - 1;
    let amount = instalment(total, n, monthOfTerm);
    if (lastOfTerm) for (let k = monthOfTerm + 1; k < n; k++) amount += instalment(total, n, k);
    lines.push({
      kind: "initial_instalment",
      section: "initial",
      label: null,
      amount,
      note: lastOfTerm ? { code: "remaining_instalments_at_term_end" } : null,
      totalInitialFee: total,
      components: fees.initialFeeLines.map((line) => ({ label: line.label, amount: line.amount })),
      instalment: monthOfTerm + 1,
      parts: lastOfTerm ? n - monthOfTerm : 1,
      instalments: n,
    });
    initial += amount;
  }

  // Monthly fee, prorated line by line.
  for (const line of fees.monthlyFeeLines) {
    const amount = prorate(line.amount, daysActive, days);
    lines.push({
      kind: "monthly_fee",
      section: "monthly",
      label: line.label,
      amount,
      note: prorateNote,
      monthlyAmount: line.amount,
      daysActive,
      daysInMonth: days,
    });
    monthly += amount;
  }

  // Performance rules.
  for (let i = 0; i < fees.performanceRules.length; i++) {
    const rule = fees.performanceRules[i];
    if (rule === undefined) continue;
    const line = performanceLine(rule, i, actuals, missing);
    lines.push(line);
    performance += line.amount;
  }

  // Additional fees.
  for (const fee of fees.additionalFees) {
    if (fee.kind === "hourly") {
      const amount = roundHalfUpDiv(fee.yenPerHour * actuals.customisationMinutes, 60);
      lines.push({
        kind: "hourly",
        section: "additional",
        label: fee.label,
        amount,
        note: null,
        yenPerHour: fee.yenPerHour,
        minutes: actuals.customisationMinutes,
      });
      additional += amount;
      continue;
    }
    const amount = prorate(fee.monthly, daysActive, days);
    const line: ProratedLine = {
      kind: fee.kind,
      section: "additional",
      label: fee.label,
      amount,
      note: prorateNote,
      monthlyAmount: fee.monthly,
      daysActive,
      daysInMonth: days,
    };
    if (fee.kind === "option" && fee.option) line.option = fee.option;
    lines.push(line);
    additional += amount;
  }

  // SLA credits: shares of this month's monthly fee, in item order, until the cap.
  let slaCreditCap: number | null = null;
  if (sla !== null) {
    slaCreditCap = applyBp(monthly, sla.creditCapBp);
    for (const item of sla.items) {
      if (!actuals.missed.has(item.key)) continue;
      const uncapped = applyBp(monthly, item.creditBp);
      const amount = Math.min(uncapped, slaCreditCap - slaCredit);
      lines.push({
        kind: "sla_credit",
        section: "sla_credit",
        label: item.label,
        amount,
        note: amount < uncapped ? { code: "cap_reached", params: { cap: slaCreditCap } } : null,
        key: item.key,
        creditBp: item.creditBp,
        monthlyFee: monthly,
        uncapped,
      });
      slaCredit += amount;
    }
  }

  const taxable = initial + monthly + performance + additional - slaCredit;
  const tax = applyBpRounded(taxable, settings.taxRateBp, settings.taxRounding);
  return {
    kind: "invoice",
    invoice: {
      month,
      periodStart: dayKey(ym, firstDay),
      periodEnd: dayKey(ym, lastDay),
      daysActive,
      daysInMonth: days,
      lines,
      totals: { initial, monthly, performance, additional, slaCredit, taxable, tax, total: taxable + tax },
      taxRateBp: settings.taxRateBp,
      taxRounding: settings.taxRounding,
      slaCreditCap,
      missingActuals: missing,
    },
  };
}

function capped(uncapped: number, cap: number | null | undefined): number {
  return cap === null || cap === undefined || uncapped <= cap ? uncapped : cap;
}

function basisValue(basis: RateBasis, actuals: ValidActuals, aov: number | null): number | null {
  switch (basis) {
    case "sales":
      return actuals.sales;
    case "gross_profit":
      return actuals.grossProfit;
    case "ad_revenue":
      return actuals.adRevenue;
    case "orders_x_aov":
      return actuals.orders === null || aov === null ? null : actuals.orders * aov;
  }
}

const ACTUAL_OF_BASIS: Record<RateBasis | "orders", string> = {
  sales: "sales",
  gross_profit: "grossProfit",
  ad_revenue: "adRevenue",
  orders_x_aov: "orders",
  orders: "orders",
};

function noteMissing(missing: string[], name: string): void {
  if (!missing.includes(name)) missing.push(name);
}

/** Every performance line has the same shape (one object literal, so the engine stays monomorphic). */
function perfLine(
  rule: PerformanceRule,
  i: number,
  basis: PerformanceLine["basis"],
  figures: Pick<PerformanceLine, "basisValue" | "baseline" | "excess" | "uncapped" | "cap" | "amount" | "note">,
): PerformanceLine {
  return {
    kind: "performance",
    section: "performance",
    label: rule.label ?? null,
    rule: i,
    ruleKind: rule.kind,
    basis,
    basisValue: figures.basisValue,
    baseline: figures.baseline,
    excess: figures.excess,
    rateBp: rule.kind === "rate_over_baseline" ? rule.rateBp : null,
    yenPerUnit: rule.kind === "per_unit_over_baseline" ? rule.yenPerUnit : null,
    aov: rule.kind === "rate_over_baseline" ? (rule.aov ?? null) : null,
    bonus: rule.kind === "bonus_at_threshold" ? rule.bonus : null,
    uncapped: figures.uncapped,
    cap: figures.cap,
    amount: figures.amount,
    note: figures.note,
  };
}

function performanceLine(rule: PerformanceRule, i: number, actuals: ValidActuals, missing: string[]): PerformanceLine {
  switch (rule.kind) {
    case "rate_over_baseline":
    case "per_unit_over_baseline": {
      const value =
        rule.kind === "rate_over_baseline" ? basisValue(rule.basis, actuals, rule.aov ?? null) : actuals.orders;
      if (value === null) {
        const actual = ACTUAL_OF_BASIS[rule.basis];
        noteMissing(missing, actual);
        return perfLine(rule, i, rule.basis, {
          basisValue: null,
          baseline: rule.baseline,
          excess: null,
          uncapped: 0,
          cap: rule.cap,
          amount: 0,
          note: { code: "basis_missing", params: { basis: actual } },
        });
      }
      const excess = value > rule.baseline ? value - rule.baseline : 0;
      const uncapped = rule.kind === "rate_over_baseline" ? applyBp(excess, rule.rateBp) : excess * rule.yenPerUnit;
      const amount = capped(uncapped, rule.cap);
      return perfLine(rule, i, rule.basis, {
        basisValue: value,
        baseline: rule.baseline,
        excess,
        uncapped,
        cap: rule.cap,
        amount,
        note: excess === 0 ? { code: "below_baseline" } : amount < uncapped ? { code: "capped" } : null,
      });
    }
    case "bonus_at_threshold": {
      const ratio = metricRatio(rule.metric, actuals);
      const cap = rule.cap ?? null;
      if ("missing" in ratio) {
        if (ratio.absent) noteMissing(missing, ratio.missing);
        return perfLine(rule, i, rule.metric, {
          basisValue: null,
          baseline: rule.thresholdBp,
          excess: null,
          uncapped: 0,
          cap,
          amount: 0,
          note: { code: "kpi_not_computable", params: { metric: rule.metric, missing: ratio.missing } },
        });
      }
      const met = atLeastBp(ratio.numerator, ratio.denominator, rule.thresholdBp);
      const uncapped = met ? rule.bonus : 0;
      return perfLine(rule, i, rule.metric, {
        basisValue: displayBp(ratio.numerator, ratio.denominator),
        baseline: rule.thresholdBp,
        excess: null,
        uncapped,
        cap,
        amount: capped(uncapped, cap),
        note: { code: met ? "threshold_reached" : "threshold_not_reached" },
      });
    }
  }
}

type RatioOrWhy = KpiRatio | { missing: string; absent: boolean };

/** The month's ratio for a bonus metric, or which figure is absent (or zero where it divides). */
function metricRatio(metric: BonusMetric, actuals: ValidActuals): RatioOrWhy {
  if (metric === "roas") {
    if (actuals.adSpend === null) return { missing: "adSpend", absent: true };
    if (actuals.adSpend === 0) return { missing: "adSpend", absent: false };
    if (actuals.adRevenue === null) return { missing: "adRevenue", absent: true };
    return { numerator: actuals.adRevenue, denominator: actuals.adSpend };
  }
  const ratio = actuals.kpiValues[metric];
  const name = `kpiValues.${metric}`;
  if (ratio === undefined) return { missing: name, absent: true };
  if (ratio.denominator === 0) return { missing: `${name}.denominator`, absent: false };
  return ratio;
}

/** A ratio in bp, rounded half-up for display only; null when too large to show exactly. */
function displayBp(numerator: number, denominator: number): number | null {
  const product = numerator * BP_PER_UNIT;
  if (Number.isSafeInteger(product)) return roundHalfUpDiv(product, denominator);
  const scaled = BigInt(numerator) * BigInt(BP_PER_UNIT);
  return scaled / BigInt(denominator) >= BigInt(Number.MAX_SAFE_INTEGER) ? null : roundHalfUpDiv(scaled, denominator);
}

/** numerator ÷ denominator ≥ thresholdBp ÷ 10,000, exactly (cross-multiplied). */
function atLeastBp(numerator: number, denominator: number, thresholdBp: number): boolean {
  const left = numerator * BP_PER_UNIT;
  const right = thresholdBp * denominator;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(numerator) * BigInt(BP_PER_UNIT) >= BigInt(thresholdBp) * BigInt(denominator);
}
