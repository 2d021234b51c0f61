import "server-only";
import type { Database } from "@/db/client";
import { clearFailures, countRecentFailures, findUserForSignIn, recordSignInAttempt } from "@/db/queries/system";
import { dummyPasswordHash, verifyPassword } from "./password";
import { decideThrottle, THROTTLE_WINDOW_MS } from "./throttle";

export type SignInResult =
  | { ok: true; user: { id: string; sessionVersion: number; locale: "ja" | "en" } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Checks an e-mail and password, throttled per account and address with counts kept in the database. */
export async function verifyCredentials(
  db: Database,
  input: { email: string; password: string; ip: string },
  now = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const counts = await countRecentFailures(db, {
    email,
    ip: input.ip,
    since: new Date(now.getTime() - THROTTLE_WINDOW_MS),
  });
  const decision = decideThrottle(counts, now);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: decision.retryAfterSeconds };

  const user = await findUserForSignIn(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    await recordSignInAttempt(db, { email, ip: input.ip, succeeded: false, at: now });
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, { email, ip: input.ip });
  return { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion, locale: user.locale } };
}
