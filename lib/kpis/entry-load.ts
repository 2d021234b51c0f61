import "server-only";
// What the weekly entry grid reads for one client and week: the plan's measures, the week as stored and
// the latest earlier week with figures (for reference). Only those two weeks are read, however many years
// of figures the client has. Callers pass the tenant transaction and have already checked the client.

import type { DbOrTx } from "@/db/client";
import { entryWeekSources, getKpiPlan, getKpiWeek, type WeekRow } from "@/db/queries/kpis";
import { type MeasureKey, measuresForPlan } from "@/lib/domain/kpi";
import type { EntryCell, EntryWeek } from "./entry";

type WeekKey = { agencyId: string; clientId: string; isoWeek: string };

/** The week as stored now (version 0 and no cells when it was never saved). */
export async function loadEntryWeek(tx: DbOrTx, p: WeekKey): Promise<EntryWeek> {
  return entryWeekOf(await getKpiWeek(tx, p));
}

function entryWeekOf(week: WeekRow | null): EntryWeek {
  return {
    version: week?.version ?? 0,
    cells: week?.cells ?? [],
    updatedByName: week?.updatedByName ?? null,
    updatedAt: week?.updatedAt.toISOString() ?? null,
  };
}

/** The measures the client's plan asks for, or null when the client has no KPI plan. */
export async function loadPlanMeasures(
  tx: DbOrTx,
  p: { agencyId: string; clientId: string },
): Promise<MeasureKey[] | null> {
  const plan = await getKpiPlan(tx, p);
  return plan ? measuresForPlan(plan.items.map((item) => item.kpi)) : null;
}

export interface EntryPageData {
  measures: MeasureKey[] | null;
  week: EntryWeek;
  previous: { isoWeek: string; cells: EntryCell[] } | null;
}

/** One statement (db/queries/kpis.ts entryWeekSources). */
export async function loadEntryPage(tx: DbOrTx, p: WeekKey): Promise<EntryPageData> {
  const sources = await entryWeekSources(tx, p);
  if (sources.kpis === null) return { measures: null, week: emptyWeek, previous: null };
  return { measures: measuresForPlan(sources.kpis), week: entryWeekOf(sources.week), previous: sources.previous };
}

const emptyWeek: EntryWeek = { version: 0, cells: [], updatedByName: null, updatedAt: null };
