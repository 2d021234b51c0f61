import "server-only";
import { and, asc, eq, gte, ilike, inArray, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { ClientStatus, Role } from "@/lib/options";
import type { InvoiceActuals } from "../../lib/domain/invoice";
import type { DbOrTx } from "../client";
import { FieldError, NotFoundError, onUniqueViolation } from "../errors";
import { clients, contractActuals, costRates, directCosts, memberships, timeEntries, users } from "../schema";

// ─── Cost rates ───────────────────────────────────────────────────────────────────────────────────────

export interface CostRateListRow {
  id: string;
  role: Role | null;
  membershipId: string | null;
  yenPerHour: number;
  effectiveFrom: string;
}

/** Every cost rate of the agency, oldest first within each role or person. */
export async function listCostRates(db: DbOrTx, p: { agencyId: string }): Promise<CostRateListRow[]> {
  return db
    .select({
      id: costRates.id,
      role: costRates.role,
      membershipId: costRates.membershipId,
      yenPerHour: costRates.yenPerHour,
      effectiveFrom: costRates.effectiveFrom,
    })
    .from(costRates)
    .where(eq(costRates.agencyId, p.agencyId))
    .orderBy(asc(costRates.role), asc(costRates.membershipId), asc(costRates.effectiveFrom));
}

/** Adds a rate; a second rate for the same role or person on the same day is a field error. */
export async function insertCostRate(
  db: DbOrTx,
  p: { agencyId: string; role: Role | null; membershipId: string | null; yenPerHour: number; effectiveFrom: string },
): Promise<string> {
  const [row] = await onUniqueViolation(
    db.insert(costRates).values(p).returning({ id: costRates.id }),
    p.role === null ? "cost_rates_member_day_key" : "cost_rates_role_day_key",
    () => new FieldError("effectiveFrom", "margins.errors.duplicate_rate"),
  );
  if (!row) throw new Error("cost rate not inserted");
  return row.id;
}

export async function deleteCostRate(db: DbOrTx, p: { agencyId: string; id: string }): Promise<CostRateListRow> {
  const [row] = await db
    .delete(costRates)
    .where(and(eq(costRates.agencyId, p.agencyId), eq(costRates.id, p.id)))
    .returning({
      id: costRates.id,
      role: costRates.role,
      membershipId: costRates.membershipId,
      yenPerHour: costRates.yenPerHour,
      effectiveFrom: costRates.effectiveFrom,
    });
  if (!row) throw new NotFoundError("cost_rate");
  return row;
}

// ─── Direct costs ─────────────────────────────────────────────────────────────────────────────────────

export async function listDirectCosts(db: DbOrTx, p: { agencyId: string; clientId: string; month: string }) {
  return db
    .select({ id: directCosts.id, label: directCosts.label, amount: directCosts.amount })
    .from(directCosts)
    .where(
      and(eq(directCosts.agencyId, p.agencyId), eq(directCosts.clientId, p.clientId), eq(directCosts.month, p.month)),
    )
    .orderBy(asc(directCosts.createdAt), asc(directCosts.id));
}

export async function insertDirectCost(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; month: string; label: string; amount: number },
): Promise<string> {
  const [row] = await db.insert(directCosts).values(p).returning({ id: directCosts.id });
  if (!row) throw new Error("direct cost not inserted");
  return row.id;
}

export async function deleteDirectCost(db: DbOrTx, p: { agencyId: string; clientId: string; id: string }) {
  const [row] = await db
    .delete(directCosts)
    .where(and(eq(directCosts.agencyId, p.agencyId), eq(directCosts.clientId, p.clientId), eq(directCosts.id, p.id)))
    .returning({ id: directCosts.id, month: directCosts.month, label: directCosts.label, amount: directCosts.amount });
  if (!row) throw new NotFoundError("direct_cost");
  return row;
}

// ─── Hours of a month ─────────────────────────────────────────────────────────────────────────────────

export interface MonthTimeRow {
  clientId: string;
  membershipId: string;
  role: Role;
  isoWeek: string;
  minutes: number;
}

/** The hours worked in a month (weeks counting in it), per client, member and week, with the member's role. */
export async function listMonthTime(
  db: DbOrTx,
  p: { agencyId: string; month: string; clientIds?: readonly string[] },
): Promise<MonthTimeRow[]> {
  const conditions: (SQL | undefined)[] = [eq(timeEntries.agencyId, p.agencyId), eq(timeEntries.month, p.month)];
  if (p.clientIds !== undefined) {
    if (p.clientIds.length === 0) return [];
    conditions.push(inArray(timeEntries.clientId, [...p.clientIds]));
  }
  return db
    .select({
      clientId: timeEntries.clientId,
      membershipId: timeEntries.membershipId,
      role: memberships.role,
      isoWeek: timeEntries.isoWeek,
      minutes: timeEntries.minutes,
    })
    .from(timeEntries)
    .innerJoin(
      memberships,
      and(eq(memberships.agencyId, timeEntries.agencyId), eq(memberships.id, timeEntries.membershipId)),
    )
    .where(and(...conditions));
}

/** Σ direct costs per client for a month. */
export async function directCostTotals(db: DbOrTx, p: { agencyId: string; month: string }) {
  return db
    .select({ clientId: directCosts.clientId, total: sql<number>`sum(${directCosts.amount})::bigint`.mapWith(Number) })
    .from(directCosts)
    .where(and(eq(directCosts.agencyId, p.agencyId), eq(directCosts.month, p.month)))
    .groupBy(directCosts.clientId);
}

// ─── The portfolio's aggregates ───────────────────────────────────────────────────────────────────────

export interface LabourCostRow {
  clientId: string;
  month: string;
  minutes: number;
  /** Σ per entry of minutes × the rate in force that week ÷ 60, half-up; entries without a rate count 0. */
  labourCost: number;
  /** Minutes nobody has a rate for (the margin then says "missing rate"). */
  unratedMinutes: number;
}

/**
 * Hours × the rate in force each week, in SQL, per client and month: the same rule as computeMargin
 * (lib/domain/margin.ts) — the rate with the latest effective date on or before the week's Thursday, the
 * member's own before their role's, each entry rounded half-up to the yen.
 */
export async function labourCosts(
  db: DbOrTx,
  p: { agencyId: string; fromMonth: string; toMonth: string; clientIds?: readonly string[] },
): Promise<LabourCostRow[]> {
  if (p.clientIds?.length === 0) return [];
  const clientFilter =
    p.clientIds === undefined
      ? sql``
      : sql`and te.client_id in (${sql.join(
          p.clientIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`;
  const result = await db.execute(sql`
    select te.client_id as "clientId", te.month,
      sum(te.minutes)::int as minutes,
      coalesce(sum((te.minutes::bigint * r.rate + 30) / 60) filter (where r.rate is not null), 0)::bigint
        as "labourCost",
      coalesce(sum(te.minutes) filter (where r.rate is null), 0)::int as "unratedMinutes"
    from time_entries te
    join memberships m on m.agency_id = te.agency_id and m.id = te.membership_id
    cross join lateral (select to_date(te.iso_week || '-4', 'IYYY-"W"IW-ID') as thursday) w
    cross join lateral (select coalesce(
      (select cr.yen_per_hour from cost_rates cr
        where cr.agency_id = te.agency_id and cr.membership_id = te.membership_id and cr.effective_from <= w.thursday
        order by cr.effective_from desc limit 1),
      (select cr.yen_per_hour from cost_rates cr
        where cr.agency_id = te.agency_id and cr.role = m.role and cr.effective_from <= w.thursday
        order by cr.effective_from desc limit 1)) as rate) r
    where te.agency_id = ${p.agencyId} and te.month >= ${p.fromMonth} and te.month <= ${p.toMonth} ${clientFilter}
    group by te.client_id, te.month`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  return rows.map((r) => ({
    clientId: String(r.clientId),
    month: String(r.month),
    minutes: Number(r.minutes),
    labourCost: Number(r.labourCost),
    unratedMinutes: Number(r.unratedMinutes),
  }));
}

/** Σ direct costs per client and month over a range of months. */
export async function directCostsByMonth(
  db: DbOrTx,
  p: { agencyId: string; fromMonth: string; toMonth: string; clientIds?: readonly string[] },
) {
  if (p.clientIds?.length === 0) return [];
  return db
    .select({
      clientId: directCosts.clientId,
      month: directCosts.month,
      total: sql<number>`sum(${directCosts.amount})::bigint`.mapWith(Number),
    })
    .from(directCosts)
    .where(
      and(
        eq(directCosts.agencyId, p.agencyId),
        gte(directCosts.month, p.fromMonth),
        lte(directCosts.month, p.toMonth),
        p.clientIds ? inArray(directCosts.clientId, [...p.clientIds]) : undefined,
      ),
    )
    .groupBy(directCosts.clientId, directCosts.month);
}

/** The saved actuals of several contracts over a range of months (what their invoices bill with). */
export async function listActualsByMonth(
  db: DbOrTx,
  p: { agencyId: string; contractIds: readonly string[]; fromMonth: string; toMonth: string },
): Promise<{ contractId: string; month: string; actuals: InvoiceActuals }[]> {
  if (p.contractIds.length === 0) return [];
  return db
    .select({ contractId: contractActuals.contractId, month: contractActuals.month, actuals: contractActuals.actuals })
    .from(contractActuals)
    .where(
      and(
        eq(contractActuals.agencyId, p.agencyId),
        inArray(contractActuals.contractId, [...p.contractIds]),
        gte(contractActuals.month, p.fromMonth),
        lte(contractActuals.month, p.toMonth),
      ),
    );
}

/**
 * The four measures SLA items are decided by, summed over channels per client and month straight from the
 * month roll-ups (the invoice needs nothing else of the KPI figures); a measure nobody entered is null.
 */
export async function slaMeasureSums(
  db: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; fromMonth: string; toMonth: string },
): Promise<
  {
    clientId: string;
    month: string;
    inquiries: number | null;
    answeredInTarget: number | null;
    incidents: number | null;
    resolvedInTime: number | null;
  }[]
> {
  if (p.clientIds.length === 0) return [];
  const sum = (measure: string) => sql`sum((c.value -> 'sums' ->> ${measure})::bigint)`;
  const result = await db.execute(sql`
    select r.client_id as "clientId", r.month,
      ${sum("inquiries")} as inquiries, ${sum("answered_in_target")} as "answeredInTarget",
      ${sum("incidents")} as incidents, ${sum("incidents_resolved_in_time")} as "resolvedInTime"
    from kpi_month_rollups r
    cross join lateral jsonb_each(r.figures) c
    where r.agency_id = ${p.agencyId} and r.month >= ${p.fromMonth} and r.month <= ${p.toMonth}
      and r.client_id in (${sql.join(
        p.clientIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    group by r.client_id, r.month`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    clientId: String(r.clientId),
    month: String(r.month),
    inquiries: n(r.inquiries),
    answeredInTarget: n(r.answeredInTarget),
    incidents: n(r.incidents),
    resolvedInTime: n(r.resolvedInTime),
  }));
}

/** Cost rates with the person's name (for the settings page's history). */
export async function listStaffForRates(db: DbOrTx, p: { agencyId: string }) {
  return db
    .select({ membershipId: memberships.id, role: memberships.role, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.agencyId, p.agencyId), ne(memberships.role, "client")))
    .orderBy(asc(users.name), asc(memberships.id));
}

/** The portfolio's clients (all statuses unless filtered; search by name or code), id order. */
export async function listPortfolioClients(
  db: DbOrTx,
  p: { agencyId: string; q?: string; status?: ClientStatus; ids?: readonly string[] },
) {
  if (p.ids?.length === 0) return [];
  const search = p.q ? `%${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select({ id: clients.id, name: clients.name, code: clients.code, status: clients.status })
    .from(clients)
    .where(
      and(
        eq(clients.agencyId, p.agencyId),
        search ? or(ilike(clients.name, search), ilike(clients.code, search)) : undefined,
        p.status ? eq(clients.status, p.status) : undefined,
        p.ids ? inArray(clients.id, [...p.ids]) : undefined,
      ),
    )
    .orderBy(asc(clients.name), asc(clients.id));
}
