import "server-only";
import { and, asc, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { NotFoundError } from "../errors";
import { clientAssignments, clients, invites, memberships, type NewInvite, type Role, users } from "../schema";

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

/** The membership of whoever has this e-mail in the agency, if any (an invite to a member is refused). */
export async function findMembershipByEmail(db: DbOrTx, p: { agencyId: string; email: string }) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.agencyId, p.agencyId), eq(users.email, p.email)));
  return row;
}

export async function insertInvite(db: DbOrTx, invite: Omit<NewInvite, "id" | "acceptedAt" | "acceptedBy">) {
  const [row] = await db.insert(invites).values(invite).returning({ id: invites.id });
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Deletes an invite nobody has accepted yet; NotFoundError when there is none. */
export async function deleteOpenInvite(db: DbOrTx, p: { agencyId: string; inviteId: string }) {
  const [removed] = await db
    .delete(invites)
    .where(and(eq(invites.agencyId, p.agencyId), eq(invites.id, p.inviteId), isNull(invites.acceptedAt)))
    .returning({ id: invites.id, email: invites.email, role: invites.role, invitedBy: invites.invitedBy });
  if (!removed) throw new NotFoundError("invite");
  return removed;
}

/**
 * A member's new role. An operator cannot manage a client, so someone moved to operator stays on their
 * clients as an operator.
 */
export async function setMembershipRole(db: DbOrTx, p: { agencyId: string; membershipId: string; role: Role }) {
  await db
    .update(memberships)
    .set({ role: p.role })
    .where(and(eq(memberships.agencyId, p.agencyId), eq(memberships.id, p.membershipId)));
  if (p.role === "operator") {
    await db
      .update(clientAssignments)
      .set({ role: "operator" })
      .where(and(eq(clientAssignments.agencyId, p.agencyId), eq(clientAssignments.membershipId, p.membershipId)));
  }
}

export async function deleteMembership(db: DbOrTx, p: { agencyId: string; membershipId: string }) {
  await db.delete(memberships).where(and(eq(memberships.agencyId, p.agencyId), eq(memberships.id, p.membershipId)));
}

/** The client users of one client, with what a mail to them needs. */
export async function listClientUserContacts(db: DbOrTx, p: { agencyId: string; clientId: string }) {
  return db
    .select({ email: users.email, name: users.name, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.agencyId, p.agencyId), eq(memberships.clientId, p.clientId), eq(memberships.role, "client")),
    )
    .orderBy(users.email);
}
