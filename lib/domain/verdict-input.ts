// Inputs and settings of the go / hold / stop verdict (SPEC §5), and their validation.
//
// Figures are the month's or week's base measures (sums, SPEC §6), not pre-computed ratios, so the
// verdict compares ratios exactly by cross-multiplying integers. Any figure may be null/absent: the
// rules that need it then report "insufficient data".

import type { YearMonth } from "./calendar";
import { parseIsoWeekKey, parseMonthKey } from "./calendar";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import type { IntegerRule } from "./validate";
import { checkInteger, checkOptionalInteger, fieldError, isRecord } from "./validate";

export interface VerdictSettings {
  /** Go: the 3-month moving average of monthly contribution must reach this (yen). */
  hiringTriggerYen: number;
  movingAverageMonths: number;
  /** Go: … for this many consecutive months. */
  goConsecutiveMonths: number;
  maxInventoryTurnoverDays: number;
  /** Review rating in hundredths of a star: 420 = ★4.20. */
  minReviewRatingHundredths: number;
  /** TACOS = ad spend ÷ revenue, in basis points: 1,800 = 18 %. */
  maxTacosBp: number;
  /** Stop: contribution per order below this (yen) … */
  stopContributionPerOrderYen: number;
  /** … for this many consecutive months. */
  stopContributionMonths: number;
  /** Stop: CPA above gross profit per order for this many consecutive ISO weeks. */
  stopCpaWeeks: number;
  /** Stop: return rate at or above this multiple of its baseline, in bp: 20,000 = 2×. */
  stopReturnRateMultipleBp: number;
  stopReturnRateMonths: number;
}

export const DEFAULT_VERDICT_SETTINGS: Readonly<VerdictSettings> = {
  hiringTriggerYen: 450_000,
  movingAverageMonths: 3,
  goConsecutiveMonths: 3,
  maxInventoryTurnoverDays: 60,
  minReviewRatingHundredths: 420,
  maxTacosBp: 1_800,
  stopContributionPerOrderYen: 1_000,
  stopContributionMonths: 3,
  stopCpaWeeks: 4,
  stopReturnRateMultipleBp: 20_000,
  stopReturnRateMonths: 2,
};

export interface VerdictMonthFigures {
  /** "YYYY-MM". */
  month: string;
  /** Monthly contribution (actual), yen, SPEC §5; may be negative. */
  contribution?: number | null;
  orders?: number | null;
  revenue?: number | null;
  adSpend?: number | null;
  returns?: number | null;
  /** Last value of the month. */
  inventoryTurnoverDays?: number | null;
  /** Weighted mean of the month, in hundredths (rounded by the caller): 423 = ★4.23. */
  reviewRatingHundredths?: number | null;
}

export interface VerdictWeekFigures {
  /** ISO week "YYYY-Www". */
  isoWeek: string;
  adSpend?: number | null;
  adOrders?: number | null;
  /** Gross profit per order to compare the week's CPA with, yen (usually the base line's). */
  grossProfitPerOrder?: number | null;
}

export interface VerdictInput {
  /** The evaluated month, "YYYY-MM". */
  month: string;
  /**
   * Monthly figures, oldest → newest, ending at the evaluated month. Matched by key, so gaps and
   * extra months are harmless: a month that is absent simply has no figures.
   */
  months: readonly VerdictMonthFigures[];
  /** Weekly figures ending at the evaluated month's last ISO week (the week of its last Thursday). */
  weeks: readonly VerdictWeekFigures[];
  /** The client's normal return rate, bp (returns ÷ orders); absent → the return rule lacks data. */
  returnRateBaselineBp?: number | null;
  /** Per-client overrides of DEFAULT_VERDICT_SETTINGS. */
  settings?: Partial<VerdictSettings>;
}

type Figures<T> = { [K in Exclude<keyof T, "month" | "isoWeek">]-?: number | null };

export interface ValidVerdictInput {
  month: YearMonth;
  months: ReadonlyMap<string, Figures<VerdictMonthFigures>>;
  weeks: ReadonlyMap<string, Figures<VerdictWeekFigures>>;
  returnRateBaselineBp: number | null;
  settings: VerdictSettings;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const COUNT: IntegerRule = { min: 0, max: SAFE, minCode: "must_not_be_negative" };
const SIGNED: IntegerRule = { min: -SAFE, max: SAFE };

const MONTH_FIELDS: Record<keyof Figures<VerdictMonthFigures>, IntegerRule> = {
  contribution: SIGNED,
  orders: COUNT,
  revenue: COUNT,
  adSpend: COUNT,
  returns: COUNT,
  inventoryTurnoverDays: COUNT,
  reviewRatingHundredths: { min: 0, max: 500, minCode: "must_not_be_negative" },
};

const WEEK_FIELDS: Record<keyof Figures<VerdictWeekFigures>, IntegerRule> = {
  adSpend: COUNT,
  adOrders: COUNT,
  grossProfitPerOrder: SIGNED,
};

const PERIODS: IntegerRule = { min: 1, max: 24, minCode: "must_be_positive" };

const SETTING_RULES: Record<keyof VerdictSettings, IntegerRule> = {
  hiringTriggerYen: COUNT,
  movingAverageMonths: PERIODS,
  goConsecutiveMonths: PERIODS,
  maxInventoryTurnoverDays: COUNT,
  minReviewRatingHundredths: MONTH_FIELDS.reviewRatingHundredths,
  maxTacosBp: { min: 0, max: 1_000_000, minCode: "must_not_be_negative" },
  stopContributionPerOrderYen: SIGNED,
  stopContributionMonths: PERIODS,
  stopCpaWeeks: { min: 1, max: 104, minCode: "must_be_positive" },
  stopReturnRateMultipleBp: { min: 1, max: 1_000_000, minCode: "must_be_positive" },
  stopReturnRateMonths: PERIODS,
};

export function validateVerdictInput(input: unknown): Result<ValidVerdictInput> {
  if (!isRecord(input)) return fail([fieldError("", "invalid_type")]);
  const errors: FieldError[] = [];
  const month = typeof input.month === "string" ? parseMonthKey(input.month) : null;
  if (month === null) errors.push(fieldError("month", "invalid_format"));
  const months = validateSeries(errors, "months", input.months, "month", parseMonthKey, MONTH_FIELDS);
  const weeks = validateSeries(errors, "weeks", input.weeks, "isoWeek", parseIsoWeekKey, WEEK_FIELDS);
  const returnRateBaselineBp = checkOptionalInteger(errors, "returnRateBaselineBp", input.returnRateBaselineBp, {
    min: 1,
    max: 10_000,
    minCode: "must_be_positive",
    maxCode: "rate_above_100_percent",
  });
  const settings = validateSettings(errors, input.settings);
  if (errors.length > 0 || month === null || returnRateBaselineBp === undefined) return fail(errors);
  return ok({ month, months, weeks, returnRateBaselineBp, settings });
}

function validateSeries<F extends string>(
  errors: FieldError[],
  field: string,
  value: unknown,
  keyName: string,
  parseKey: (key: string) => unknown,
  rules: Record<F, IntegerRule>,
): Map<string, Record<F, number | null>> {
  const byKey = new Map<string, Record<F, number | null>>();
  if (value === undefined || value === null) return byKey;
  if (!Array.isArray(value)) {
    errors.push(fieldError(field, "invalid_type"));
    return byKey;
  }
  value.forEach((row: unknown, i) => {
    const at = `${field}.${i}`;
    if (!isRecord(row)) {
      errors.push(fieldError(at, "invalid_type"));
      return;
    }
    const key = row[keyName];
    if (typeof key !== "string" || parseKey(key) === null) {
      errors.push(fieldError(`${at}.${keyName}`, "invalid_format"));
      return;
    }
    if (byKey.has(key)) {
      errors.push(fieldError(`${at}.${keyName}`, "duplicate"));
      return;
    }
    const figures: Partial<Record<F, number | null>> = {};
    for (const name of Object.keys(rules) as F[]) {
      const checked = checkOptionalInteger(errors, `${at}.${name}`, row[name], rules[name]);
      figures[name] = checked ?? null;
    }
    byKey.set(key, figures as Record<F, number | null>);
  });
  return byKey;
}

function validateSettings(errors: FieldError[], value: unknown): VerdictSettings {
  const settings: VerdictSettings = { ...DEFAULT_VERDICT_SETTINGS };
  if (value === undefined || value === null) return settings;
  if (!isRecord(value)) {
    errors.push(fieldError("settings", "invalid_type"));
    return settings;
  }
  for (const name of Object.keys(SETTING_RULES) as (keyof VerdictSettings)[]) {
    if (value[name] === undefined) continue;
    const checked = checkInteger(errors, `settings.${name}`, value[name], SETTING_RULES[name]);
    if (checked !== undefined) settings[name] = checked;
  }
  return settings;
}
