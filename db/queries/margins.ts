import "server-only";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Role } from "@/lib/options";
import type { DbOrTx } from "../client";
import { FieldError, NotFoundError, onUniqueViolation } from "../errors";
import { costRates, directCosts, memberships, timeEntries } from "../schema";

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
