import { type NextRequest, NextResponse } from "next/server";
import { isPublicPath } from "@/lib/auth/config";
import { readSessionToken } from "@/lib/auth/session-token";
import { contentSecurityPolicy, isForeignActionPost } from "@/lib/security-headers";

/**
 * Only a convenience: sends visitors without a valid session cookie to /login, as Auth.js's middleware did
 * (the sign-in page with the wanted URL as `callbackUrl`). Every page and action authorises again, and the
 * session named by the cookie is checked against the database there (it may have been signed out).
 *
 * Auth.js's middleware re-issued the session cookie on every request, and that copy could land after the new
 * cookie a server action had just set (sign-in, sign-out, switching the agency) and silently undo it; this
 * proxy never writes cookies. It reads the cookie the way the pages do (lib/auth/session-token.ts), which
 * remembers a token it has decrypted, so a page request decrypts it once.
 *
 * It also gives every page its Content-Security-Policy with a fresh nonce (Next puts the nonce on its own
 * inline scripts when the request carries the policy), and answers a server action posted from another site
 * with 403 rather than the framework's 500.
 */
/** Routes that answer with their own, stricter policy and their own 404 when signed out (the agency's logo). */
const OWN_POLICY_PATHS = new Set(["/branding/logo"]);

export async function proxy(request: NextRequest) {
  if (isForeignActionPost(request)) return new NextResponse("Forbidden", { status: 403 });
  if (OWN_POLICY_PATHS.has(request.nextUrl.pathname) && request.method === "GET") return NextResponse.next();
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  let response: NextResponse;
  if (isPublicPath(request.nextUrl.pathname) || (await readSessionToken(request.headers))) {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    headers.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers } });
  } else {
    // Auth.js's redirect: the request's URL (on AUTH_URL's origin when set) with the sign-in path and callbackUrl.
    const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
    const url = request.nextUrl.clone();
    const wanted = envUrl ? url.href.replace(url.origin, new URL(envUrl).origin) : url.href;
    const signIn = new URL(wanted);
    signIn.pathname = "/login";
    signIn.searchParams.set("callbackUrl", wanted);
    response = NextResponse.redirect(signIn);
  }
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // /bench-bare is the page benchmark's bare floor (app/(bench)): it measures the framework without this app's
  // work, this proxy included.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|bench-bare).*)"],
};
