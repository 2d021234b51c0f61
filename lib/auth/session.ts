import "server-only";
import { headers } from "next/headers";
import { readSessionToken } from "./session-token";

export type SessionClaims = { userId: string; sessionId: string; sessionVersion: number; agencyId: string | null };

/**
 * The claims of the signed session cookie, unverified against the database (lib/auth/viewer.ts does that).
 * Read directly rather than through Auth.js's `auth()` (see session-token.ts); the same claims as its session
 * callback (lib/auth/config.ts) would give.
 */
export async function readSession(): Promise<SessionClaims | null> {
  const token = await readSessionToken(await headers());
  if (!token || typeof token.uid !== "string" || !token.uid) return null;
  return {
    userId: token.uid,
    sessionId: typeof token.sid === "string" ? token.sid : "",
    sessionVersion: typeof token.sv === "number" ? token.sv : 0,
    agencyId: typeof token.agencyId === "string" ? token.agencyId : null,
  };
}
