import "server-only";
// The operator's week (SPEC §6, §9; /week): each client the member runs with the week's entry status, the
// hours entered and the KPIs off track in the week's month; for owners and managers the same for the whole
// agency, by operator, with who is late. Built for a manager with 500 clients: one query lists every client
// with its plan and the week's cell count (cheap), statuses and counts come from that in memory, and only
// the page's clients get the month's roll-up, targets and base lines (three more queries, whatever the page).

import type { DbOrTx } from "@/db/client";
import { listBaseLines } from "@/db/queries/economics";
import {
  type KpiClientRow,
  kpiAggregates,
  listKpiClients,
  listKpiEntries,
  listMonthTargets,
  listTimeEntries,
} from "@/db/queries/kpis";
import type { ClientScope } from "@/db/scope";
import { addWeeks, isoWeekKey, monthOfIsoWeek, parseIsoWeekKey } from "@/lib/domain/calendar";
import { type KpiKey, measuresForPlan } from "@/lib/domain/kpi";
import type { ClientStatus } from "@/lib/options";
import { kpiCsvRowsOf, toKpiCsv } from "./csv";
import { currentIsoWeekKey } from "./entry";
import { baseLineFigures, figuresByPeriod, kpiTable, targetKey } from "./rollup";

/** The clients a week is entered for: not ended, not paused. */
export const WEEK_STATUSES = ["active", "trial", "onboarding"] as const satisfies readonly ClientStatus[];

export type EntryStatus = "no_plan" | "not_started" | "partial" | "complete";
export const ENTRY_STATUSES = ["not_started", "partial", "complete", "no_plan"] as const;
export const STATUS_FILTERS = [...ENTRY_STATUSES, "late"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** Cells the plan asks for: the plan's measures × the client's channels. */
export function expectedCells(client: Pick<KpiClientRow, "kpis" | "channels">): number {
  if (!client.kpis) return 0;
  return measuresForPlan(client.kpis.map((i) => i.kpi)).length * client.channels.length;
}

/** Not started (nothing entered), partial, complete (every cell the plan asks for); no plan: nothing to enter. */
export function entryStatus(cells: number, expected: number): EntryStatus {
  if (expected === 0) return "no_plan";
  if (cells === 0) return "not_started";
  return cells >= expected ? "complete" : "partial";
}

/** The ISO week of a date in Asia/Tokyo (the business calendar). */
export const tokyoWeek = currentIsoWeekKey;

export function shiftWeek(week: string, delta: number): string {
  const parsed = parseIsoWeekKey(week);
  return parsed ? isoWeekKey(addWeeks(parsed, delta)) : week;
}

/** Monday and Sunday of a week, "YYYY-MM-DD". */
export function weekDates(week: string): { start: string; end: string } {
  const parsed = parseIsoWeekKey(week);
  if (!parsed) return { start: "", end: "" };
  const jan4 = Date.UTC(parsed.year, 0, 4);
  const jan4Day = new Date(jan4).getUTCDay() || 7;
  const monday = jan4 + ((parsed.week - 1) * 7 - (jan4Day - 1)) * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { start: iso(monday), end: iso(monday + 6 * 86_400_000) };
}

export function monthOfWeek(week: string): string {
  const parsed = parseIsoWeekKey(week);
  if (!parsed) return "";
  const { year, month } = monthOfIsoWeek(parsed);
  return `${year}-${String(month).padStart(2, "0")}`;
}

export interface WeekViewRow {
  clientId: string;
  name: string;
  code: string;
  channels: KpiClientRow["channels"];
  clientStatus: ClientStatus;
  /** The operator the row is for (team view: one row per operator and client); null when none is assigned. */
  operator: { membershipId: string; name: string } | null;
  operators: { membershipId: string; name: string }[];
  status: EntryStatus;
  cells: number;
  expected: number;
  late: boolean;
  /** Minutes of the row's person (mine: the viewer; team: the row's operator), with the version to save. */
  minutes: number | null;
  hoursVersion: number;
  /** The viewer may edit these hours (their own). */
  ownHours: boolean;
  /** The plan's KPIs off track in the week's month (null: computed only for the page's rows). */
  offTrack: KpiKey[] | null;
}

export interface WeekView {
  week: string;
  month: string;
  current: string;
  view: "mine" | "team";
  rows: WeekViewRow[];
  total: number;
  counts: Record<EntryStatus | "late", number>;
  /** Operators to filter by (team view). */
  operators: { membershipId: string; name: string }[];
  /** Every client in the view, for the CSV export and the import's hint. */
  clientIds: string[];
  totalMinutes: number;
}

export async function loadWeekView(
  tx: DbOrTx,
  p: {
    agencyId: string;
    scope: ClientScope;
    membershipId: string;
    week: string;
    view: "mine" | "team";
    operator?: string;
    status?: StatusFilter;
    page: number;
    pageSize: number;
    now?: Date;
  },
): Promise<WeekView> {
  const current = tokyoWeek(p.now);
  const month = monthOfWeek(p.week);
  const clients = await listKpiClients(tx, {
    agencyId: p.agencyId,
    scope: p.scope,
    statuses: WEEK_STATUSES,
    isoWeek: p.week,
    // "Mine" for an operator is their scope; for an owner or manager, the clients they are assigned to.
    assignedTo: p.view === "mine" && p.scope.kind === "all" ? p.membershipId : undefined,
  });
  const entries = await listTimeEntries(tx, {
    agencyId: p.agencyId,
    isoWeek: p.week,
    ...(p.view === "mine" ? { membershipId: p.membershipId } : {}),
    clientIds: clients.map((c) => c.id),
  });
  const hoursOf = new Map(entries.map((e) => [`${e.membershipId}\u0000${e.clientId}`, e]));
  const past = p.week < current;

  let rows: WeekViewRow[] = [];
  const operatorNames = new Map<string, string>();
  for (const client of clients) {
    const expected = expectedCells(client);
    const status = entryStatus(client.cells, expected);
    const base = {
      clientId: client.id,
      name: client.name,
      code: client.code,
      channels: client.channels,
      clientStatus: client.status,
      operators: client.operators,
      status,
      cells: client.cells,
      expected,
      late: past && (status === "not_started" || status === "partial"),
      offTrack: null,
    };
    for (const o of client.operators) operatorNames.set(o.membershipId, o.name);
    const people: (WeekViewRow["operator"] | null)[] =
      p.view === "team" ? (client.operators.length > 0 ? client.operators : [null]) : [null];
    for (const operator of people) {
      const person = p.view === "team" ? operator?.membershipId : p.membershipId;
      const hours = person ? hoursOf.get(`${person}\u0000${client.id}`) : undefined;
      rows.push({
        ...base,
        operator,
        minutes: hours?.minutes ?? null,
        hoursVersion: hours?.version ?? 0,
        ownHours: person === p.membershipId,
      });
    }
  }
  const totalMinutes = rows.reduce((sum, r) => sum + (r.minutes ?? 0), 0);
  if (p.view === "team") {
    if (p.operator) rows = rows.filter((r) => (r.operator?.membershipId ?? "none") === p.operator);
    // By operator (unassigned last), then client.
    rows.sort(
      (a, b) =>
        Number(a.operator === null) - Number(b.operator === null) ||
        (a.operator?.name ?? "").localeCompare(b.operator?.name ?? "", "ja") ||
        (a.operator?.membershipId ?? "").localeCompare(b.operator?.membershipId ?? "") ||
        a.name.localeCompare(b.name, "ja"),
    );
  }
  const counts = { no_plan: 0, not_started: 0, partial: 0, complete: 0, late: 0 };
  for (const r of rows) {
    counts[r.status]++;
    if (r.late) counts.late++;
  }
  if (p.status) rows = rows.filter((r) => (p.status === "late" ? r.late : r.status === p.status));
  const total = rows.length;
  const page = rows.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
  await markOffTrack(tx, { agencyId: p.agencyId, month, rows: page, clients });
  return {
    week: p.week,
    month,
    current,
    view: p.view,
    rows: page,
    total,
    counts,
    operators: [...operatorNames].map(([membershipId, name]) => ({ membershipId, name })),
    clientIds: clients.map((c) => c.id),
    totalMinutes,
  };
}

/** The month's KPI table of the page's clients (batched), keeping the KPIs whose status is off track. */
async function markOffTrack(
  tx: DbOrTx,
  p: { agencyId: string; month: string; rows: WeekViewRow[]; clients: KpiClientRow[] },
) {
  const ids = new Set(p.rows.map((r) => r.clientId));
  const offTrack = await offTrackKpis(tx, {
    agencyId: p.agencyId,
    month: p.month,
    clients: p.clients.filter((c) => ids.has(c.id)),
  });
  for (const row of p.rows) row.offTrack = offTrack.get(row.clientId) ?? [];
}

/**
 * The KPIs off track in a month for several clients (three queries whatever their number); a client without a
 * plan is absent from the answer.
 */
export async function offTrackKpis(
  tx: DbOrTx,
  p: { agencyId: string; month: string; clients: readonly Pick<KpiClientRow, "id" | "kpis">[] },
): Promise<Map<string, KpiKey[]>> {
  const offTrack = new Map<string, KpiKey[]>();
  const planned = p.clients.filter((c) => c.kpis && c.kpis.length > 0);
  if (planned.length === 0) return offTrack;
  const clientIds = planned.map((c) => c.id);
  const withContribution = planned.filter((c) => c.kpis?.some((i) => i.kpi === "contribution")).map((c) => c.id);
  const [aggregates, targets, lines] = await Promise.all([
    kpiAggregates(tx, { agencyId: p.agencyId, clientIds, fromMonth: p.month, toMonth: p.month }),
    listMonthTargets(tx, { agencyId: p.agencyId, clientIds, month: p.month }),
    listBaseLines(tx, { agencyId: p.agencyId, clientIds: withContribution }),
  ]);
  const [year, month] = p.month.split("-").map(Number);
  for (const client of planned) {
    const table = kpiTable({
      month: { year: year ?? 1970, month: month ?? 1 },
      items: client.kpis ?? [],
      months: figuresByPeriod(aggregates.filter((a) => a.clientId === client.id)),
      targets: new Map(
        targets.filter((t) => t.clientId === client.id).map((t) => [targetKey(t.kpi, p.month), t.target]),
      ),
      base: baseLineFigures(lines.filter((l) => l.clientId === client.id)),
    });
    offTrack.set(
      client.id,
      table.filter((row) => row.achievement?.status === "off_track").map((row) => row.kpi),
    );
  }
  return offTrack;
}

/** The weeks from `from` to `to` (inclusive, at most `max`), oldest first. */
export function weekRange(from: string, to: string, max = 157): string[] {
  const weeks: string[] = [];
  for (let week = from; week <= to && weeks.length < max; week = shiftWeek(week, 1)) weeks.push(week);
  return weeks;
}

/** A CSV of the clients' weeks in the entry grid's shape (clients without a plan have nothing to enter). */
export async function exportKpiCsv(
  tx: DbOrTx,
  p: { agencyId: string; clients: readonly KpiClientRow[]; weeks: readonly string[] },
): Promise<string> {
  const planned = p.clients.filter((c) => c.kpis !== null);
  const entries = await listKpiEntries(tx, {
    agencyId: p.agencyId,
    clientIds: planned.map((c) => c.id),
    fromWeek: p.weeks[0] ?? "",
    toWeek: p.weeks[p.weeks.length - 1] ?? "",
  });
  const { rows, measures } = kpiCsvRowsOf(
    planned.map((c) => ({ ...c, measures: measuresForPlan((c.kpis ?? []).map((i) => i.kpi)) })),
    entries,
    p.weeks,
  );
  return toKpiCsv(rows, measures);
}
