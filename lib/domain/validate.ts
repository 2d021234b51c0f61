// Field checkers shared by the domain engines. They take `unknown` because values arrive from forms,
// CSV and JSON: the static type is a promise the runtime does not keep.

import type { FieldError, ValidationCode } from "./result";

export interface IntegerRule {
  min: number;
  max: number;
  /** Code when below `min`; chosen so the message reads naturally ("must be positive" for AOV). */
  minCode?: Extract<ValidationCode, "must_be_positive" | "must_not_be_negative" | "below_minimum">;
  /** Code when above `max`; rates use "rate_above_100_percent". */
  maxCode?: Extract<ValidationCode, "above_maximum" | "rate_above_100_percent">;
}

const DEFAULT_MESSAGES: Record<ValidationCode, string> = {
  required: "This field is required.",
  invalid_type: "This field has the wrong type.",
  not_a_number: "Enter a finite number.",
  not_integer: "Enter a whole number.",
  must_be_positive: "Must be greater than zero.",
  must_not_be_negative: "Must not be negative.",
  below_minimum: "Below the minimum allowed value.",
  above_maximum: "Above the maximum allowed value.",
  rate_above_100_percent: "A rate cannot exceed 100 %.",
  too_long: "Too long.",
  too_many_items: "Too many items.",
  invalid_option: "Not one of the allowed options.",
  invalid_format: "Not in the expected format.",
  duplicate: "Appears more than once.",
  derived_cpa_above_maximum: "CPC ÷ CVR gives a CPA above the maximum per-order amount.",
  result_out_of_range: "The result is too large to compute exactly.",
  end_before_start: "The end comes before the start.",
  before_start: "This date comes before the contract's start.",
  outside_calendar: "Outside the years the holiday calendar covers.",
  not_in_plan: "Not in this client's KPI plan.",
  exceeds_whole: "Cannot be more than the figure it is a part of.",
  requires_weight: "A score needs its number of responses or reviews.",
};

export function fieldError(field: string, code: ValidationCode, params?: Record<string, number>): FieldError {
  const base = DEFAULT_MESSAGES[code];
  const detail =
    params === undefined
      ? ""
      : ` (${Object.entries(params)
          .map(([k, v]) => `${k}: ${v}`)
          .join(", ")})`;
  return params === undefined ? { field, code, message: base } : { field, code, message: base + detail, params };
}

/**
 * Checks that `value` is a safe integer within the rule, pushing at most one error. Returns the value
 * when valid and undefined otherwise, so callers can keep collecting errors for other fields.
 */
export function checkInteger(
  errors: FieldError[],
  field: string,
  value: unknown,
  rule: IntegerRule,
): number | undefined {
  if (value === undefined || value === null) return push(errors, fieldError(field, "required"));
  if (typeof value !== "number" || !Number.isFinite(value)) return push(errors, fieldError(field, "not_a_number"));
  if (!Number.isInteger(value)) return push(errors, fieldError(field, "not_integer"));
  if (value < rule.min) return push(errors, fieldError(field, rule.minCode ?? "below_minimum", { min: rule.min }));
  if (value > rule.max) return push(errors, fieldError(field, rule.maxCode ?? "above_maximum", { max: rule.max }));
  return value + 0; // normalise −0
}

/** Like checkInteger, but null/undefined mean "no value" rather than an error. */
export function checkOptionalInteger(
  errors: FieldError[],
  field: string,
  value: unknown,
  rule: IntegerRule,
): number | null | undefined {
  if (value === undefined || value === null) return null;
  return checkInteger(errors, field, value, rule);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function push(errors: FieldError[], error: FieldError): undefined {
  errors.push(error);
  return undefined;
}
