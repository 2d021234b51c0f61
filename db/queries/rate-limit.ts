import "server-only";
import { and, count, eq, gt, lt, min } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { rateLimitEvents } from "../schema";

/* Rate limits kept in the database (system queries: they apply before anyone is signed in). */

/** How many events the bucket had since `since`, and when the oldest of them was. */
export async function countRateLimitEvents(db: DbOrTx, p: { bucket: string; since: Date }) {
  const [row] = await db
    .select({ count: count(), oldest: min(rateLimitEvents.at) })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, p.bucket), gt(rateLimitEvents.at, p.since)));
  return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
}

export async function recordRateLimitEvent(db: DbOrTx, p: { bucket: string; at: Date }) {
  await db.insert(rateLimitEvents).values(p);
}

/** Forgets events older than any window (called now and then by the writers; keeps the table small). */
export async function pruneRateLimitEvents(db: DbOrTx, p: { before: Date }) {
  await db.delete(rateLimitEvents).where(lt(rateLimitEvents.at, p.before));
}
