import "server-only";
import { and, asc, count, eq, gt, isNull, min, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { agencies, invites, memberships, signInAttempts, users } from "../schema";

/*
 * System queries: the short, named list of queries that run outside any agency's row-level-security
 * context, because they happen before an agency is known (sign-in, sign-up, accepting an invite, loading
 * the signed-in user's memberships). Everything else goes through db/tenant.ts.
 */

export async function findUserForSignIn(db: DbOrTx, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.email, email));
  return row;
}

export async function recordSignInAttempt(
  db: DbOrTx,
  attempt: { email: string; ip: string; succeeded: boolean; at: Date },
) {
  await db.insert(signInAttempts).values(attempt);
}

export async function countRecentFailures(db: DbOrTx, params: { email: string; ip: string; since: Date }) {
  const failures = and(eq(signInAttempts.succeeded, false), gt(signInAttempts.at, params.since));
  const query = (where: ReturnType<typeof and>) =>
    db
      .select({ count: count(), oldest: min(signInAttempts.at) })
      .from(signInAttempts)
      .where(where)
      .then(([row]) => ({ count: row?.count ?? 0, oldest: row?.oldest ?? null }));
  const [accountAndAddress, account, address] = await Promise.all([
    query(and(failures, eq(signInAttempts.email, params.email), eq(signInAttempts.ip, params.ip))),
    query(and(failures, eq(signInAttempts.email, params.email))),
    query(and(failures, eq(signInAttempts.ip, params.ip))),
  ]);
  return { accountAndAddress, account, address };
}

/** Forgets an account's failures after a successful sign-in from that address. */
export async function clearFailures(db: DbOrTx, params: { email: string; ip: string }) {
  await db
    .delete(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, params.email),
        eq(signInAttempts.ip, params.ip),
        eq(signInAttempts.succeeded, false),
      ),
    );
}

/** The signed-in user and every agency they belong to; the caller picks the active one. */
export async function loadUserWithMemberships(db: DbOrTx, userId: string) {
  // One round trip (it runs on every request): the user once per membership, or once with no membership.
  const rows = await db
    .select({
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        sessionVersion: users.sessionVersion,
      },
      id: memberships.id,
      agencyId: memberships.agencyId,
      agencyName: agencies.name,
      role: memberships.role,
      clientId: memberships.clientId,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(eq(users.id, userId))
    .orderBy(asc(agencies.name));
  const user = rows[0]?.user;
  if (!user) return undefined;
  const joined = rows.flatMap(({ id, agencyId, agencyName, role, clientId }) =>
    id !== null && agencyId !== null && agencyName !== null && role !== null
      ? [{ id, agencyId, agencyName, role, clientId }]
      : [],
  );
  return { user, memberships: joined };
}

export async function findOpenInviteByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      id: invites.id,
      agencyId: invites.agencyId,
      agencyName: agencies.name,
      email: invites.email,
      role: invites.role,
      clientId: invites.clientId,
      expiresAt: invites.expiresAt,
    })
    .from(invites)
    .innerJoin(agencies, eq(agencies.id, invites.agencyId))
    .where(and(eq(invites.tokenHash, tokenHash), isNull(invites.acceptedAt)));
  return row;
}

export async function findUserIdByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id;
}

/** A user's own language choice (users are global rows, so this is a system write). */
export async function setUserLocale(db: DbOrTx, p: { userId: string; locale: "ja" | "en" }) {
  await db.update(users).set({ locale: p.locale }).where(eq(users.id, p.userId));
}

/** A new password hash; bumping session_version ends every other session of the user on its next request. */
export async function setUserPassword(db: DbOrTx, p: { userId: string; passwordHash: string }) {
  const [row] = await db
    .update(users)
    .set({ passwordHash: p.passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, p.userId))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion;
}

export async function passwordHashOf(db: DbOrTx, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash;
}

/** A round trip that touches no table: the benchmark's floor pages (scripts/bench-pages.ts) run it. */
export async function ping(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ one: number }>(sql`select 1 as one`);
  // PGlite returns { rows }, postgres-js an array of rows.
  const rows = Array.isArray(result) ? result : (result as { rows: { one: number }[] }).rows;
  return rows[0]?.one ?? 0;
}
