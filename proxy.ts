import { type NextRequest, NextResponse } from "next/server";
import { isPublicPath } from "@/lib/auth/config";
import { readSessionToken } from "@/lib/auth/session-token";

/**
 * Only a convenience: sends visitors without a valid session cookie to /login, as Auth.js's middleware did
 * (the sign-in page with the wanted URL as `callbackUrl`). Every page and action authorises again.
 *
 * Auth.js's middleware re-issued the session cookie on every request, and that copy could land after the new
 * cookie a server action had just set (sign-in, sign-out, switching the agency) and silently undo it; this
 * proxy never writes cookies (sessions last their fixed 30 days). It reads the cookie the way the pages do
 * (lib/auth/session-token.ts), which remembers a token it has decrypted, so a page request decrypts it once.
 */
export async function proxy(request: NextRequest) {
  if (isPublicPath(request.nextUrl.pathname) || (await readSessionToken(request.headers))) return NextResponse.next();
  // Auth.js's redirect: the request's URL (on AUTH_URL's origin when set) with the sign-in path and callbackUrl.
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const url = request.nextUrl.clone();
  const wanted = envUrl ? url.href.replace(url.origin, new URL(envUrl).origin) : url.href;
  const signIn = new URL(wanted);
  signIn.pathname = "/login";
  signIn.searchParams.set("callbackUrl", wanted);
  return NextResponse.redirect(signIn);
}

export const config = {
  // /bench-bare is the page benchmark's bare floor (app/(bench)): it measures the framework without this app's
  // work, this proxy included.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|bench-bare).*)"],
};
