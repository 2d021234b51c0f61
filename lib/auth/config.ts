import type { NextAuthConfig } from "next-auth";

/** Paths anyone may open; everything else needs a session (the proxy redirects to /login). */
export const PUBLIC_PATHS = ["/login", "/signup", "/signup/confirm/", "/invite/"];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => (p.endsWith("/") ? pathname.startsWith(p) : pathname === p));
}

/**
 * The database-free half of the Auth.js configuration (lib/auth/index.ts adds the provider). The proxy and the
 * pages read the session cookie themselves (session-token.ts), giving the claims the `session` callback does;
 * pages and actions then check them against the database (lib/auth/viewer.ts).
 */
export const authConfig = {
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sessionId;
        token.sv = user.sessionVersion;
        token.agencyId = user.agencyId;
      }
      // The agency switcher asks for another active agency; membership is verified on every request anyway
      // (lib/auth/viewer.ts), so an agency the user does not belong to simply yields no access.
      if (trigger === "update" && session && typeof session.agencyId === "string") {
        token.agencyId = session.agencyId;
      }
      return token;
    },
    session({ session, token }) {
      session.userId = typeof token.uid === "string" ? token.uid : "";
      session.sessionId = typeof token.sid === "string" ? token.sid : "";
      session.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      session.agencyId = typeof token.agencyId === "string" ? token.agencyId : null;
      return session;
    },
  },
} satisfies NextAuthConfig;
