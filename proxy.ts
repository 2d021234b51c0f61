import type { NextFetchEvent, NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

const { auth } = NextAuth(authConfig);
const runAuth = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

/**
 * Only a convenience: sends anonymous visitors to /login (the `authorized` callback). Every page and action
 * authorises again.
 *
 * Auth.js re-issues the session cookie on every request it sees. Coming from here, that copy can land after
 * the new cookie a server action just set (sign-in, sign-out, switching the agency) — a prefetch in flight is
 * enough — and silently undo it. So the proxy never writes cookies; sessions last their fixed 30 days.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const response = await runAuth(request, event);
  response.headers.delete("set-cookie");
  return response;
}

export const config = {
  // /bench-bare is the page benchmark's bare floor (app/(bench)): it measures the framework without this app's
  // work, this proxy included.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|bench-bare).*)"],
};
