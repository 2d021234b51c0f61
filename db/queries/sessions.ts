import "server-only";
import { and, asc, desc, eq, gt, isNull, lt, ne, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, preparedOnce } from "../client";
import { agencies, memberships, sessions, users } from "../schema";

/*
 * Signed-in sessions: system queries (a session belongs to a user, not to an agency, and is checked before
 * any agency is known). The tenant role has no grant on the table at all.
 */

/** How long a session lives: `idleMs` without a request, `maxAgeMs` after sign-in in any case. */
export type SessionPolicy = { idleMs: number; maxAgeMs: number };

/** Last-seen is written at most this often per session, so a busy session does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: DbOrTx,
  p: { userId: string; address: string | null; userAgent: string | null; now?: Date },
): Promise<string> {
  const at = p.now ?? new Date();
  const [row] = await db
    .insert(sessions)
    .values({
      userId: p.userId,
      address: p.address,
      userAgent: p.userAgent?.slice(0, 400) ?? null,
      createdAt: at,
      lastSeenAt: at,
    })
    .returning({ id: sessions.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/**
 * A live session: not ended, seen after `idleSince` and created after `bornAfter` (values, or a prepared
 * query's parameters).
 */
const liveSince = (idleSince: Date | SQL, bornAfter: Date | SQL) =>
  and(isNull(sessions.endedAt), gt(sessions.lastSeenAt, idleSince), gt(sessions.createdAt, bornAfter));

const live = (policy: SessionPolicy, now: Date) =>
  liveSince(new Date(now.getTime() - policy.idleMs), new Date(now.getTime() - policy.maxAgeMs));

/**
 * The session if it is still live for this user, after moving its last-seen time on (at most once a
 * minute); undefined when it ended, idled out, outlived its maximum age, or is someone else's.
 */
export async function checkLiveSession(
  db: DbOrTx,
  p: { id: string; userId: string; policy: SessionPolicy; now?: Date },
) {
  const now = p.now ?? new Date();
  const [row] = await db
    .select({ id: sessions.id, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.id, p.id), eq(sessions.userId, p.userId), live(p.policy, now)));
  if (!row) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, row.id), lt(sessions.lastSeenAt, now)));
  }
  return row;
}

/**
 * loadLiveSessionUser's query, built once per connection: every signed-in request runs it, and building its SQL
 * from the query builder each time was a measurable part of every page (about 0.3 ms). The session's liveness is
 * `liveSince` with the cut-off times as parameters. On the embedded database it also runs as a server-side
 * prepared statement (db/pglite-named.ts), which saves Postgres parsing and planning it on every request.
 */
const liveSessionUserQuery = preparedOnce("live_session_user", (db, name) =>
  db
    .select({
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        sessionVersion: users.sessionVersion,
      },
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: memberships.id,
      agencyId: memberships.agencyId,
      agencyName: agencies.name,
      role: memberships.role,
      clientId: memberships.clientId,
    })
    .from(users)
    .leftJoin(
      sessions,
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        eq(sessions.userId, users.id),
        liveSince(sql`${sql.placeholder("idleSince")}::timestamptz`, sql`${sql.placeholder("bornAfter")}::timestamptz`),
      ),
    )
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(agencies, eq(agencies.id, memberships.agencyId))
    .where(eq(users.id, sql.placeholder("userId")))
    .orderBy(asc(agencies.name))
    .prepare(name),
);

/**
 * What every signed-in request checks, in one round trip: the session if it is still live for this user
 * (as `checkLiveSession`, moving its last-seen time on at most once a minute), the user and their memberships
 * (as `loadUserWithMemberships` in db/queries/system.ts). Undefined when the user does not exist; `session` is
 * undefined when it ended, idled out, outlived its maximum age, or is someone else's.
 */
export async function loadLiveSessionUser(
  db: DbOrTx,
  p: { sessionId: string; userId: string; policy: SessionPolicy; now?: Date },
) {
  const now = p.now ?? new Date();
  const rows = await liveSessionUserQuery(db).execute({
    sessionId: p.sessionId,
    userId: p.userId,
    idleSince: new Date(now.getTime() - p.policy.idleMs).toISOString(),
    bornAfter: new Date(now.getTime() - p.policy.maxAgeMs).toISOString(),
  });
  const first = rows[0];
  if (!first) return undefined;
  const session =
    first.sessionId !== null && first.lastSeenAt !== null
      ? { id: first.sessionId, lastSeenAt: first.lastSeenAt }
      : undefined;
  if (session && now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.id, session.id), lt(sessions.lastSeenAt, now)));
  }
  const joined = rows.flatMap(({ id, agencyId, agencyName, role, clientId }) =>
    id !== null && agencyId !== null && agencyName !== null && role !== null
      ? [{ id, agencyId, agencyName, role, clientId }]
      : [],
  );
  return { session, user: first.user, memberships: joined };
}

/** The user's live sessions, most recently used first (the account page lists them). */
export async function listLiveSessions(db: DbOrTx, p: { userId: string; policy: SessionPolicy; now?: Date }) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      address: sessions.address,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, p.userId), live(p.policy, p.now ?? new Date())))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one of the user's sessions; false when it was not theirs or had already ended. */
export async function endSession(db: DbOrTx, p: { id: string; userId: string; now?: Date }): Promise<boolean> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: p.now ?? new Date() })
    .where(and(eq(sessions.id, p.id), eq(sessions.userId, p.userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every live session of a user, but `exceptId`; returns how many ended. */
export async function endUserSessions(
  db: DbOrTx,
  p: { userId: string; exceptId?: string; now?: Date },
): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: p.now ?? new Date() })
    .where(
      and(
        eq(sessions.userId, p.userId),
        isNull(sessions.endedAt),
        p.exceptId ? ne(sessions.id, p.exceptId) : sql`true`,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/** After removal from an agency: a user who belongs to no agency any more is signed out everywhere. */
export async function endSessionsOfUserWithoutAgency(db: DbOrTx, p: { userId: string; now?: Date }): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: p.now ?? new Date() })
    .where(
      and(
        eq(sessions.userId, p.userId),
        isNull(sessions.endedAt),
        sql`not exists (select 1 from memberships m where m.user_id = ${p.userId})`,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}
