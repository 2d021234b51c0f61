import "server-only";
// Reads a client's KPI month (or several clients' verdicts) from the stored series: the SQL does the
// aggregation (db/queries/kpis.ts), lib/domain/kpi.ts and ./rollup.ts the rest. Callers pass the tenant
// transaction and have already checked that the member may see the client(s).

import type { DbOrTx } from "@/db/client";
import { getAgencySettings } from "@/db/queries/agency";
import { listBaseLines } from "@/db/queries/economics";
import { getKpiPlan, type KpiPlanRow, kpiAggregates, listKpiPlanSettings, listKpiTargets } from "@/db/queries/kpis";
import type { YearMonth } from "@/lib/domain/calendar";
import { addMonths, isoWeekKey, monthKey, monthOfIsoWeek } from "@/lib/domain/calendar";
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
 * The agency's default thresholds (agency settings), the layer between DEFAULT_VERDICT_SETTINGS and each
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
  const plan = await getKpiPlan(tx, { agencyId: p.agencyId, clientId: p.clientId });
  const overrides = { ...(await agencyDefaultsOf(tx, p)), ...(plan?.verdictSettings ?? {}) };
  const settings = settingsOf(overrides);
  const window = verdictFrom(p.month, settings);
  // 13 months for the table (year-on-year) and the 12-month charts, or more if the verdict reads further.
  const from = monthKey(earliest(addMonths(p.month, -12), window.months));
  const to = monthKey(p.month);
  const weekFrom = monthKey(earliest(window.weeks, p.month));
  const clientIds = [p.clientId];
  const [monthRows, weekRows, targetRows, lines] = await Promise.all([
    kpiAggregates(tx, { agencyId: p.agencyId, clientIds, fromMonth: from, toMonth: to }),
    kpiAggregates(tx, { agencyId: p.agencyId, clientIds, fromMonth: weekFrom, toMonth: to, by: "week" }),
    listKpiTargets(tx, {
      agencyId: p.agencyId,
      clientId: p.clientId,
      fromMonth: monthKey(addMonths(p.month, -11)),
      toMonth: to,
    }),
    listBaseLines(tx, { agencyId: p.agencyId, clientIds }),
  ]);
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
 * The verdict of one month for several clients (the client list): four queries whatever the number of
 * clients (they run in one transaction, so one after another). A client without a plan is evaluated with the default thresholds.
 */
export async function loadVerdicts(
  tx: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; month: YearMonth; agencyDefaults?: Partial<VerdictSettings> },
): Promise<Map<string, Verdict>> {
  const result = new Map<string, Verdict>();
  if (p.clientIds.length === 0) return result;
  const defaults = await agencyDefaultsOf(tx, p);
  const plans = await listKpiPlanSettings(tx, p);
  const planOf = new Map(plans.map((plan) => [plan.clientId, plan]));
  const overridesOf = (clientId: string) => ({ ...defaults, ...(planOf.get(clientId)?.verdictSettings ?? {}) });
  const windows = [...plans.map((plan) => settingsOf(overridesOf(plan.clientId))), settingsOf(defaults)].map((s) =>
    verdictFrom(p.month, s),
  );
  const from = monthKey(earliest(...windows.map((w) => w.months)));
  const weekFrom = monthKey(earliest(...windows.map((w) => w.weeks)));
  const to = monthKey(p.month);
  const [monthRows, weekRows, lines] = await Promise.all([
    kpiAggregates(tx, { agencyId: p.agencyId, clientIds: p.clientIds, fromMonth: from, toMonth: to }),
    kpiAggregates(tx, { agencyId: p.agencyId, clientIds: p.clientIds, fromMonth: weekFrom, toMonth: to, by: "week" }),
    listBaseLines(tx, p),
  ]);
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
        months: figuresByPeriod(monthRows.filter((r) => r.clientId === clientId)),
        weeks: figuresByPeriod(weekRows.filter((r) => r.clientId === clientId)),
        base: baseLineFigures(lines.filter((l) => l.clientId === clientId)),
      }),
    );
    if (verdict.ok) result.set(clientId, verdict.value);
  }
  return result;
}
