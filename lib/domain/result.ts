// The shape every domain engine answers with: a value, or every field error at once (never a throw,
// never NaN), so a form can show all of its problems in one round trip.

/** Stable codes: the UI translates these; `message` is only an English fallback. */
export type ValidationCode =
  | "required"
  | "invalid_type"
  | "not_a_number"
  | "not_integer"
  | "must_be_positive"
  | "must_not_be_negative"
  | "below_minimum"
  | "above_maximum"
  | "rate_above_100_percent"
  | "too_long"
  | "too_many_items"
  | "invalid_option"
  | "invalid_format"
  | "duplicate"
  | "derived_cpa_above_maximum"
  | "result_out_of_range"
  | "end_before_start"
  | "before_start"
  | "outside_calendar"
  | "not_in_plan"
  | "exceeds_whole"
  | "requires_weight";

export interface FieldError {
  /** Dotted path into the input, e.g. "aov", "ads.cvrBp", "otherVariable.2.amount". */
  field: string;
  code: ValidationCode;
  message: string;
  /** Values a translated message may interpolate (min, max, …). */
  params?: Readonly<Record<string, number>>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(errors: FieldError[]): Result<T> {
  return { ok: false, errors };
}
