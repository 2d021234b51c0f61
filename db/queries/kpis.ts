import "server-only";
import { and, asc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { type KpiKey, MEASURES, type MeasureKey } from "@/lib/domain/kpi";
import type { VerdictSettings } from "@/lib/domain/verdict";
import type { Channel, ClientStatus } from "@/lib/options";
import type { DbOrTx } from "../client";
import { ConflictError } from "../errors";
import {
  clients,
  kpiEntries,
  kpiMonthRollups,
  kpiPlanItems,
  kpiPlans,
  kpiTargets,
  kpiWeeks,
  timeEntries,
  users,
} from "../schema";
import type { ClientScope } from "../scope";
import { clientScopeCondition } from "./clients";
import { type BaseLineRow, baseLinesJson, baseLinesOf } from "./economics";
import { parsedJson, rowsOf } from "./json";

// ─── The plan ─────────────────────────────────────────────────────────────────────────────────────────

export interface KpiPlanItemRow {
  kpi: KpiKey;
  tier: "surface" | "quality";
  direction: "higher" | "lower";
  dataSource: string;
  thirdPartyAudited: boolean;
}

export interface KpiPlanRow {
  reviewCadence: "weekly" | "monthly" | "quarterly" | null;
  thirdPartyAudit: boolean | null;
  verdictSettings: Partial<VerdictSettings>;
  returnRateBaselineBp: number | null;
  version: number;
  updatedAt: Date;
  items: KpiPlanItemRow[];
}

const planJson = (agencyId: string, clientId: string) => sql`(select json_build_object(
    'reviewCadence', p.review_cadence, 'thirdPartyAudit', p.third_party_audit, 'verdictSettings', p.verdict_settings,
    'returnRateBaselineBp', p.return_rate_baseline_bp, 'version', p.version, 'updatedAt', p.updated_at,
    'items', coalesce((select json_agg(json_build_object('kpi', i.kpi, 'tier', i.tier, 'direction', i.direction,
        'dataSource', i.data_source, 'thirdPartyAudited', i.third_party_audited) order by i.position)
      from ${kpiPlanItems} i where i.agency_id = p.agency_id and i.client_id = p.client_id), '[]'::json))
  from ${kpiPlans} p where p.agency_id = ${agencyId} and p.client_id = ${clientId})`;

function planOf(value: unknown): KpiPlanRow | null {
  const plan = parsedJson<(Omit<KpiPlanRow, "updatedAt"> & { updatedAt: string }) | null>(value);
  return plan && { ...plan, updatedAt: new Date(plan.updatedAt) };
}

/** A client's KPI plan with its KPIs in the plan's order, or null when none was made. */
export async function getKpiPlan(db: DbOrTx, p: { agencyId: string; clientId: string }): Promise<KpiPlanRow | null> {
  const [row] = rowsOf<{ plan: unknown }>(await db.execute(sql`select ${planJson(p.agencyId, p.clientId)} as plan`));
  return planOf(row?.plan ?? null);
}

export interface KpiPlanValues {
  reviewCadence: KpiPlanRow["reviewCadence"];
  thirdPartyAudit: boolean | null;
  verdictSettings: Partial<VerdictSettings>;
  returnRateBaselineBp: number | null;
  items: KpiPlanItemRow[];
}

/**
 * Writes a client's plan. `version` is the one the author read: 0 for "there was no plan yet". A plan
 * that moved on (or appeared) in between writes nothing and throws ConflictError. Returns the new version.
 */
export async function saveKpiPlan(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; version: number; plan: KpiPlanValues },
): Promise<number> {
  const { items, ...plan } = p.plan;
  let version: number | undefined;
  if (p.version === 0) {
    const [row] = await db
      .insert(kpiPlans)
      .values({ agencyId: p.agencyId, clientId: p.clientId, ...plan })
      .onConflictDoNothing()
      .returning({ version: kpiPlans.version });
    version = row?.version;
  } else {
    const [row] = await db
      .update(kpiPlans)
      .set({ ...plan, version: sql`${kpiPlans.version} + 1`, updatedAt: new Date() })
      .where(and(eq(kpiPlans.agencyId, p.agencyId), eq(kpiPlans.clientId, p.clientId), eq(kpiPlans.version, p.version)))
      .returning({ version: kpiPlans.version });
    version = row?.version;
  }
  if (version === undefined) throw new ConflictError("kpi_plan");
  await db
    .delete(kpiPlanItems)
    .where(and(eq(kpiPlanItems.agencyId, p.agencyId), eq(kpiPlanItems.clientId, p.clientId)));
  if (items.length > 0) {
    await db
      .insert(kpiPlanItems)
      .values(items.map((item, position) => ({ agencyId: p.agencyId, clientId: p.clientId, position, ...item })));
  }
  return version;
}

// ─── Targets ──────────────────────────────────────────────────────────────────────────────────────────

export interface KpiTargetRow {
  kpi: KpiKey;
  month: string;
  target: number;
}

/** Targets of the months from `fromMonth` to `toMonth` ("YYYY-MM", inclusive). */
export async function listKpiTargets(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; fromMonth: string; toMonth: string },
): Promise<KpiTargetRow[]> {
  return db
    .select({ kpi: kpiTargets.kpi, month: kpiTargets.month, target: kpiTargets.target })
    .from(kpiTargets)
    .where(
      and(
        eq(kpiTargets.agencyId, p.agencyId),
        eq(kpiTargets.clientId, p.clientId),
        gte(kpiTargets.month, p.fromMonth),
        lte(kpiTargets.month, p.toMonth),
      ),
    )
    .orderBy(asc(kpiTargets.kpi), asc(kpiTargets.month));
}

/** Replaces the targets of the months from `fromMonth` to `toMonth` with `targets` (a year at a time). */
export async function replaceKpiTargets(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; fromMonth: string; toMonth: string; targets: KpiTargetRow[] },
) {
  await db
    .delete(kpiTargets)
    .where(
      and(
        eq(kpiTargets.agencyId, p.agencyId),
        eq(kpiTargets.clientId, p.clientId),
        gte(kpiTargets.month, p.fromMonth),
        lte(kpiTargets.month, p.toMonth),
      ),
    );
  if (p.targets.length > 0) {
    await db.insert(kpiTargets).values(p.targets.map((t) => ({ agencyId: p.agencyId, clientId: p.clientId, ...t })));
  }
}

// ─── Weeks ────────────────────────────────────────────────────────────────────────────────────────────

export interface WeekCell {
  channel: Channel;
  measure: MeasureKey;
  value: number;
}

export interface WeekRow {
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  cells: WeekCell[];
}

const cellsJson = (w: SQL) => sql`coalesce((select json_agg(json_build_object('channel', e.channel,
      'measure', e.measure, 'value', e.value) order by e.channel, e.measure)
    from ${kpiEntries} e where e.agency_id = ${w}.agency_id and e.client_id = ${w}.client_id
      and e.iso_week = ${w}.iso_week), '[]'::json)`;

/** The week (version, who saved it last, cells) as JSON, or null. */
const weekJson = (p: { agencyId: string; clientId: string; isoWeek: string }) => sql`(select json_build_object(
    'version', w.version, 'updatedAt', w.updated_at, 'updatedByName', u.name, 'cells', ${cellsJson(sql`w`)})
  from ${kpiWeeks} w left join ${users} u on u.id = w.updated_by
  where w.agency_id = ${p.agencyId} and w.client_id = ${p.clientId} and w.iso_week = ${p.isoWeek})`;

/** The latest week before `isoWeek` that has figures, as JSON { isoWeek, cells }, or null. */
const previousWeekJson = (p: { agencyId: string; clientId: string; isoWeek: string }) => sql`(select
    json_build_object('isoWeek', w.iso_week, 'cells', ${cellsJson(sql`w`)})
  from ${kpiWeeks} w
  where w.agency_id = ${p.agencyId} and w.client_id = ${p.clientId} and w.iso_week < ${p.isoWeek}
    and exists (select 1 from ${kpiEntries} e where e.agency_id = w.agency_id and e.client_id = w.client_id
      and e.iso_week = w.iso_week)
  order by w.iso_week desc limit 1)`;

function weekOf(value: unknown): WeekRow | null {
  const week = parsedJson<(Omit<WeekRow, "updatedAt"> & { updatedAt: string }) | null>(value);
  return week && { ...week, updatedAt: new Date(week.updatedAt) };
}

/** One client's week as stored, or null when nothing was ever saved for it. */
export async function getKpiWeek(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; isoWeek: string },
): Promise<WeekRow | null> {
  const [row] = rowsOf<{ week: unknown }>(await db.execute(sql`select ${weekJson(p)} as week`));
  return weekOf(row?.week);
}

/**
 * What the weekly entry grid reads, in one statement: the KPIs of the client's plan (null without a plan),
 * the week as stored (getKpiWeek) and the latest earlier week with figures.
 */
export async function entryWeekSources(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; isoWeek: string },
): Promise<{ kpis: KpiKey[] | null; week: WeekRow | null; previous: { isoWeek: string; cells: WeekCell[] } | null }> {
  const [row] = rowsOf<{ has_plan: boolean; kpis: unknown; week: unknown; previous: unknown }>(
    await db.execute(sql`select
      exists (select 1 from ${kpiPlans} kp where kp.agency_id = ${p.agencyId} and kp.client_id = ${p.clientId})
        as has_plan,
      coalesce((select json_agg(i.kpi order by i.position) from ${kpiPlanItems} i
        where i.agency_id = ${p.agencyId} and i.client_id = ${p.clientId}), '[]'::json) as kpis,
      ${weekJson(p)} as week,
      ${previousWeekJson(p)} as previous`),
  );
  return {
    kpis: row?.has_plan ? parsedJson<KpiKey[]>(row.kpis) : null,
    week: weekOf(row?.week),
    previous: parsedJson<{ isoWeek: string; cells: WeekCell[] } | null>(row?.previous ?? null),
  };
}

export interface SaveWeekParams {
  agencyId: string;
  clientId: string;
  isoWeek: string;
  /** Monday of the week, "YYYY-MM-DD". */
  weekStart: string;
  /** The month the week counts in. */
  month: string;
  /** The version the author read; 0 when the week had never been saved. */
  version: number;
  userId: string;
  /** null deletes the cell. Cells not named stay as they are. */
  cells: { channel: Channel; measure: MeasureKey; value: number | null }[];
}

/**
 * Saves a week's cells in the caller's transaction, checked against the version the author read: a week
 * saved by someone else in between writes nothing and throws ConflictError. A cell whose value is
 * unchanged keeps who entered it and when. Returns the week's new version and how many cells changed;
 * with nothing changed the version stays (importing the same figures again changes nothing).
 */
export async function saveKpiWeek(db: DbOrTx, p: SaveWeekParams): Promise<{ version: number; changed: number }> {
  const ofWeek = and(
    eq(kpiWeeks.agencyId, p.agencyId),
    eq(kpiWeeks.clientId, p.clientId),
    eq(kpiWeeks.isoWeek, p.isoWeek),
  );
  // Take the week first (insert or lock), so that concurrent savers queue here and the loser sees the
  // moved version.
  let current: number | undefined;
  if (p.version === 0) {
    const [row] = await db
      .insert(kpiWeeks)
      .values({
        agencyId: p.agencyId,
        clientId: p.clientId,
        isoWeek: p.isoWeek,
        weekStart: p.weekStart,
        month: p.month,
        version: 0,
        updatedBy: p.userId,
      })
      .onConflictDoNothing()
      .returning({ version: kpiWeeks.version });
    current = row?.version;
  } else {
    const [row] = await db
      .select({ version: kpiWeeks.version })
      .from(kpiWeeks)
      .where(and(ofWeek, eq(kpiWeeks.version, p.version)))
      .for("update");
    current = row?.version;
  }
  if (current === undefined) throw new ConflictError("kpi_week");

  const cleared = p.cells.filter((c) => c.value === null);
  const set = p.cells.filter((c): c is WeekCell => c.value !== null);
  let changed = 0;
  if (cleared.length > 0) {
    const deleted = await db
      .delete(kpiEntries)
      .where(
        and(
          eq(kpiEntries.agencyId, p.agencyId),
          eq(kpiEntries.clientId, p.clientId),
          eq(kpiEntries.isoWeek, p.isoWeek),
          sql`(${kpiEntries.channel}, ${kpiEntries.measure}) in (${sql.join(
            cleared.map((c) => sql`(${c.channel}::channel, ${c.measure}::kpi_measure)`),
            sql`, `,
          )})`,
        ),
      )
      .returning({ measure: kpiEntries.measure });
    changed += deleted.length;
  }
  if (set.length > 0) {
    const written = await db
      .insert(kpiEntries)
      .values(
        set.map((c) => ({
          agencyId: p.agencyId,
          clientId: p.clientId,
          isoWeek: p.isoWeek,
          month: p.month,
          channel: c.channel,
          measure: c.measure,
          value: c.value,
          enteredBy: p.userId,
        })),
      )
      .onConflictDoUpdate({
        target: [kpiEntries.agencyId, kpiEntries.clientId, kpiEntries.isoWeek, kpiEntries.channel, kpiEntries.measure],
        set: { value: sql`excluded.value`, enteredBy: sql`excluded.entered_by`, enteredAt: sql`now()` },
        setWhere: sql`${kpiEntries.value} is distinct from excluded.value`,
      })
      .returning({ measure: kpiEntries.measure });
    changed += written.length;
  }
  const version = p.version === 0 || changed > 0 ? current + 1 : current;
  if (version !== current || p.version === 0) {
    await db.update(kpiWeeks).set({ version, updatedBy: p.userId, updatedAt: new Date() }).where(ofWeek);
  }
  if (changed > 0) await refreshKpiRollups(db, { agencyId: p.agencyId, clientId: p.clientId, months: [p.month] });
  return { version, changed };
}

// ─── Roll-ups ─────────────────────────────────────────────────────────────────────────────────────────

/** One channel's aggregate of one period (see lib/domain/kpi.ts, PeriodAggregate). */
export interface AggregateRow {
  clientId: string;
  period: string;
  channel: Channel;
  measure: MeasureKey;
  /** Sum over the period, or for a last-of-period measure the latest week's value. */
  value: number;
  /** Σ value × weight, for weighted means; null otherwise. */
  weighted: number | null;
}

const LAST_LIST = sql.raw(
  Object.values(MEASURES)
    .filter((m) => m.aggregation.kind === "last")
    .map((m) => `'${m.key}'`)
    .join(", "),
);
const WEIGHT_OF = Object.values(MEASURES).flatMap((m) =>
  m.aggregation.kind === "weighted_mean" ? [[m.key, m.aggregation.weight] as const] : [],
);
const WEIGHTED_LIST = sql.raw(WEIGHT_OF.map(([score]) => `'${score}'`).join(", "));
/** The name of the weight of a weighted-mean measure `e.measure` (null for any other measure). */
const WEIGHT_CASE = sql.raw(
  `case e.measure ${WEIGHT_OF.map(([score, weight]) => `when '${score}' then '${weight}'`).join(" ")} end`,
);

/**
 * Rebuilds the roll-ups of a client's months from kpi_entries, in SQL: each week's figures on its kpi_weeks
 * row (first: the month's weights are read from it), and per month and channel every measure's sum, the latest week's value of last-of-period measures
 * and Σ value × weight of weighted means (kpi_month_rollups). A month left without figures loses its row.
 * saveKpiWeek calls it for the week's month; bulk loads (the demo seed) call it once for all months.
 */
export async function refreshKpiRollups(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; months?: readonly string[] },
): Promise<void> {
  const inMonths = (column: SQL) =>
    p.months === undefined
      ? sql`true`
      : sql`${column} in (${sql.join(
          p.months.map((m) => sql`${m}`),
          sql`, `,
        )})`;
  await db.execute(sql`
    update ${kpiWeeks} w set figures = coalesce((
      select jsonb_object_agg(c.channel, c.values) from (
        select e.channel, jsonb_object_agg(e.measure, e.value) as values
        from ${kpiEntries} e
        where e.agency_id = w.agency_id and e.client_id = w.client_id and e.iso_week = w.iso_week
        group by e.channel
      ) c), '{}'::jsonb)
    where w.agency_id = ${p.agencyId} and w.client_id = ${p.clientId} and ${inMonths(sql`w.month`)}`);
  await db.execute(sql`
    delete from ${kpiMonthRollups} r
    where r.agency_id = ${p.agencyId} and r.client_id = ${p.clientId} and ${inMonths(sql`r.month`)}`);
  await db.execute(sql`
    insert into ${kpiMonthRollups} (agency_id, client_id, month, figures)
    select ${p.agencyId}::uuid, ${p.clientId}::uuid, m.month,
      jsonb_object_agg(m.channel, jsonb_build_object('sums', m.sums, 'weighted', m.weighted))
    from (
      select a.month, a.channel, jsonb_object_agg(a.measure, a.value) as sums,
        coalesce(jsonb_object_agg(a.measure, a.weighted) filter (where a.weighted is not null), '{}'::jsonb)
          as weighted
      from (
        select e.month, e.channel, e.measure,
          coalesce(
            (array_agg(e.value order by e.iso_week desc) filter (where e.measure in (${LAST_LIST})))[1],
            sum(e.value)
          ) as value,
          case when e.measure in (${WEIGHTED_LIST})
            then coalesce(sum(e.value * (w.figures -> e.channel::text ->> ${WEIGHT_CASE})::bigint), 0) end
            as weighted
        from ${kpiEntries} e
        join ${kpiWeeks} w on w.agency_id = e.agency_id and w.client_id = e.client_id and w.iso_week = e.iso_week
        where e.agency_id = ${p.agencyId} and e.client_id = ${p.clientId} and ${inMonths(sql`e.month`)}
        group by e.month, e.channel, e.measure
      ) a
      group by a.month, a.channel
    ) m
    group by m.month`);
}

/**
 * Per client, month (or ISO week with `by: "week"`) and channel: every measure's sum, the latest week's
 * value of last-of-period measures, and Σ value × weight of weighted means — read from the roll-ups that
 * every save keeps current (one row a month, or a week), never by scanning the entries.
 */
export async function kpiAggregates(
  db: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; fromMonth: string; toMonth: string; by?: "month" | "week" },
): Promise<AggregateRow[]> {
  if (p.clientIds.length === 0) return [];
  if (p.by === "week") {
    const weeks = await db
      .select({ clientId: kpiWeeks.clientId, period: kpiWeeks.isoWeek, figures: kpiWeeks.figures })
      .from(kpiWeeks)
      .where(
        and(
          eq(kpiWeeks.agencyId, p.agencyId),
          inArray(kpiWeeks.clientId, [...p.clientIds]),
          gte(kpiWeeks.month, p.fromMonth),
          lte(kpiWeeks.month, p.toMonth),
        ),
      )
      .orderBy(asc(kpiWeeks.clientId), asc(kpiWeeks.isoWeek));
    return weekAggregateRows(weeks);
  }
  const months = await db
    .select({ clientId: kpiMonthRollups.clientId, period: kpiMonthRollups.month, figures: kpiMonthRollups.figures })
    .from(kpiMonthRollups)
    .where(
      and(
        eq(kpiMonthRollups.agencyId, p.agencyId),
        inArray(kpiMonthRollups.clientId, [...p.clientIds]),
        gte(kpiMonthRollups.month, p.fromMonth),
        lte(kpiMonthRollups.month, p.toMonth),
      ),
    )
    .orderBy(asc(kpiMonthRollups.clientId), asc(kpiMonthRollups.month));
  return monthAggregateRows(months);
}

type WeekRollup = { clientId: string; period: string; figures: Record<string, Record<string, number>> };
type MonthRollup = {
  clientId: string;
  period: string;
  figures: Record<string, { sums: Record<string, number>; weighted: Record<string, number> }>;
};

/** A week's stored figures (channel → measure → value) as aggregate rows, weighted means weighed. */
function weekAggregateRows(weeks: readonly WeekRollup[]): AggregateRow[] {
  const rows: AggregateRow[] = [];
  for (const week of weeks) {
    for (const [channel, values] of Object.entries(week.figures)) {
      for (const [measure, value] of Object.entries(values)) {
        const weight = WEIGHT_OF.find(([score]) => score === measure)?.[1];
        rows.push({
          clientId: week.clientId,
          period: week.period,
          channel: channel as Channel,
          measure: measure as MeasureKey,
          value,
          weighted: weight === undefined ? null : value * (values[weight] ?? 0),
        });
      }
    }
  }
  return rows;
}

/** A month's roll-up (channel → sums and weighted sums) as aggregate rows. */
function monthAggregateRows(months: readonly MonthRollup[]): AggregateRow[] {
  const rows: AggregateRow[] = [];
  for (const month of months) {
    for (const [channel, figures] of Object.entries(month.figures)) {
      for (const [measure, value] of Object.entries(figures.sums)) {
        rows.push({
          clientId: month.clientId,
          period: month.period,
          channel: channel as Channel,
          measure: measure as MeasureKey,
          value,
          weighted: figures.weighted[measure] ?? null,
        });
      }
    }
  }
  return rows;
}

// ─── Hours ─────────────────────────────────────────────────────────────────────────────────────────

export interface TimeEntryRow {
  membershipId: string;
  clientId: string;
  isoWeek: string;
  minutes: number;
  version: number;
}

export async function listTimeEntries(
  db: DbOrTx,
  p: { agencyId: string; isoWeek: string; membershipId?: string; clientIds?: string[] },
): Promise<TimeEntryRow[]> {
  const conditions: SQL[] = [eq(timeEntries.agencyId, p.agencyId), eq(timeEntries.isoWeek, p.isoWeek)];
  if (p.membershipId !== undefined) conditions.push(eq(timeEntries.membershipId, p.membershipId));
  if (p.clientIds !== undefined) {
    if (p.clientIds.length === 0) return [];
    conditions.push(inArray(timeEntries.clientId, p.clientIds));
  }
  return db
    .select({
      membershipId: timeEntries.membershipId,
      clientId: timeEntries.clientId,
      isoWeek: timeEntries.isoWeek,
      minutes: timeEntries.minutes,
      version: timeEntries.version,
    })
    .from(timeEntries)
    .where(and(...conditions));
}

/**
 * Sets a member's minutes on a client for a week, checked against the version read (0: none yet).
 * Returns the new version; a stale version writes nothing and throws ConflictError.
 */
export async function saveTimeEntry(
  db: DbOrTx,
  p: {
    agencyId: string;
    membershipId: string;
    clientId: string;
    isoWeek: string;
    month: string;
    minutes: number;
    version: number;
  },
): Promise<number> {
  const key = and(
    eq(timeEntries.agencyId, p.agencyId),
    eq(timeEntries.membershipId, p.membershipId),
    eq(timeEntries.clientId, p.clientId),
    eq(timeEntries.isoWeek, p.isoWeek),
  );
  const [row] =
    p.version === 0
      ? await db
          .insert(timeEntries)
          .values({
            agencyId: p.agencyId,
            membershipId: p.membershipId,
            clientId: p.clientId,
            isoWeek: p.isoWeek,
            month: p.month,
            minutes: p.minutes,
          })
          .onConflictDoNothing()
          .returning({ version: timeEntries.version })
      : await db
          .update(timeEntries)
          .set({ minutes: p.minutes, version: sql`${timeEntries.version} + 1`, updatedAt: new Date() })
          .where(and(key, eq(timeEntries.version, p.version)))
          .returning({ version: timeEntries.version });
  if (!row) throw new ConflictError("time_entry");
  return row.version;
}
// ─── The week's overview and CSV (app/(app)/week, lib/kpis/week-view.ts, lib/kpis/csv.ts) ────────────

export interface KpiClientRow {
  id: string;
  name: string;
  code: string;
  channels: Channel[];
  status: ClientStatus;
  /** The client's assigned operators, by name. */
  operators: { membershipId: string; name: string }[];
  /** The KPIs of the client's plan in the plan's order; null when there is no plan. */
  kpis: { kpi: KpiKey; tier: "surface" | "quality"; direction: "higher" | "lower" }[] | null;
  /** Cells of `isoWeek` holding a value (0 without `isoWeek`). */
  cells: number;
  /** The version of `isoWeek`, null when it was never saved. */
  weekVersion: number | null;
}

/**
 * The clients a member may see with what the week's overview and a CSV need, in one query: channels,
 * operators, the plan's KPIs, and with `isoWeek` the week's entered cells and version. Filters: statuses,
 * codes (CSV import), ids, or clients a membership is assigned to (as manager or operator).
 */
export async function listKpiClients(
  db: DbOrTx,
  p: {
    agencyId: string;
    scope: ClientScope;
    statuses?: readonly ClientStatus[];
    codes?: readonly string[];
    ids?: readonly string[];
    assignedTo?: string;
    isoWeek?: string;
  },
): Promise<KpiClientRow[]> {
  if (p.codes?.length === 0 || p.ids?.length === 0) return [];
  const week = p.isoWeek ?? "";
  const rows = await db
    .select({
      id: clients.id,
      name: clients.name,
      code: clients.code,
      channels: clients.channels,
      status: clients.status,
      // Table-qualified names: see listClients (db/queries/clients.ts).
      operators: sql<unknown>`coalesce((select json_agg(json_build_object('membershipId', ca.membership_id,
          'name', u.name) order by u.name, ca.membership_id)
        from client_assignments ca
        join memberships m on m.agency_id = ca.agency_id and m.id = ca.membership_id
        join users u on u.id = m.user_id
        where ca.agency_id = "clients"."agency_id" and ca.client_id = "clients"."id" and ca.role = 'operator'),
        '[]'::json)`,
      kpis: sql<unknown>`(select coalesce(json_agg(json_build_object('kpi', i.kpi, 'tier', i.tier,
          'direction', i.direction) order by i.position), '[]'::json)
        from kpi_plan_items i where i.agency_id = "clients"."agency_id" and i.client_id = "clients"."id")`,
      hasPlan: sql<boolean>`exists (select 1 from kpi_plans kp
        where kp.agency_id = "clients"."agency_id" and kp.client_id = "clients"."id")`,
      cells: sql<number>`(select count(*)::int from kpi_entries e
        where e.agency_id = "clients"."agency_id" and e.client_id = "clients"."id" and e.iso_week = ${week})`,
      weekVersion: sql<number | null>`(select w.version from kpi_weeks w
        where w.agency_id = "clients"."agency_id" and w.client_id = "clients"."id" and w.iso_week = ${week})`,
    })
    .from(clients)
    .where(
      and(
        eq(clients.agencyId, p.agencyId),
        clientScopeCondition(p.scope),
        p.statuses ? inArray(clients.status, [...p.statuses]) : undefined,
        p.codes ? inArray(clients.code, [...p.codes]) : undefined,
        p.ids ? inArray(clients.id, [...p.ids]) : undefined,
        p.assignedTo
          ? sql`exists (select 1 from client_assignments ca where ca.agency_id = "clients"."agency_id"
              and ca.client_id = "clients"."id" and ca.membership_id = ${p.assignedTo})`
          : undefined,
      ),
    )
    .orderBy(asc(clients.name), asc(clients.id));
  return rows.map(({ hasPlan, ...r }) => ({
    ...r,
    operators: parsedJson<KpiClientRow["operators"]>(r.operators),
    kpis: hasPlan ? parsedJson<NonNullable<KpiClientRow["kpis"]>>(r.kpis) : null,
    cells: Number(r.cells),
    weekVersion: r.weekVersion === null ? null : Number(r.weekVersion),
  }));
}

/** The targets of one month for several clients. */
export async function listMonthTargets(
  db: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; month: string },
): Promise<{ clientId: string; kpi: KpiKey; target: number }[]> {
  if (p.clientIds.length === 0) return [];
  return db
    .select({ clientId: kpiTargets.clientId, kpi: kpiTargets.kpi, target: kpiTargets.target })
    .from(kpiTargets)
    .where(
      and(
        eq(kpiTargets.agencyId, p.agencyId),
        inArray(kpiTargets.clientId, [...p.clientIds]),
        eq(kpiTargets.month, p.month),
      ),
    );
}

export interface KpiEntryRow {
  clientId: string;
  isoWeek: string;
  channel: Channel;
  measure: MeasureKey;
  value: number;
}

/** Every stored cell of several clients from `fromWeek` to `toWeek` (inclusive), for a CSV. */
export async function listKpiEntries(
  db: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; fromWeek: string; toWeek: string },
): Promise<KpiEntryRow[]> {
  if (p.clientIds.length === 0) return [];
  return db
    .select({
      clientId: kpiEntries.clientId,
      isoWeek: kpiEntries.isoWeek,
      channel: kpiEntries.channel,
      measure: kpiEntries.measure,
      value: kpiEntries.value,
    })
    .from(kpiEntries)
    .where(
      and(
        eq(kpiEntries.agencyId, p.agencyId),
        inArray(kpiEntries.clientId, [...p.clientIds]),
        gte(kpiEntries.isoWeek, p.fromWeek),
        lte(kpiEntries.isoWeek, p.toWeek),
      ),
    )
    .orderBy(asc(kpiEntries.clientId), asc(kpiEntries.isoWeek), asc(kpiEntries.channel), asc(kpiEntries.measure));
}

/** The versions of the named (client, week) pairs that exist. */
export async function listKpiWeekVersions(
  db: DbOrTx,
  p: { agencyId: string; weeks: readonly { clientId: string; isoWeek: string }[] },
): Promise<{ clientId: string; isoWeek: string; version: number }[]> {
  if (p.weeks.length === 0) return [];
  return db
    .select({ clientId: kpiWeeks.clientId, isoWeek: kpiWeeks.isoWeek, version: kpiWeeks.version })
    .from(kpiWeeks)
    .where(
      and(
        eq(kpiWeeks.agencyId, p.agencyId),
        sql`(${kpiWeeks.clientId}, ${kpiWeeks.isoWeek}) in (${sql.join(
          p.weeks.map((w) => sql`(${w.clientId}::uuid, ${w.isoWeek})`),
          sql`, `,
        )})`,
      ),
    );
}

// ─── A page's sources in one statement ────────────────────────────────────────────────────────────────
// Every statement costs a parse, a plan and a round trip whatever it returns (in the embedded database a
// few milliseconds of the server's one thread), so the pages that read a client's KPIs read them with one.

export interface KpiMonthSources {
  plan: KpiPlanRow | null;
  /** Month roll-ups from `fromMonth` to `toMonth`. */
  months: AggregateRow[];
  /** Week figures of the weeks counting in `weekFromMonth` … `toMonth`. */
  weeks: AggregateRow[];
  /** Targets of `targetsFromMonth` … `toMonth`. */
  targets: KpiTargetRow[];
  baseLines: BaseLineRow[];
}

/**
 * What a client's KPI month reads (lib/kpis/load.ts), in one statement: the plan with its items, the month
 * roll-ups and week figures of the given ranges, the targets and the P/L base lines — the same rows as
 * getKpiPlan, kpiAggregates (by month and by week), listKpiTargets and listBaseLines.
 */
export async function kpiMonthSources(
  db: DbOrTx,
  p: {
    agencyId: string;
    clientId: string;
    fromMonth: string;
    toMonth: string;
    weekFromMonth: string;
    targetsFromMonth: string;
  },
): Promise<KpiMonthSources> {
  const result = await db.execute(sql`select
    ${planJson(p.agencyId, p.clientId)} as plan,
    coalesce((select json_agg(json_build_object('clientId', r.client_id, 'period', r.month, 'figures', r.figures)
        order by r.month)
      from ${kpiMonthRollups} r where r.agency_id = ${p.agencyId} and r.client_id = ${p.clientId}
        and r.month >= ${p.fromMonth} and r.month <= ${p.toMonth}), '[]'::json) as months,
    coalesce((select json_agg(json_build_object('clientId', w.client_id, 'period', w.iso_week, 'figures', w.figures)
        order by w.iso_week)
      from ${kpiWeeks} w where w.agency_id = ${p.agencyId} and w.client_id = ${p.clientId}
        and w.month >= ${p.weekFromMonth} and w.month <= ${p.toMonth}), '[]'::json) as weeks,
    coalesce((select json_agg(json_build_object('kpi', t.kpi, 'month', t.month, 'target', t.target)
        order by t.kpi, t.month)
      from ${kpiTargets} t where t.agency_id = ${p.agencyId} and t.client_id = ${p.clientId}
        and t.month >= ${p.targetsFromMonth} and t.month <= ${p.toMonth}), '[]'::json) as targets,
    ${baseLinesJson(p.agencyId, sql`${p.clientId}::uuid`)} as base_lines`);
  const [row = {}] = rowsOf<Record<string, unknown>>(result);
  return {
    plan: planOf(row.plan),
    months: monthAggregateRows(parsedJson<MonthRollup[]>(row.months)),
    weeks: weekAggregateRows(parsedJson<WeekRollup[]>(row.weeks)),
    targets: parsedJson<KpiTargetRow[]>(row.targets),
    baseLines: baseLinesOf(row.base_lines),
  };
}

export interface VerdictSources {
  /** The verdict settings of the clients' plans (clients without a plan are absent), with their return-rate baselines. */
  plans: { clientId: string; verdictSettings: Partial<VerdictSettings>; returnRateBaselineBp: number | null }[];
  months: AggregateRow[];
  weeks: AggregateRow[];
  baseLines: BaseLineRow[];
}

/**
 * What the verdicts of several clients read (the client list), in one statement: the plans' settings, the
 * month roll-ups and week figures of the given ranges, and the P/L base lines.
 */
export async function verdictSources(
  db: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; fromMonth: string; toMonth: string; weekFromMonth: string },
): Promise<VerdictSources> {
  if (p.clientIds.length === 0) return { plans: [], months: [], weeks: [], baseLines: [] };
  const ids = sql.join(
    p.clientIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [row = {}] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select
      coalesce((select json_agg(json_build_object('clientId', kp.client_id, 'verdictSettings', kp.verdict_settings,
          'returnRateBaselineBp', kp.return_rate_baseline_bp))
        from ${kpiPlans} kp where kp.agency_id = ${p.agencyId} and kp.client_id in (${ids})), '[]'::json) as plans,
      coalesce((select json_agg(json_build_object('clientId', r.client_id, 'period', r.month, 'figures', r.figures)
          order by r.client_id, r.month)
        from ${kpiMonthRollups} r where r.agency_id = ${p.agencyId} and r.client_id in (${ids})
          and r.month >= ${p.fromMonth} and r.month <= ${p.toMonth}), '[]'::json) as months,
      coalesce((select json_agg(json_build_object('clientId', w.client_id, 'period', w.iso_week, 'figures', w.figures)
          order by w.client_id, w.iso_week)
        from ${kpiWeeks} w where w.agency_id = ${p.agencyId} and w.client_id in (${ids})
          and w.month >= ${p.weekFromMonth} and w.month <= ${p.toMonth}), '[]'::json) as weeks,
      ${baseLinesJson(p.agencyId, ids)} as base_lines`),
  );
  return {
    plans: parsedJson<VerdictSources["plans"]>(row.plans),
    months: monthAggregateRows(parsedJson<MonthRollup[]>(row.months)),
    weeks: weekAggregateRows(parsedJson<WeekRollup[]>(row.weeks)),
    baseLines: baseLinesOf(row.base_lines),
  };
}
