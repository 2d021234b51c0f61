import "server-only";
import { auth } from "./index";

export type SessionClaims = { userId: string; sessionId: string; sessionVersion: number; agencyId: string | null };

/** The claims of the signed session cookie, unverified against the database (lib/auth/viewer.ts does that). */
export async function readSession(): Promise<SessionClaims | null> {
  const session = await auth();
  if (!session?.userId) return null;
  return {
    userId: session.userId,
    sessionId: session.sessionId,
    sessionVersion: session.sessionVersion,
    agencyId: session.agencyId,
  };
}
