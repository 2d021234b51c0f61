import "server-only";
import type { DbOrTx } from "@/db/client";
import { countRateLimitEvents, pruneRateLimitEvents, recordRateLimitEvent } from "@/db/queries/rate-limit";

/** The limits of the public forms, per client address over a sliding window. */
export const RATE_LIMITS = {
  /** Sign-up requests (each may send a mail). */
  signUp: { limit: 10, windowMs: 60 * 60 * 1000 },
  /** Invite acceptances that failed (a wrong password for an existing account is a guess). */
  inviteAccept: { limit: 10, windowMs: 15 * 60 * 1000 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** Thrown inside an action when a limit is reached; the wrapper answers "throttled" and rolls back. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds}s`);
  }
}

/** Refuses (throws RateLimitedError) when the bucket is full; otherwise counts this attempt in it. */
export async function enforceRateLimit(db: DbOrTx, name: RateLimitName, bucket: string, now = new Date()) {
  const decision = await checkRateLimit(db, name, bucket, now);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  await countAgainstLimit(db, bucket, now);
}
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The bucket of a limit for one address; a request with no address is limited per `fallbackKey` instead. */
export function bucketOf(name: RateLimitName, address: string | null, fallbackKey: string): string {
  return address ? `${name}:ip:${address}` : `${name}:none:${fallbackKey}`;
}

export async function checkRateLimit(db: DbOrTx, name: RateLimitName, bucket: string, now = new Date()) {
  const { limit, windowMs } = RATE_LIMITS[name];
  const { count, oldest } = await countRateLimitEvents(db, { bucket, since: new Date(now.getTime() - windowMs) });
  if (count < limit || !oldest) return { allowed: true } as RateLimitDecision;
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((oldest.getTime() + windowMs - now.getTime()) / 1000)),
  } as RateLimitDecision;
}

export async function countAgainstLimit(db: DbOrTx, bucket: string, now = new Date()) {
  await recordRateLimitEvent(db, { bucket, at: now });
  // One writer in a hundred also clears what no window can see any more.
  if (Math.random() < 0.01) await pruneRateLimitEvents(db, { before: new Date(now.getTime() - 24 * 3_600_000) });
}
