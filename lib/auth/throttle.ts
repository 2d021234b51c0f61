/**
 * Sign-in throttling rules (pure). Failures are counted over a sliding window per account, per account and
 * address, and per address. Only failures count and nothing is locked for longer than the window, so an
 * attacker can at worst keep one account slowed — never locked out for long — and a real user coming from
 * another address is limited only by the looser per-account limit.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_LIMITS = { accountAndAddress: 5, account: 10, address: 50 } as const;

export type FailureCounts = {
  accountAndAddress: { count: number; oldest: Date | null };
  account: { count: number; oldest: Date | null };
  address: { count: number; oldest: Date | null };
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideThrottle(counts: FailureCounts, now: Date): ThrottleDecision {
  let retryAt = 0;
  for (const key of ["accountAndAddress", "account", "address"] as const) {
    const { count, oldest } = counts[key];
    if (count >= THROTTLE_LIMITS[key] && oldest) {
      retryAt = Math.max(retryAt, oldest.getTime() + THROTTLE_WINDOW_MS);
    }
  }
  if (retryAt <= now.getTime()) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((retryAt - now.getTime()) / 1000) };
}
