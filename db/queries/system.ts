import "server-only";
import { and, asc, count, eq, gt, isNull, min, sql } from "drizzle-orm";
import { type DbOrTx, preparedOnce } from "../client";
import { NotFoundError } from "../errors";
import {
  agencies,
  agencyRevisions,
  invites,
  memberships,
  type Role,
  signInAttempts,
  signUpRequests,
  users,
} from "../schema";

/*
 * System queries: the short, named list of queries that run outside any agency's row-level-security
 * context, because they happen before an agency is known (sign-in, sign-up, accepting an invite, loading
 * the signed-in user's memberships), and the one read that lets a page serve what it kept without entering the
 * agency at all (the agency's revision). Everything else goes through db/tenant.ts.
 */

const revisionQuery = preparedOnce("agency_revision", (db, name) =>
  db
    .select({ revision: agencyRevisions.revision })
    .from(agencyRevisions)
    .where(eq(agencyRevisions.agencyId, sql.placeholder("agencyId")))
    .prepare(name),
);

/**
 * The agency's revision (see `agencyRevision` in db/queries/audit.ts), read outside any transaction: the first
 * statement of every page that serves figures kept per state of the agency's data (lib/actions/agency-read.ts,
 * `agencyReadKept`), so that a kept page costs this one statement instead of a tenant transaction. It reveals
 * a counter, and only for the agency of a membership the caller has already checked. Built once per connection
 * and, on the embedded database, prepared once (db/pglite-named.ts).
 */
export async function currentAgencyRevision(db: DbOrTx, p: { agencyId: string }): Promise<number> {
  const [row] = await revisionQuery(db).execute({ agencyId: p.agencyId });
  return row?.revision ?? 0;
}

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

// ─── Sign-up and accepting an invite: writes before the caller is a member of the agency ─────────────────

export async function insertUser(
  db: DbOrTx,
  user: { email: string; name: string; passwordHash: string; locale: "ja" | "en" },
): Promise<string> {
  const [row] = await db.insert(users).values(user).returning({ id: users.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function insertAgency(db: DbOrTx, agency: { name: string; slug: string }): Promise<string> {
  const [row] = await db.insert(agencies).values(agency).returning({ id: agencies.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function insertMembership(
  db: DbOrTx,
  membership: { agencyId: string; userId: string; role: Role; clientId?: string | null },
): Promise<string> {
  const [row] = await db.insert(memberships).values(membership).returning({ id: memberships.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function findMembershipOfUser(db: DbOrTx, p: { agencyId: string; userId: string }) {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.agencyId, p.agencyId), eq(memberships.userId, p.userId)));
  return row;
}

/**
 * Marks an invite used. Single use: the accepted_at guard makes a second, concurrent accept update nothing,
 * and that one answers "not found".
 */
export async function markInviteAccepted(db: DbOrTx, p: { inviteId: string; userId: string }) {
  const accepted = await db
    .update(invites)
    .set({ acceptedAt: new Date(), acceptedBy: p.userId })
    .where(and(eq(invites.id, p.inviteId), isNull(invites.acceptedAt)))
    .returning({ id: invites.id });
  if (accepted.length !== 1) throw new NotFoundError("invite");
}

/** A round trip that touches no table: the benchmark's floor pages (scripts/bench-pages.ts) run it. */
export async function ping(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ one: number }>(sql`select 1 as one`);
  // PGlite returns { rows }, postgres-js an array of rows.
  const rows = Array.isArray(result) ? result : (result as { rows: { one: number }[] }).rows;
  return rows[0]?.one ?? 0;
}

// ─── Sign-up requests: confirmed by e-mail before the agency exists ──────────────────────────────────────

export async function insertSignUpRequest(
  db: DbOrTx,
  request: {
    tokenHash: string;
    email: string;
    name: string;
    agencyName: string;
    passwordHash: string;
    locale: "ja" | "en";
    expiresAt: Date;
  },
) {
  await db.insert(signUpRequests).values(request);
}

/** A sign-up request whose link is still good: not used, not expired. */
export async function findOpenSignUpRequest(db: DbOrTx, p: { tokenHash: string; now: Date }) {
  const [row] = await db
    .select({
      id: signUpRequests.id,
      email: signUpRequests.email,
      name: signUpRequests.name,
      agencyName: signUpRequests.agencyName,
      passwordHash: signUpRequests.passwordHash,
      locale: signUpRequests.locale,
    })
    .from(signUpRequests)
    .where(
      and(
        eq(signUpRequests.tokenHash, p.tokenHash),
        isNull(signUpRequests.usedAt),
        gt(signUpRequests.expiresAt, p.now),
      ),
    );
  return row;
}

/** Single use: a second, concurrent confirmation updates nothing and answers "not found". */
export async function markSignUpRequestUsed(db: DbOrTx, p: { id: string; now: Date }) {
  const used = await db
    .update(signUpRequests)
    .set({ usedAt: p.now })
    .where(and(eq(signUpRequests.id, p.id), isNull(signUpRequests.usedAt)))
    .returning({ id: signUpRequests.id });
  if (used.length !== 1) throw new NotFoundError("sign_up_request");
}
