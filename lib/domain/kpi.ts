// Weekly KPIs (SPEC §6): the base measures operators enter per client, channel and ISO week, how each
// aggregates over a period, the KPIs derived from them, and achievement against a target.
//
// Decisions:
// - Derived KPIs are ratios of the period's sums (never the mean of weekly ratios), computed here from
//   integer aggregates; the database only sums, picks the last week and sums weight × value.
// - Rates come out as exact basis points, yen as whole yen, both rounded half-up (money.ts). A KPI whose
//   denominator is zero, or whose inputs were not entered, has no value and says why.
// - "Last of period" is the value of the latest week in the period that has one. Across channels, counts
//   (active and out-of-stock SKUs) add up; inventory turnover days take the slowest channel (the Go rule
//   must hold for every channel's stock, so the worst one decides).
// - Weighted means (CSAT, review rating) are Σ(value × weight) ÷ Σ weight over weeks and channels, in
//   hundredths (★4.23 = 423); a score entered without a positive weight is refused at entry.
// - Achievement = actual ÷ target, inverted (target ÷ actual) for lower-is-better; status is decided by
//   exact cross-multiplication, so a rounded achievement of 100.00 % can never be "watch".

import type { IsoWeek, YearMonth } from "./calendar";
import { addMonths, daysInMonth, isoWeekKey, isoWeekOf, monthKey, monthOfIsoWeek, parseIsoWeekKey } from "./calendar";
import { BP_PER_UNIT, roundHalfUpDiv } from "./money";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { checkOptionalInteger, fieldError, isRecord } from "./validate";

// ─── Base measures ────────────────────────────────────────────────────────────────────────────────────

export type MeasureUnit = "yen" | "count" | "days" | "hundredths";
export type Aggregation =
  | { kind: "sum" }
  | { kind: "last"; acrossChannels: "sum" | "max" }
  | { kind: "weighted_mean"; weight: MeasureKey };

export const MEASURE_KEYS = [
  "revenue",
  "orders",
  "sessions",
  "ad_spend",
  "ad_revenue",
  "ad_clicks",
  "ad_orders",
  "returns",
  "shipments",
  "delayed_shipments",
  "customers",
  "repeat_customers",
  "active_skus",
  "out_of_stock_skus",
  "inventory_turnover_days",
  "csat_score",
  "csat_responses",
  "review_rating",
  "reviews",
  "inquiries",
  "answered_in_target",
  "incidents",
  "incidents_resolved_in_time",
] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export interface MeasureDefinition {
  key: MeasureKey;
  unit: MeasureUnit;
  aggregation: Aggregation;
  /** Largest value one week of one channel may hold: keeps every sum and product an exact integer. */
  max: number;
  /** A measure that counts a part of another (answered within target ≤ inquiries) in the same week. */
  partOf?: MeasureKey;
}

const YEN_MAX = 100_000_000_000; // ¥100 billion a week per channel
const COUNT_MAX = 1_000_000_000;
const SUM: Aggregation = { kind: "sum" };

function m(key: MeasureKey, unit: MeasureUnit, aggregation: Aggregation, extra: Partial<MeasureDefinition> = {}) {
  const max = unit === "yen" ? YEN_MAX : unit === "hundredths" ? 500 : unit === "days" ? 3_650 : COUNT_MAX;
  return { key, unit, aggregation, max, ...extra } satisfies MeasureDefinition;
}

/** SPEC §6's measure table, in the order the weekly grid shows it. */
export const MEASURES: Readonly<Record<MeasureKey, MeasureDefinition>> = {
  revenue: m("revenue", "yen", SUM),
  orders: m("orders", "count", SUM),
  sessions: m("sessions", "count", SUM),
  ad_spend: m("ad_spend", "yen", SUM),
  ad_revenue: m("ad_revenue", "yen", SUM),
  ad_clicks: m("ad_clicks", "count", SUM),
  ad_orders: m("ad_orders", "count", SUM),
  returns: m("returns", "count", SUM),
  shipments: m("shipments", "count", SUM),
  delayed_shipments: m("delayed_shipments", "count", SUM, { partOf: "shipments" }),
  customers: m("customers", "count", SUM),
  repeat_customers: m("repeat_customers", "count", SUM, { partOf: "customers" }),
  active_skus: m("active_skus", "count", { kind: "last", acrossChannels: "sum" }),
  out_of_stock_skus: m(
    "out_of_stock_skus",
    "count",
    { kind: "last", acrossChannels: "sum" },
    { partOf: "active_skus" },
  ),
  inventory_turnover_days: m("inventory_turnover_days", "days", { kind: "last", acrossChannels: "max" }),
  csat_score: m("csat_score", "hundredths", { kind: "weighted_mean", weight: "csat_responses" }),
  csat_responses: m("csat_responses", "count", SUM),
  review_rating: m("review_rating", "hundredths", { kind: "weighted_mean", weight: "reviews" }),
  reviews: m("reviews", "count", SUM),
  inquiries: m("inquiries", "count", SUM),
  answered_in_target: m("answered_in_target", "count", SUM, { partOf: "inquiries" }),
  incidents: m("incidents", "count", SUM),
  incidents_resolved_in_time: m("incidents_resolved_in_time", "count", SUM, { partOf: "incidents" }),
};

export function isMeasureKey(value: unknown): value is MeasureKey {
  return typeof value === "string" && Object.hasOwn(MEASURES, value);
}

// ─── KPIs ─────────────────────────────────────────────────────────────────────────────────────────────

export type KpiUnit = "yen" | "count" | "days" | "hundredths" | "bp";
export type Direction = "higher" | "lower";
export type Tier = "surface" | "quality";

export type KpiFormula =
  | { kind: "measure"; measure: MeasureKey }
  | { kind: "ratio"; numerator: MeasureKey; denominator: MeasureKey; unit: "yen" | "bp" }
  /** Monthly contribution (§5): Σ channel orders × that channel's base-line contribution per order. */
  | { kind: "contribution" };

export interface KpiDefinition {
  key: KpiKey;
  formula: KpiFormula;
  unit: KpiUnit;
  /** Defaults for a new plan; the plan may change tier and direction. */
  tier: Tier;
  direction: Direction;
}

export const KPI_KEYS = [
  "sales",
  "orders",
  "sessions",
  "aov",
  "cvr",
  "ad_spend",
  "roas",
  "cpa",
  "cpc",
  "acos",
  "tacos",
  "inventory_turnover_days",
  "stockout_rate",
  "contribution",
  "csat",
  "review_rating",
  "repeat_rate",
  "delay_rate",
  "return_rate",
  "sla_response_rate",
  "incident_resolution_rate",
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

function measureKpi(key: KpiKey, measure: MeasureKey, tier: Tier, direction: Direction = "higher"): KpiDefinition {
  return { key, formula: { kind: "measure", measure }, unit: MEASURES[measure].unit, tier, direction };
}
function ratioKpi(
  key: KpiKey,
  numerator: MeasureKey,
  denominator: MeasureKey,
  unit: "yen" | "bp",
  tier: Tier,
  direction: Direction,
): KpiDefinition {
  return { key, formula: { kind: "ratio", numerator, denominator, unit }, unit, tier, direction };
}

/** SPEC §6's derived KPIs, and the base measures a plan may show as KPIs themselves. */
export const KPIS: Readonly<Record<KpiKey, KpiDefinition>> = {
  sales: measureKpi("sales", "revenue", "surface"),
  orders: measureKpi("orders", "orders", "surface"),
  sessions: measureKpi("sessions", "sessions", "surface"),
  aov: ratioKpi("aov", "revenue", "orders", "yen", "surface", "higher"),
  cvr: ratioKpi("cvr", "orders", "sessions", "bp", "surface", "higher"),
  ad_spend: measureKpi("ad_spend", "ad_spend", "surface", "lower"),
  roas: ratioKpi("roas", "ad_revenue", "ad_spend", "bp", "surface", "higher"),
  cpa: ratioKpi("cpa", "ad_spend", "ad_orders", "yen", "surface", "lower"),
  cpc: ratioKpi("cpc", "ad_spend", "ad_clicks", "yen", "surface", "lower"),
  acos: ratioKpi("acos", "ad_spend", "ad_revenue", "bp", "surface", "lower"),
  tacos: ratioKpi("tacos", "ad_spend", "revenue", "bp", "surface", "lower"),
  inventory_turnover_days: measureKpi("inventory_turnover_days", "inventory_turnover_days", "surface", "lower"),
  stockout_rate: ratioKpi("stockout_rate", "out_of_stock_skus", "active_skus", "bp", "quality", "lower"),
  contribution: {
    key: "contribution",
    formula: { kind: "contribution" },
    unit: "yen",
    tier: "surface",
    direction: "higher",
  },
  csat: measureKpi("csat", "csat_score", "quality"),
  review_rating: measureKpi("review_rating", "review_rating", "quality"),
  repeat_rate: ratioKpi("repeat_rate", "repeat_customers", "customers", "bp", "quality", "higher"),
  delay_rate: ratioKpi("delay_rate", "delayed_shipments", "shipments", "bp", "quality", "lower"),
  return_rate: ratioKpi("return_rate", "returns", "orders", "bp", "quality", "lower"),
  sla_response_rate: ratioKpi("sla_response_rate", "answered_in_target", "inquiries", "bp", "quality", "higher"),
  incident_resolution_rate: ratioKpi(
    "incident_resolution_rate",
    "incidents_resolved_in_time",
    "incidents",
    "bp",
    "quality",
    "higher",
  ),
};

export function isKpiKey(value: unknown): value is KpiKey {
  return typeof value === "string" && Object.hasOwn(KPIS, value);
}

/** The base measures a KPI reads (a weighted mean also needs its weight; contribution needs orders). */
export function measuresOf(kpi: KpiKey): MeasureKey[] {
  const formula = KPIS[kpi].formula;
  switch (formula.kind) {
    case "measure": {
      const aggregation = MEASURES[formula.measure].aggregation;
      return aggregation.kind === "weighted_mean" ? [formula.measure, aggregation.weight] : [formula.measure];
    }
    case "ratio":
      return [formula.numerator, formula.denominator];
    case "contribution":
      return ["orders"];
  }
}

/** The measures the weekly grid asks for under a plan: every input of its KPIs, in the measure table's order. */
export function measuresForPlan(kpis: readonly KpiKey[]): MeasureKey[] {
  const needed = new Set<MeasureKey>();
  for (const kpi of kpis) for (const measure of measuresOf(kpi)) needed.add(measure);
  // A part needs its whole to be checked against (answered within target ≤ inquiries).
  for (const measure of [...needed]) {
    const whole = MEASURES[measure].partOf;
    if (whole !== undefined) needed.add(whole);
  }
  return MEASURE_KEYS.filter((key) => needed.has(key));
}

// ─── Weeks ────────────────────────────────────────────────────────────────────────────────────────────

/** The ISO weeks that count in a month (those whose Thursday lies in it): four or five, in order. */
export function weeksOfMonth(ym: YearMonth): IsoWeek[] {
  const first = new Date(Date.UTC(ym.year, ym.month - 1, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - first + 7) % 7);
  const weeks: IsoWeek[] = [];
  for (let day = firstThursday; day <= daysInMonth(ym); day += 7) {
    weeks.push(isoWeekOf(new Date(Date.UTC(ym.year, ym.month - 1, day))));
  }
  return weeks;
}

/** "YYYY-Www" → the month it counts in, "YYYY-MM"; null for a week that does not exist. */
export function monthOfWeekKey(key: string): string | null {
  const week = parseIsoWeekKey(key);
  return week === null ? null : monthKey(monthOfIsoWeek(week));
}

// ─── Weekly values and their aggregation ──────────────────────────────────────────────────────────────

/** One week of one channel: the measures entered (absent = not entered). */
export interface WeekValues {
  isoWeek: string;
  channel: string;
  values: Partial<Record<MeasureKey, number>>;
}

/**
 * A period's aggregate for one channel or all channels: exactly what SQL computes per month.
 * `sums` holds sums (and, for last-of-period measures, the last value); `weighted` holds Σ value × weight
 * for weighted means (the weight's own sum is in `sums`). A measure with no week entered is absent.
 */
export interface PeriodAggregate {
  sums: Partial<Record<MeasureKey, number>>;
  weighted: Partial<Record<MeasureKey, number>>;
}

export function emptyAggregate(): PeriodAggregate {
  return { sums: {}, weighted: {} };
}

/**
 * Aggregates one channel's weeks (any order) over a period, the way the database does per month: sums,
 * the latest week's value for last-of-period measures, Σ value × weight for weighted means.
 */
export function aggregateWeeks(weeks: readonly WeekValues[]): PeriodAggregate {
  const result = emptyAggregate();
  const lastWeek: Partial<Record<MeasureKey, string>> = {};
  for (const week of weeks) {
    for (const key of MEASURE_KEYS) {
      const value = week.values[key];
      if (value === undefined) continue;
      const aggregation = MEASURES[key].aggregation;
      if (aggregation.kind === "last") {
        const seen = lastWeek[key];
        if (seen === undefined || week.isoWeek > seen) {
          lastWeek[key] = week.isoWeek;
          result.sums[key] = value;
        }
        continue;
      }
      result.sums[key] = (result.sums[key] ?? 0) + value;
      if (aggregation.kind === "weighted_mean") {
        const weight = week.values[aggregation.weight] ?? 0;
        result.weighted[key] = (result.weighted[key] ?? 0) + value * weight;
      }
    }
  }
  return result;
}

/** All channels of one period: sums add, last-of-period values add or take the maximum (see the top). */
export function combineChannels(channels: readonly PeriodAggregate[]): PeriodAggregate {
  const result = emptyAggregate();
  for (const channel of channels) {
    for (const key of MEASURE_KEYS) {
      const value = channel.sums[key];
      if (value !== undefined) {
        const aggregation = MEASURES[key].aggregation;
        const before = result.sums[key];
        result.sums[key] =
          before === undefined
            ? value
            : aggregation.kind === "last" && aggregation.acrossChannels === "max"
              ? Math.max(before, value)
              : before + value;
      }
      const weighted = channel.weighted[key];
      if (weighted !== undefined) result.weighted[key] = (result.weighted[key] ?? 0) + weighted;
    }
  }
  return result;
}

// ─── Derived values ───────────────────────────────────────────────────────────────────────────────────

export type KpiValue =
  | { value: number; reason?: undefined }
  | { value: null; reason: "not_entered"; missing: MeasureKey[] }
  | { value: null; reason: "zero_denominator"; denominator: MeasureKey }
  | { value: null; reason: "no_contribution_basis" };

/**
 * One KPI's value over a period. For a weighted mean the "sum" in `sums` is Σ values, which is not shown:
 * the value is Σ(value × weight) ÷ Σ weight. `contribution` is the §5 monthly contribution the caller
 * computed from the P/L base lines (null: no base line to compute it from).
 */
export function kpiValue(kpi: KpiKey, aggregate: PeriodAggregate, contribution: number | null = null): KpiValue {
  const formula = KPIS[kpi].formula;
  switch (formula.kind) {
    case "contribution":
      return contribution === null ? { value: null, reason: "no_contribution_basis" } : { value: contribution };
    case "measure": {
      const measure = MEASURES[formula.measure];
      if (measure.aggregation.kind === "weighted_mean") {
        const weightKey = measure.aggregation.weight;
        const numerator = aggregate.weighted[formula.measure];
        const weight = aggregate.sums[weightKey];
        if (numerator === undefined || weight === undefined) {
          return { value: null, reason: "not_entered", missing: missingOf(aggregate, [formula.measure, weightKey]) };
        }
        if (weight === 0) return { value: null, reason: "zero_denominator", denominator: weightKey };
        return { value: roundHalfUpDiv(numerator, weight) };
      }
      const value = aggregate.sums[formula.measure];
      return value === undefined ? { value: null, reason: "not_entered", missing: [formula.measure] } : { value };
    }
    case "ratio": {
      const numerator = aggregate.sums[formula.numerator];
      const denominator = aggregate.sums[formula.denominator];
      if (numerator === undefined || denominator === undefined) {
        return {
          value: null,
          reason: "not_entered",
          missing: missingOf(aggregate, [formula.numerator, formula.denominator]),
        };
      }
      if (denominator === 0) return { value: null, reason: "zero_denominator", denominator: formula.denominator };
      const scale = formula.unit === "bp" ? BigInt(BP_PER_UNIT) : 1n;
      return { value: roundHalfUpDiv(BigInt(numerator) * scale, denominator) };
    }
  }
}

function missingOf(aggregate: PeriodAggregate, keys: MeasureKey[]): MeasureKey[] {
  return keys.filter((key) => aggregate.sums[key] === undefined);
}

export function kpiValues(
  kpis: readonly KpiKey[],
  aggregate: PeriodAggregate,
  contribution: number | null = null,
): Record<string, KpiValue> {
  const values: Record<string, KpiValue> = {};
  for (const kpi of kpis) values[kpi] = kpiValue(kpi, aggregate, contribution);
  return values;
}

// ─── Change and achievement ───────────────────────────────────────────────────────────────────────────

export interface Change {
  /** current − previous, in the KPI's unit (for a rate: basis points, i.e. hundredths of a point). */
  delta: number;
  /** (current − previous) ÷ |previous| in bp; null when previous is 0. */
  relativeBp: number | null;
}

/** Month-on-month or year-on-year change; null when either side has no value. */
export function change(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  return {
    delta,
    relativeBp: previous === 0 ? null : roundHalfUpDiv(BigInt(delta) * BigInt(BP_PER_UNIT), Math.abs(previous)),
  };
}

export type KpiStatus = "on_track" | "watch" | "off_track";

export const ON_TRACK_BP = 10_000;
export const WATCH_BP = 9_000;

export interface Achievement {
  /** actual ÷ target (target ÷ actual for lower-is-better), bp half-up; null when it divides by zero. */
  achievementBp: number | null;
  status: KpiStatus;
}

/**
 * Achievement and status (SPEC §6): on track ≥ 100 %, watch ≥ 90 %, off track below. Decided exactly:
 * higher-is-better compares actual with target and 0.9 × target; lower-is-better target with actual and
 * 0.9 × actual. A lower-is-better actual of 0 meets any target (nothing returned, nothing delayed).
 */
export function achievement(actual: number, target: number, direction: Direction): Achievement {
  const a = BigInt(actual);
  const t = BigInt(target);
  const [num, den] = direction === "higher" ? [a, t] : [t, a];
  let status: KpiStatus;
  if (num >= den) status = "on_track";
  else if (num * 10_000n >= den * BigInt(WATCH_BP)) status = "watch";
  else status = "off_track";
  const achievementBp = den === 0n ? null : roundHalfUpDiv(num * BigInt(BP_PER_UNIT), den);
  return { achievementBp, status };
}

// ─── Month series ─────────────────────────────────────────────────────────────────────────────────────

/** The month before and the same month a year before, as keys: what MoM and YoY compare with. */
export function comparisonMonths(month: YearMonth): { previous: string; yearAgo: string } {
  return { previous: monthKey(addMonths(month, -1)), yearAgo: monthKey(addMonths(month, -12)) };
}

// ─── Entry validation ─────────────────────────────────────────────────────────────────────────────────

export interface WeekCellInput {
  channel: string;
  measure: string;
  /** null clears the cell. */
  value: number | null;
}

export interface ValidWeekCell {
  channel: string;
  measure: MeasureKey;
  value: number | null;
}

/**
 * A week's cells as the grid or a CSV sends them: the week must exist, every channel be one of the
 * client's, every measure be in the plan, values whole and within the measure's range, a part never
 * more than its whole, and a weighted score have a positive weight. Field paths are `cells.N.value` etc.
 */
export function validateWeekCells(
  isoWeek: unknown,
  cells: unknown,
  allowed: { channels: readonly string[]; measures: readonly MeasureKey[] },
): Result<{ isoWeek: string; cells: ValidWeekCell[] }> {
  const errors: FieldError[] = [];
  const week = typeof isoWeek === "string" ? parseIsoWeekKey(isoWeek) : null;
  if (week === null) errors.push(fieldError("isoWeek", "invalid_format"));
  if (!Array.isArray(cells)) return fail([...errors, fieldError("cells", "invalid_type")]);
  if (cells.length > allowed.channels.length * MEASURE_KEYS.length) {
    return fail([
      ...errors,
      fieldError("cells", "too_many_items", { max: allowed.channels.length * MEASURE_KEYS.length }),
    ]);
  }
  const valid: ValidWeekCell[] = [];
  const at = new Map<string, number>();
  cells.forEach((cell: unknown, i) => {
    const path = `cells.${i}`;
    if (!isRecord(cell)) {
      errors.push(fieldError(path, "invalid_type"));
      return;
    }
    const channel = cell.channel;
    const measure = cell.measure;
    let bad = false;
    if (typeof channel !== "string" || !allowed.channels.includes(channel)) {
      errors.push(fieldError(`${path}.channel`, "invalid_option"));
      bad = true;
    }
    if (!isMeasureKey(measure)) {
      errors.push(fieldError(`${path}.measure`, "invalid_option"));
      bad = true;
    } else if (!allowed.measures.includes(measure)) {
      errors.push(fieldError(`${path}.measure`, "not_in_plan"));
      bad = true;
    }
    if (bad || !isMeasureKey(measure) || typeof channel !== "string") return;
    const key = `${channel}\u0000${measure}`;
    if (at.has(key)) {
      errors.push(fieldError(`${path}.measure`, "duplicate"));
      return;
    }
    const value = checkOptionalInteger(errors, `${path}.value`, cell.value, {
      min: 0,
      max: MEASURES[measure].max,
      minCode: "must_not_be_negative",
    });
    if (value === undefined) return;
    at.set(key, valid.length);
    valid.push({ channel, measure, value });
  });
  if (errors.length === 0) {
    // Cross-cell rules, on the cells as they will be stored.
    const cellAt = (channel: string, measure: MeasureKey) => {
      const index = at.get(`${channel}\u0000${measure}`);
      return index === undefined ? undefined : { index, value: valid[index]?.value ?? null };
    };
    for (const [index, cell] of valid.entries()) {
      if (cell.value === null) continue;
      const definition = MEASURES[cell.measure];
      const whole = definition.partOf;
      if (whole !== undefined) {
        const wholeValue = cellAt(cell.channel, whole)?.value ?? null;
        if (wholeValue !== null && cell.value > wholeValue) {
          errors.push(fieldError(`cells.${index}.value`, "exceeds_whole", { max: wholeValue }));
        }
      }
      if (definition.aggregation.kind === "weighted_mean") {
        const weight = cellAt(cell.channel, definition.aggregation.weight)?.value ?? null;
        if (weight === null || weight === 0) {
          errors.push(fieldError(`cells.${index}.value`, "requires_weight"));
        }
      }
    }
  }
  if (errors.length > 0 || week === null) return fail(errors);
  return ok({ isoWeek: isoWeekKey(week), cells: valid });
}

/** Targets are a KPI's value in its unit: never negative, within what the unit can hold. */
export function targetRule(kpi: KpiKey): { min: number; max: number } {
  const unit = KPIS[kpi].unit;
  return {
    min: 0,
    max:
      unit === "yen"
        ? 1_000_000_000_000
        : unit === "bp"
          ? 10_000_000
          : unit === "hundredths"
            ? 500
            : unit === "days"
              ? 3_650
              : 100_000_000_000,
  };
}
