// From the database's per-period aggregates to what the KPI pages and the verdict show: the month's KPI
// table (actual, target, achievement, status, month-on-month, year-on-year), series for the charts, the
// monthly contribution of §5 and the verdict's input. Plain data in, plain data out.

import type { IsoWeek, YearMonth } from "@/lib/domain/calendar";
import { addMonths, addWeeks, isoWeekKey, lastIsoWeekOfMonth, monthKey } from "@/lib/domain/calendar";
import type {
  Achievement,
  Change,
  Direction,
  KpiKey,
  KpiValue,
  MeasureKey,
  PeriodAggregate,
  Tier,
} from "@/lib/domain/kpi";
import { achievement, change, combineChannels, emptyAggregate, KPIS, kpiValue, MEASURES } from "@/lib/domain/kpi";
import { roundHalfUpDiv } from "@/lib/domain/money";
import { monthlyContribution } from "@/lib/domain/monthly-contribution";
import { computeLineFigures, validateLineInput } from "@/lib/domain/unit-economics";
import type { VerdictInput, VerdictMonthFigures, VerdictSettings, VerdictWeekFigures } from "@/lib/domain/verdict";
import type { PlLineValues } from "@/lib/economics/line";
import { toEngineInput } from "@/lib/economics/line";
import { CHANNELS, type Channel } from "@/lib/options";

/** A row as `kpiAggregates` (db/queries/kpis.ts) returns it. */
export interface AggregateInput {
  period: string;
  channel: Channel;
  measure: MeasureKey;
  value: number;
  weighted: number | null;
}

export interface PeriodFigures {
  byChannel: Map<Channel, PeriodAggregate>;
  total: PeriodAggregate;
}

/** Groups the database's rows by period ("YYYY-MM" or "YYYY-Www"), per channel and for all channels. */
export function figuresByPeriod(rows: readonly AggregateInput[]): Map<string, PeriodFigures> {
  const byPeriod = new Map<string, Map<Channel, PeriodAggregate>>();
  for (const row of rows) {
    const channels = byPeriod.get(row.period) ?? new Map<Channel, PeriodAggregate>();
    byPeriod.set(row.period, channels);
    const aggregate = channels.get(row.channel) ?? emptyAggregate();
    channels.set(row.channel, aggregate);
    aggregate.sums[row.measure] = row.value;
    if (row.weighted !== null) aggregate.weighted[row.measure] = row.weighted;
  }
  const result = new Map<string, PeriodFigures>();
  for (const [period, channels] of byPeriod) {
    result.set(period, { byChannel: channels, total: combineChannels([...channels.values()]) });
  }
  return result;
}

// ─── Contribution from the P/L base lines ─────────────────────────────────────────────────────────────

export interface BaseLineFigures {
  /** Per channel: contribution and gross profit per order of the channel's base-scenario lines. */
  byChannel: Map<Channel, { contributionPerOrder: number; grossProfitPerOrder: number }>;
  /** All base lines together: what a week's CPA is compared with (Stop rule of §5). */
  grossProfitPerOrder: number | null;
}

/**
 * Each channel's contribution and gross profit per order from its base-scenario P/L lines. A channel with
 * several lines (SKUs) takes their mean weighted by each line's monthly orders (equal weights when none
 * has orders), rounded half-up: the per-order figure of the channel's order mix.
 */
export function baseLineFigures(lines: readonly PlLineValues[]): BaseLineFigures {
  const acc = new Map<
    Channel,
    { weight: number; contribution: number; gross: number; n: number; c0: number; g0: number }
  >();
  let allWeight = 0;
  let allGross = 0;
  let allN = 0;
  let allG0 = 0;
  for (const line of lines) {
    if (line.scenario !== "base") continue;
    const valid = validateLineInput(toEngineInput(line));
    if (!valid.ok) continue;
    const f = computeLineFigures(valid.value);
    const a = acc.get(line.channel) ?? { weight: 0, contribution: 0, gross: 0, n: 0, c0: 0, g0: 0 };
    a.weight += line.monthlyOrders;
    a.contribution += f.contributionPerOrder * line.monthlyOrders;
    a.gross += f.grossProfit * line.monthlyOrders;
    a.n += 1;
    a.c0 += f.contributionPerOrder;
    a.g0 += f.grossProfit;
    acc.set(line.channel, a);
    allWeight += line.monthlyOrders;
    allGross += f.grossProfit * line.monthlyOrders;
    allN += 1;
    allG0 += f.grossProfit;
  }
  const byChannel: BaseLineFigures["byChannel"] = new Map();
  for (const [channel, a] of acc) {
    byChannel.set(
      channel,
      a.weight > 0
        ? {
            contributionPerOrder: roundHalfUpDiv(a.contribution, a.weight),
            grossProfitPerOrder: roundHalfUpDiv(a.gross, a.weight),
          }
        : { contributionPerOrder: roundHalfUpDiv(a.c0, a.n), grossProfitPerOrder: roundHalfUpDiv(a.g0, a.n) },
    );
  }
  const grossProfitPerOrder =
    allN === 0 ? null : allWeight > 0 ? roundHalfUpDiv(allGross, allWeight) : roundHalfUpDiv(allG0, allN);
  return { byChannel, grossProfitPerOrder };
}

/**
 * Monthly contribution (§5): Σ over channels of the month's orders × the channel's base-line contribution
 * per order. null when no channel with orders has a base line (nothing to compute it from).
 */
export function contributionOf(figures: PeriodFigures | undefined, base: BaseLineFigures): number | null {
  if (!figures) return null;
  const channels: { channel: string; orders: number; contributionPerOrder: number }[] = [];
  for (const [channel, aggregate] of figures.byChannel) {
    const orders = aggregate.sums.orders;
    const line = base.byChannel.get(channel);
    if (orders === undefined || line === undefined) continue;
    channels.push({ channel, orders, contributionPerOrder: line.contributionPerOrder });
  }
  if (channels.length === 0) return null;
  const result = monthlyContribution(channels);
  return result.ok ? result.value.total : null;
}

// ─── The month's KPI table ────────────────────────────────────────────────────────────────────────────

export interface PlanItem {
  kpi: KpiKey;
  tier: Tier;
  direction: Direction;
}

export interface KpiRow {
  kpi: KpiKey;
  tier: Tier;
  direction: Direction;
  unit: (typeof KPIS)[KpiKey]["unit"];
  actual: KpiValue;
  target: number | null;
  achievement: Achievement | null;
  monthOnMonth: Change | null;
  yearOnYear: Change | null;
}

export function valueFor(
  kpi: KpiKey,
  figures: PeriodFigures | undefined,
  base: BaseLineFigures,
  channel?: Channel,
): KpiValue {
  const aggregate = figures ? (channel ? figures.byChannel.get(channel) : figures.total) : undefined;
  if (KPIS[kpi].formula.kind === "contribution") {
    if (channel) {
      const orders = aggregate?.sums.orders;
      const line = base.byChannel.get(channel);
      return orders === undefined || line === undefined
        ? { value: null, reason: "no_contribution_basis" }
        : { value: orders * line.contributionPerOrder };
    }
    return kpiValue(kpi, aggregate ?? emptyAggregate(), contributionOf(figures, base));
  }
  return kpiValue(kpi, aggregate ?? emptyAggregate());
}

/**
 * The KPI table of one month: every KPI of the plan with its actual, target, achievement and status, and
 * its change against the previous month and the same month a year before.
 */
export function kpiTable(p: {
  month: YearMonth;
  items: readonly PlanItem[];
  months: ReadonlyMap<string, PeriodFigures>;
  targets: ReadonlyMap<string, number>;
  base: BaseLineFigures;
}): KpiRow[] {
  const key = monthKey(p.month);
  const previous = monthKey(addMonths(p.month, -1));
  const yearAgo = monthKey(addMonths(p.month, -12));
  return p.items.map((item) => {
    const actual = valueFor(item.kpi, p.months.get(key), p.base);
    const target = p.targets.get(targetKey(item.kpi, key)) ?? null;
    const prev = valueFor(item.kpi, p.months.get(previous), p.base).value;
    const ago = valueFor(item.kpi, p.months.get(yearAgo), p.base).value;
    return {
      kpi: item.kpi,
      tier: item.tier,
      direction: item.direction,
      unit: KPIS[item.kpi].unit,
      actual,
      target,
      achievement: actual.value !== null && target !== null ? achievement(actual.value, target, item.direction) : null,
      monthOnMonth: change(actual.value, prev),
      yearOnYear: change(actual.value, ago),
    };
  });
}

export const targetKey = (kpi: KpiKey, month: string) => `${kpi}\u0000${month}`;

/** A KPI's values over consecutive periods, for a chart: null where it has no value. */
export function series(
  kpi: KpiKey,
  periods: readonly string[],
  figures: ReadonlyMap<string, PeriodFigures>,
  base: BaseLineFigures,
): { period: string; value: number | null }[] {
  return periods.map((period) => ({ period, value: valueFor(kpi, figures.get(period), base).value }));
}

export function lastMonths(month: YearMonth, count: number): string[] {
  return Array.from({ length: count }, (_, i) => monthKey(addMonths(month, i - count + 1)));
}

// ─── The verdict's input ──────────────────────────────────────────────────────────────────────────────

/** How many months and weeks before the evaluated month the verdict reads. */
export function verdictWindow(settings: VerdictSettings): { months: number; weeks: number } {
  return {
    months: Math.max(
      settings.movingAverageMonths + settings.goConsecutiveMonths - 1,
      settings.stopContributionMonths,
      settings.stopReturnRateMonths,
    ),
    weeks: settings.stopCpaWeeks,
  };
}

/** The ISO weeks the verdict's CPA rule reads, oldest first, ending at the month's last week. */
export function verdictWeeks(month: YearMonth, count: number): IsoWeek[] {
  const last = lastIsoWeekOfMonth(month);
  return Array.from({ length: count }, (_, i) => addWeeks(last, i - count + 1));
}

/** The verdict's input from the stored series (SPEC §5). */
export function verdictInputOf(p: {
  month: YearMonth;
  settings: Partial<VerdictSettings>;
  resolvedSettings: VerdictSettings;
  returnRateBaselineBp: number | null;
  months: ReadonlyMap<string, PeriodFigures>;
  weeks: ReadonlyMap<string, PeriodFigures>;
  base: BaseLineFigures;
}): VerdictInput {
  const window = verdictWindow(p.resolvedSettings);
  const months: VerdictMonthFigures[] = lastMonths(p.month, window.months).map((key) => {
    const figures = p.months.get(key);
    const total = figures?.total;
    return {
      month: key,
      contribution: contributionOf(figures, p.base),
      orders: total?.sums.orders ?? null,
      revenue: total?.sums.revenue ?? null,
      adSpend: total?.sums.ad_spend ?? null,
      returns: total?.sums.returns ?? null,
      inventoryTurnoverDays: total?.sums.inventory_turnover_days ?? null,
      reviewRatingHundredths: total ? kpiValue("review_rating", total).value : null,
    };
  });
  const weeks: VerdictWeekFigures[] = verdictWeeks(p.month, window.weeks).map((week) => {
    const total = p.weeks.get(isoWeekKey(week))?.total;
    return {
      isoWeek: isoWeekKey(week),
      adSpend: total?.sums.ad_spend ?? null,
      adOrders: total?.sums.ad_orders ?? null,
      grossProfitPerOrder: p.base.grossProfitPerOrder,
    };
  });
  return {
    month: monthKey(p.month),
    months,
    weeks,
    returnRateBaselineBp: p.returnRateBaselineBp,
    settings: p.settings,
  };
}

// ─── The KPI page's charts ────────────────────────────────────────────────────────────────────────────

/** Whether a KPI's monthly value is the sum of its weeks' (sales, orders, contribution): its weekly target is pro rata. */
export function isAdditive(kpi: KpiKey): boolean {
  const formula = KPIS[kpi].formula;
  if (formula.kind === "contribution") return true;
  return formula.kind === "measure" && MEASURES[formula.measure].aggregation.kind === "sum";
}

export interface ChartSeries {
  kpi: KpiKey;
  /** Values of the last 12 months, oldest first (null: no value). */
  monthly: (number | null)[];
  monthlyTargets: (number | null)[];
  /** Values of the month's ISO weeks. */
  weekly: (number | null)[];
  /** What a week is compared with: the month's target, or its weekly share for an additive KPI. */
  weeklyTarget: number | null;
}

/** Numbers only, per plan KPI: what the chart component needs and nothing more. */
export function chartSeries(p: {
  month: string;
  kpis: readonly KpiKey[];
  months: readonly string[];
  weeks: readonly string[];
  monthFigures: ReadonlyMap<string, PeriodFigures>;
  weekFigures: ReadonlyMap<string, PeriodFigures>;
  targets: ReadonlyMap<string, number>;
  base: BaseLineFigures;
}): ChartSeries[] {
  return p.kpis.map((kpi) => {
    const target = p.targets.get(targetKey(kpi, p.month)) ?? null;
    return {
      kpi,
      monthly: series(kpi, p.months, p.monthFigures, p.base).map((s) => s.value),
      monthlyTargets: p.months.map((m) => p.targets.get(targetKey(kpi, m)) ?? null),
      weekly: series(kpi, p.weeks, p.weekFigures, p.base).map((s) => s.value),
      weeklyTarget:
        target === null || p.weeks.length === 0
          ? target
          : isAdditive(kpi)
            ? roundHalfUpDiv(target, p.weeks.length)
            : target,
    };
  });
}

// ─── The KPI page's derived parts ─────────────────────────────────────────────────────────────────────

export interface KpiMonthView {
  /** The month's contribution (SPEC §5), all channels; null when it cannot be computed. */
  contribution: number | null;
  /** The chart series of the plan's KPIs, with each KPI's unit. */
  charts: (ChartSeries & { unit: (typeof KPIS)[KpiKey]["unit"] })[];
  /** The channel breakdown's columns: the client's channels, and any other channel with figures this month. */
  channels: Channel[];
  /** Per KPI of the month's table, its value in each of `channels`. */
  breakdown: { kpi: KpiKey; unit: (typeof KPIS)[KpiKey]["unit"]; values: KpiValue[] }[];
}

/**
 * What the KPI page shows beyond the month's table and verdict, from the same figures: computed with them, so
 * that a kept month (lib/cache/agency-memo.ts) costs the page no arithmetic.
 */
export function kpiMonthView(
  data: Omit<Parameters<typeof chartSeries>[0], "kpis"> & { table: readonly KpiRow[] },
  clientChannels: readonly string[],
): KpiMonthView {
  const figures = data.monthFigures.get(data.month);
  const channels = CHANNELS.filter((c) => clientChannels.includes(c) || figures?.byChannel.has(c));
  const kpis = data.table.map((row) => row.kpi);
  return {
    contribution: contributionOf(figures, data.base),
    charts: chartSeries({ ...data, kpis }).map((series) => ({ ...series, unit: KPIS[series.kpi].unit })),
    channels,
    breakdown: data.table.map((row) => ({
      kpi: row.kpi,
      unit: row.unit,
      values: channels.map((c) => valueFor(row.kpi, figures, data.base, c)),
    })),
  };
}
