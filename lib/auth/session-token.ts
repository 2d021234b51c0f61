import { hkdfSync } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";

/*
 * Reading the Auth.js session cookie without Auth.js. `auth()` answers a page's "who is this?" by running the
 * whole session endpoint in-process: a Request, the cookie decrypted with a key derived (HKDF) afresh, the
 * callbacks, a new token encrypted with another fresh key, a Response and its JSON. The proxy did the same
 * again for every request. Here the cookie is decrypted exactly as @auth/core/jwt's `decode` does (same key
 * derivation, algorithms and clock tolerance), with the derived keys kept, and a token already seen is answered
 * from memory until it expires. Whether the user, their session version and membership still hold is checked
 * against the database on every request as before (lib/auth/viewer.ts).
 */

/** The session token's claims this app puts in it (lib/auth/config.ts `jwt` callback). */
export type SessionToken = { uid?: unknown; sid?: unknown; sv?: unknown; agencyId?: unknown; exp?: number };

const ENCRYPTION = "A256CBC-HS512";
const CLOCK_TOLERANCE_S = 15;
const COOKIE = "authjs.session-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;

/** The secrets Auth.js uses: AUTH_SECRET (or NEXTAUTH_SECRET), else the AUTH_SECRET_n rotation list. */
function secrets(): string[] {
  const single = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (single) return [single];
  return ["AUTH_SECRET_3", "AUTH_SECRET_2", "AUTH_SECRET_1"].flatMap((name) => process.env[name] ?? []);
}

type DerivedKey = { key: Uint8Array; kid: string };

// One process serves pages and runs the proxy from different bundles, so the caches live on globalThis.
type Caches = { keys: Map<string, Promise<DerivedKey>>; tokens: Map<string, SessionToken> };
const CACHES = Symbol.for("agency-portal.session-token");
const shared = globalThis as Record<symbol, Caches | undefined>;
shared[CACHES] ??= { keys: new Map(), tokens: new Map() };
const caches: Caches = shared[CACHES];

/** Tokens remembered at most; a token is a few hundred bytes, so this is a few megabytes at worst. */
const MAX_TOKENS = 5_000;

/** @auth/core/jwt's key derivation: HKDF-SHA256 of the secret, salted with the cookie's name. */
function derivedKey(secret: string, salt: string): Promise<DerivedKey> {
  const cacheKey = `${salt}\0${secret}`;
  let derived = caches.keys.get(cacheKey);
  if (!derived) {
    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
    derived = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, "sha512").then((kid) => ({ key, kid }));
    caches.keys.set(cacheKey, derived);
  }
  return derived;
}

async function decrypt(token: string, salt: string): Promise<SessionToken> {
  const candidates = await Promise.all(secrets().map((secret) => derivedKey(secret, salt)));
  const { payload } = await jwtDecrypt(
    token,
    ({ kid }) => {
      const match = kid === undefined ? candidates[0] : candidates.find((c) => c.kid === kid);
      if (!match) throw new Error("no matching decryption secret");
      return match.key;
    },
    { clockTolerance: CLOCK_TOLERANCE_S, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: [ENCRYPTION] },
  );
  return payload as SessionToken;
}

function unexpired(token: SessionToken, now: number): boolean {
  return typeof token.exp !== "number" || now < (token.exp + CLOCK_TOLERANCE_S) * 1000;
}

/** The token's claims, or null when it does not decrypt or has expired (as Auth.js: no session then). */
export async function decodeSessionToken(token: string, salt: string): Promise<SessionToken | null> {
  const cacheKey = `${salt}\0${token}`;
  const known = caches.tokens.get(cacheKey);
  if (known) {
    if (unexpired(known, Date.now())) return known;
    caches.tokens.delete(cacheKey);
  }
  let claims: SessionToken;
  try {
    claims = await decrypt(token, salt);
  } catch {
    return null;
  }
  if (caches.tokens.size >= MAX_TOKENS) {
    // Oldest first: Map keeps insertion order.
    const oldest = caches.tokens.keys().next().value;
    if (oldest !== undefined) caches.tokens.delete(oldest);
  }
  caches.tokens.set(cacheKey, claims);
  return claims;
}

/**
 * The session cookie of a request, as Auth.js finds it: `__Secure-authjs.session-token` when the site is served
 * over https (AUTH_URL, else the forwarded protocol), `authjs.session-token` otherwise, possibly split into
 * `.0`, `.1`, … chunks. Returns the token and the cookie name (the key derivation's salt).
 */
export function sessionCookieOf(
  headers: Headers,
  env: Record<string, string | undefined> = process.env,
): { token: string; name: string } | null {
  const envUrl = env.AUTH_URL ?? env.NEXTAUTH_URL;
  const protocol = envUrl ? new URL(envUrl).protocol : (headers.get("x-forwarded-proto") ?? "https");
  const name = protocol.replace(/:$/, "") === "https" ? SECURE_COOKIE : COOKIE;
  const chunks: { index: number; value: string }[] = [];
  const seen = new Set<string>();
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    const key = pair.slice(0, eq).trim();
    if (key !== name && !key.startsWith(`${name}.`)) continue;
    const suffix = key.slice(name.length + 1);
    if (key !== name && !/^\d+$/.test(suffix)) continue;
    // A name sent twice (cookies of different paths): the first one counts, as in Auth.js's cookie parser.
    if (seen.has(key)) continue;
    seen.add(key);
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // Left as it is, like Auth.js's cookie parser.
    }
    chunks.push({ index: key === name ? -1 : Number(suffix), value });
  }
  if (chunks.length === 0) return null;
  chunks.sort((a, b) => a.index - b.index);
  return { token: chunks.map((c) => c.value).join(""), name };
}

/** The request's session claims (unverified against the database), or null. */
export async function readSessionToken(headers: Headers): Promise<SessionToken | null> {
  const cookie = sessionCookieOf(headers);
  return cookie ? decodeSessionToken(cookie.token, cookie.name) : null;
}
