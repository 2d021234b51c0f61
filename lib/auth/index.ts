import "server-only";
import { cookies, headers } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createSession } from "@/db/queries/sessions";
import { loadUserWithMemberships } from "@/db/queries/system";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { clientAddressFrom } from "./client-address";
import { authConfig } from "./config";
import { verifyCredentials } from "./sign-in";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
  /** The agency to open first (after accepting an invite); ignored unless the user is a member. */
  agencyId: z.uuid().optional(),
});

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, agencyId: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const db = getDb();
        const { email, password, agencyId } = parsed.data;
        const address = clientAddressFrom(await headers());
        // Without a known address the per-address limits count per account instead: never one bucket
        // shared by every caller whose address is unknown.
        const result = await verifyCredentials(db, { email, password, ip: address ?? `unknown:${email}` });
        if (!result.ok) {
          if (result.reason === "throttled") throw new ThrottledSignIn();
          return null;
        }
        const loaded = await loadUserWithMemberships(db, result.user.id);
        // Each sign-in is a session of its own, which signing out (or an owner, or the account page) ends.
        const sessionId = await createSession(db, {
          userId: result.user.id,
          address,
          userAgent: (await headers()).get("user-agent"),
        });
        const agencies = loaded?.memberships.map((m) => m.agencyId) ?? [];
        // The interface speaks the user's saved language from the first page after sign-in.
        (await cookies()).set(LOCALE_COOKIE, result.user.locale, {
          path: "/",
          sameSite: "lax",
          maxAge: 365 * 24 * 3600,
        });
        return {
          id: result.user.id,
          sessionId,
          sessionVersion: result.user.sessionVersion,
          agencyId: agencyId && agencies.includes(agencyId) ? agencyId : (agencies[0] ?? null),
        };
      },
    }),
  ],
});
