/**
 * The security headers of every response (the security review's finding 4). The Content-Security-Policy
 * is per request: Next's own inline scripts carry the request's nonce (proxy.ts sets it), and 'strict-dynamic'
 * lets the scripts they load run, so no other script does. Styles allow inline style attributes (charts and
 * dialogs position things with them); nothing may frame the app. Pure, so the proxy and tests share it.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For responses no page renders (route handlers' JSON, files): nothing may run or frame them. */
export const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers that do not vary per request (next.config.mjs adds them to every response). */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** HSTS, sent only when the request came over https (the proxy in front says so in X-Forwarded-Proto). */
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };

/**
 * A server action posted from another site: its Origin names a host other than this request's. Next refuses
 * it too, but with a 500; the proxy answers 403 first.
 */
export function isForeignActionPost(request: { method: string; headers: Headers }): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
