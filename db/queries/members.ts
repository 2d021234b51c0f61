import "server-only";
import { and, asc, count, desc, eq, gt, isNull } from "drizzle-orm";
import { NotFoundError } from "@/lib/actions/errors";
import type { DbOrTx } from "../client";
import { clients, invites, memberships, type Role, users } from "../schema";

export async function listMembers(db: DbOrTx, p: { agencyId: string }) {
  return db
    .select({
      id: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      clientId: memberships.clientId,
      clientName: clients.name,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(clients, and(eq(clients.agencyId, memberships.agencyId), eq(clients.id, memberships.clientId)))
    .where(eq(memberships.agencyId, p.agencyId))
    .orderBy(asc(memberships.role), asc(users.name));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** Staff who can be assigned to clients (managers and operators, owners too as managers). */
export async function listAssignableStaff(db: DbOrTx, p: { agencyId: string }) {
  const rows = await listMembers(db, p);
  return rows.filter((m) => m.role !== "client").map((m) => ({ id: m.id, name: m.name, role: m.role }));
}

export async function listOpenInvites(db: DbOrTx, p: { agencyId: string; now: Date }) {
  return db
    .select({
      id: invites.id,
      email: invites.email,
      role: invites.role,
      clientName: clients.name,
      expiresAt: invites.expiresAt,
      createdAt: invites.createdAt,
    })
    .from(invites)
    .leftJoin(clients, and(eq(clients.agencyId, invites.agencyId), eq(clients.id, invites.clientId)))
    .where(and(eq(invites.agencyId, p.agencyId), isNull(invites.acceptedAt), gt(invites.expiresAt, p.now)))
    .orderBy(desc(invites.createdAt));
}

export async function getMembershipOrThrow(db: DbOrTx, p: { agencyId: string; membershipId: string }) {
  const [row] = await db
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, clientId: memberships.clientId })
    .from(memberships)
    .where(and(eq(memberships.agencyId, p.agencyId), eq(memberships.id, p.membershipId)));
  if (!row) throw new NotFoundError("membership");
  return row;
}

export async function countRole(db: DbOrTx, p: { agencyId: string; role: Role }) {
  const [row] = await db
    .select({ value: count() })
    .from(memberships)
    .where(and(eq(memberships.agencyId, p.agencyId), eq(memberships.role, p.role)));
  return row?.value ?? 0;
}
