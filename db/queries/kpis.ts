import "server-only";
import { and, asc, desc, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
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

/** A client's KPI plan with its KPIs in the plan's order, or null when none was made. */
export async function getKpiPlan(db: DbOrTx, p: { agencyId: string; clientId: string }): Promise<KpiPlanRow | null> {
  const [plan] = await db
    .select({
      reviewCadence: kpiPlans.reviewCadence,
      thirdPartyAudit: kpiPlans.thirdPartyAudit,
      verdictSettings: kpiPlans.verdictSettings,
      returnRateBaselineBp: kpiPlans.returnRateBaselineBp,
      version: kpiPlans.version,
      updatedAt: kpiPlans.updatedAt,
    })
    .from(kpiPlans)
    .where(and(eq(kpiPlans.agencyId, p.agencyId), eq(kpiPlans.clientId, p.clientId)));
  if (!plan) return null;
  const items = await db
    .select({
      kpi: kpiPlanItems.kpi,
      tier: kpiPlanItems.tier,
      direction: kpiPlanItems.direction,
      dataSource: kpiPlanItems.dataSource,
      thirdPartyAudited: kpiPlanItems.thirdPartyAudited,
    })
    .from(kpiPlanItems)
    .where(and(eq(kpiPlanItems.agencyId, p.agencyId), eq(kpiPlanItems.clientId, p.clientId)))
    .orderBy(asc(kpiPlanItems.position));
  return { ...plan, items };
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

/** One client's week as stored, or null when nothing was ever saved for it. */
export async function getKpiWeek(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; isoWeek: string },
): Promise<WeekRow | null> {
  const [week] = await db
    .select({ version: kpiWeeks.version, updatedAt: kpiWeeks.updatedAt, updatedByName: users.name })
    .from(kpiWeeks)
    .leftJoin(users, eq(users.id, kpiWeeks.updatedBy))
    .where(and(eq(kpiWeeks.agencyId, p.agencyId), eq(kpiWeeks.clientId, p.clientId), eq(kpiWeeks.isoWeek, p.isoWeek)));
  if (!week) return null;
  const cells = await db
    .select({ channel: kpiEntries.channel, measure: kpiEntries.measure, value: kpiEntries.value })
    .from(kpiEntries)
    .where(
      and(eq(kpiEntries.agencyId, p.agencyId), eq(kpiEntries.clientId, p.clientId), eq(kpiEntries.isoWeek, p.isoWeek)),
    );
  return { ...week, cells };
}

/** The latest week before `isoWeek` that has figures: what the grid shows beside each cell. */
export async function getPreviousKpiWeek(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; isoWeek: string },
): Promise<{ isoWeek: string; cells: WeekCell[] } | null> {
  const [previous] = await db
    .select({ isoWeek: kpiWeeks.isoWeek })
    .from(kpiWeeks)
    .where(
      and(
        eq(kpiWeeks.agencyId, p.agencyId),
        eq(kpiWeeks.clientId, p.clientId),
        sql`${kpiWeeks.isoWeek} < ${p.isoWeek}`,
        sql`exists (select 1 from ${kpiEntries} e where e.agency_id = ${kpiWeeks.agencyId}
          and e.client_id = ${kpiWeeks.clientId} and e.iso_week = ${kpiWeeks.isoWeek})`,
      ),
    )
    .orderBy(desc(kpiWeeks.isoWeek))
    .limit(1);
  if (!previous) return null;
  const week = await getKpiWeek(db, { ...p, isoWeek: previous.isoWeek });
  return week && { isoWeek: previous.isoWeek, cells: week.cells };
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
  const rows: AggregateRow[] = [];
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

// ─── Entry status and hours ───────────────────────────────────────────────────────────────────────────

export interface WeekEntryStatusRow {
  clientId: string;
  cells: number;
  version: number | null;
  updatedAt: Date | null;
}

/** For each client, how many cells of `isoWeek` hold a value, and the week's version. */
export async function weekEntryCounts(
  db: DbOrTx,
  p: { agencyId: string; clientIds: string[]; isoWeek: string },
): Promise<WeekEntryStatusRow[]> {
  if (p.clientIds.length === 0) return [];
  return db
    .select({
      clientId: kpiWeeks.clientId,
      cells: sql<number>`(select count(*)::int from ${kpiEntries} e where e.agency_id = ${kpiWeeks.agencyId}
        and e.client_id = ${kpiWeeks.clientId} and e.iso_week = ${kpiWeeks.isoWeek})`,
      version: kpiWeeks.version,
      updatedAt: kpiWeeks.updatedAt,
    })
    .from(kpiWeeks)
    .where(
      and(eq(kpiWeeks.agencyId, p.agencyId), inArray(kpiWeeks.clientId, p.clientIds), eq(kpiWeeks.isoWeek, p.isoWeek)),
    );
}

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

/** The verdict settings of several clients' plans (clients without a plan are absent). */
export async function listKpiPlanSettings(db: DbOrTx, p: { agencyId: string; clientIds: readonly string[] }) {
  if (p.clientIds.length === 0) return [];
  return db
    .select({
      clientId: kpiPlans.clientId,
      verdictSettings: kpiPlans.verdictSettings,
      returnRateBaselineBp: kpiPlans.returnRateBaselineBp,
    })
    .from(kpiPlans)
    .where(and(eq(kpiPlans.agencyId, p.agencyId), inArray(kpiPlans.clientId, [...p.clientIds])));
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

function parsedJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
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
