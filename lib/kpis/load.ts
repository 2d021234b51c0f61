import "server-only";
// Reads a client's KPI month (or several clients' verdicts) from the stored series: the SQL does the
// aggregation (db/queries/kpis.ts), lib/domain/kpi.ts and ./rollup.ts the rest. Callers pass the tenant
// transaction and have already checked that the member may see the client(s).

import type { DbOrTx } from "@/db/client";
import { getAgencySettings } from "@/db/queries/agency";
import { type KpiPlanRow, kpiAggregates, kpiMonthSources, verdictSources } from "@/db/queries/kpis";
import type { YearMonth } from "@/lib/domain/calendar";
import { addMonths, isoWeekKey, monthKey, monthOfIsoWeek, parseMonthKey } from "@/lib/domain/calendar";
import { weeksOfMonth } from "@/lib/domain/kpi";
import { DEFAULT_VERDICT_SETTINGS, evaluateVerdict, type Verdict, type VerdictSettings } from "@/lib/domain/verdict";
import {
  type BaseLineFigures,
  baseLineFigures,
  figuresByPeriod,
  type KpiRow,
  kpiTable,
  lastMonths,
  type PeriodFigures,
  targetKey,
  verdictInputOf,
  verdictWeeks,
  verdictWindow,
} from "./rollup";

export interface KpiMonth {
  month: string;
  plan: KpiPlanRow | null;
  settings: VerdictSettings;
  table: KpiRow[];
  /** The last 12 months, oldest first, per month all channels. */
  months: string[];
  /** The ISO weeks counting in the month. */
  weeks: string[];
  monthFigures: Map<string, PeriodFigures>;
  weekFigures: Map<string, PeriodFigures>;
  base: BaseLineFigures;
  targets: Map<string, number>;
  /** null when the stored data cannot be evaluated (invalid settings). */
  verdict: Verdict | null;
}

function settingsOf(overrides: Partial<VerdictSettings> | undefined): VerdictSettings {
  return { ...DEFAULT_VERDICT_SETTINGS, ...(overrides ?? {}) };
}

/**
 * The agency's default thresholds (agency settings), the layer between the product's defaults and each
 * client's plan overrides; callers that already hold them pass `agencyDefaults` and save the query.
 */
async function agencyDefaultsOf(
  tx: DbOrTx,
  p: { agencyId: string; agencyDefaults?: Partial<VerdictSettings> },
): Promise<Partial<VerdictSettings>> {
  return p.agencyDefaults ?? (await getAgencySettings(tx, { agencyId: p.agencyId })).verdictDefaults ?? {};
}

/** The first month the verdict's window reads (monthly rules), and the first its weekly rule reads. */
function verdictFrom(month: YearMonth, settings: VerdictSettings): { months: YearMonth; weeks: YearMonth } {
  const window = verdictWindow(settings);
  const weeks = verdictWeeks(month, window.weeks);
  return {
    months: addMonths(month, -(window.months - 1)),
    weeks: weeks[0] ? monthOfIsoWeek(weeks[0]) : month,
  };
}

const earliest = (...months: YearMonth[]) => months.reduce((a, b) => (monthKey(a) <= monthKey(b) ? a : b));

export async function loadKpiMonth(
  tx: DbOrTx,
  p: { agencyId: string; clientId: string; month: YearMonth; agencyDefaults?: Partial<VerdictSettings> },
): Promise<KpiMonth> {
  const defaults = await agencyDefaultsOf(tx, p);
  const to = monthKey(p.month);
  // One statement reads the plan and the ranges the default thresholds need: 13 months for the table
  // (year-on-year) and the 12-month charts, or more if the verdict reads further.
  const ranges = (s: VerdictSettings) => {
    const window = verdictFrom(p.month, s);
    return {
      from: monthKey(earliest(addMonths(p.month, -12), window.months)),
      weekFrom: monthKey(earliest(window.weeks, p.month)),
    };
  };
  const fetched = ranges(settingsOf(defaults));
  const sources = await kpiMonthSources(tx, {
    agencyId: p.agencyId,
    clientId: p.clientId,
    fromMonth: fetched.from,
    toMonth: to,
    weekFromMonth: fetched.weekFrom,
    targetsFromMonth: monthKey(addMonths(p.month, -11)),
  });
  const plan = sources.plan;
  const overrides = { ...defaults, ...(plan?.verdictSettings ?? {}) };
  const settings = settingsOf(overrides);
  // A plan whose thresholds read further back than the defaults: the earlier months (or weeks) too.
  const needed = ranges(settings);
  const clientIds = [p.clientId];
  const before = (month: string) => monthKey(addMonths(parseMonthKey(month) ?? p.month, -1));
  const [earlierMonths, earlierWeeks] = await Promise.all([
    needed.from < fetched.from
      ? kpiAggregates(tx, { agencyId: p.agencyId, clientIds, fromMonth: needed.from, toMonth: before(fetched.from) })
      : [],
    needed.weekFrom < fetched.weekFrom
      ? kpiAggregates(tx, {
          agencyId: p.agencyId,
          clientIds,
          fromMonth: needed.weekFrom,
          toMonth: before(fetched.weekFrom),
          by: "week",
        })
      : [],
  ]);
  const monthRows = [...earlierMonths, ...sources.months];
  const weekRows = [...earlierWeeks, ...sources.weeks];
  const targetRows = sources.targets;
  const lines = sources.baseLines;
  const monthFigures = figuresByPeriod(monthRows);
  const weekFigures = figuresByPeriod(weekRows);
  const targets = new Map(targetRows.map((t) => [targetKey(t.kpi, t.month), t.target]));
  const base = baseLineFigures(lines);
  const table = kpiTable({ month: p.month, items: plan?.items ?? [], months: monthFigures, targets, base });
  const verdict = evaluateVerdict(
    verdictInputOf({
      month: p.month,
      settings: overrides,
      resolvedSettings: settings,
      returnRateBaselineBp: plan?.returnRateBaselineBp ?? null,
      months: monthFigures,
      weeks: weekFigures,
      base,
    }),
  );
  return {
    month: to,
    plan,
    settings,
    table,
    months: lastMonths(p.month, 12),
    weeks: weeksOfMonth(p.month).map(isoWeekKey),
    monthFigures,
    weekFigures,
    base,
    targets,
    verdict: verdict.ok ? verdict.value : null,
  };
}

/**
 * The verdict of one month for several clients (the client list): one statement whatever the number of
 * clients (and one more only when a plan's thresholds read further back than the defaults). A client
 * without a plan is evaluated with the agency's default thresholds.
 */
export async function loadVerdicts(
  tx: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; month: YearMonth; agencyDefaults?: Partial<VerdictSettings> },
): Promise<Map<string, Verdict>> {
  const result = new Map<string, Verdict>();
  if (p.clientIds.length === 0) return result;
  const defaults = await agencyDefaultsOf(tx, p);
  const to = monthKey(p.month);
  const fetched = verdictFrom(p.month, settingsOf(defaults));
  const sources = await verdictSources(tx, {
    agencyId: p.agencyId,
    clientIds: p.clientIds,
    fromMonth: monthKey(fetched.months),
    weekFromMonth: monthKey(fetched.weeks),
    toMonth: to,
  });
  const planOf = new Map(sources.plans.map((plan) => [plan.clientId, plan]));
  const overridesOf = (clientId: string) => ({ ...defaults, ...(planOf.get(clientId)?.verdictSettings ?? {}) });
  const windows = sources.plans.map((plan) => verdictFrom(p.month, settingsOf(overridesOf(plan.clientId))));
  const from = monthKey(earliest(fetched.months, ...windows.map((w) => w.months)));
  const weekFrom = monthKey(earliest(fetched.weeks, ...windows.map((w) => w.weeks)));
  let { months: monthRows, weeks: weekRows } = sources;
  // A plan whose thresholds read further back than the defaults: the earlier months (or weeks) of all clients.
  const before = (month: YearMonth) => monthKey(addMonths(month, -1));
  if (from < monthKey(fetched.months)) {
    const earlier = { fromMonth: from, toMonth: before(fetched.months) };
    monthRows = [...(await kpiAggregates(tx, { ...p, ...earlier })), ...monthRows];
  }
  if (weekFrom < monthKey(fetched.weeks)) {
    const earlier = { fromMonth: weekFrom, toMonth: before(fetched.weeks), by: "week" as const };
    weekRows = [...(await kpiAggregates(tx, { ...p, ...earlier })), ...weekRows];
  }
  const byClient = <T extends { clientId: string }>(rows: readonly T[]) => {
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const list = grouped.get(row.clientId);
      if (list) list.push(row);
      else grouped.set(row.clientId, [row]);
    }
    return grouped;
  };
  const monthsOf = byClient(monthRows);
  const weeksOf = byClient(weekRows);
  const linesOf = byClient(sources.baseLines);
  for (const clientId of p.clientIds) {
    const plan = planOf.get(clientId);
    const overrides = overridesOf(clientId);
    const settings = settingsOf(overrides);
    const verdict = evaluateVerdict(
      verdictInputOf({
        month: p.month,
        settings: overrides,
        resolvedSettings: settings,
        returnRateBaselineBp: plan?.returnRateBaselineBp ?? null,
        months: figuresByPeriod(monthsOf.get(clientId) ?? []),
        weeks: figuresByPeriod(weeksOf.get(clientId) ?? []),
        base: baseLineFigures(linesOf.get(clientId) ?? []),
      }),
    );
    if (verdict.ok) result.set(clientId, verdict.value);
  }
  return result;
}
