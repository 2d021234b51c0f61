import { decode, encode } from "@auth/core/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, readSessionToken, sessionCookieOf } from "./session-token";

const secret = process.env.AUTH_SECRET ?? "";
const COOKIE = "authjs.session-token";
const claims = { uid: "7d5e7f5e-0000-4000-8000-000000000001", sv: 3, agencyId: "agency-1" };

const headersWith = (cookie: string, proto = "http") => new Headers({ cookie, "x-forwarded-proto": proto });

describe("session token", () => {
  it("reads what Auth.js writes, as Auth.js reads it", async () => {
    const token = await encode({ token: claims, secret, salt: COOKIE });
    const ours = await decodeSessionToken(token, COOKIE);
    expect(ours).toMatchObject(claims);
    expect(ours).toEqual(await decode({ token, secret, salt: COOKIE }));
  });

  it("answers a token it has seen from memory, and the same claims", async () => {
    const token = await encode({ token: claims, secret, salt: COOKIE });
    const first = await decodeSessionToken(token, COOKIE);
    expect(await decodeSessionToken(token, COOKIE)).toBe(first);
  });

  it("refuses a token for the other cookie name, another secret, a tampered or an expired one", async () => {
    const token = await encode({ token: claims, secret, salt: COOKIE });
    expect(await decodeSessionToken(token, `__Secure-${COOKIE}`)).toBeNull();
    const foreign = await encode({
      token: claims,
      secret: "another-secret-that-is-32-characters-long!!",
      salt: COOKIE,
    });
    expect(await decodeSessionToken(foreign, COOKIE)).toBeNull();
    const parts = token.split(".");
    parts[3] = `${parts[3]?.slice(0, -2)}AA`;
    expect(await decodeSessionToken(parts.join("."), COOKIE)).toBeNull();
    const expired = await encode({ token: claims, secret, salt: COOKIE, maxAge: -60 });
    expect(await decodeSessionToken(expired, COOKIE)).toBeNull();
    expect(await decodeSessionToken("not-a-token", COOKIE)).toBeNull();
  });

  it("finds the cookie by the site's protocol, whole or in chunks", async () => {
    expect(sessionCookieOf(headersWith(`a=1; ${COOKIE}=abc; b=2`))).toEqual({ token: "abc", name: COOKIE });
    expect(sessionCookieOf(headersWith(`${COOKIE}=abc`, "https"))).toBeNull();
    expect(sessionCookieOf(headersWith(`__Secure-${COOKIE}=xyz`, "https"))).toEqual({
      token: "xyz",
      name: `__Secure-${COOKIE}`,
    });
    expect(sessionCookieOf(headersWith(`${COOKIE}=abc`), { AUTH_URL: "https://portal.example" })).toBeNull();
    expect(sessionCookieOf(headersWith(`${COOKIE}.1=def; ${COOKIE}.0=abc`))?.token).toBe("abcdef");
    expect(sessionCookieOf(headersWith("other=1"))).toBeNull();

    const token = await encode({ token: claims, secret, salt: `__Secure-${COOKIE}` });
    const half = Math.floor(token.length / 2);
    const chunked = `__Secure-${COOKIE}.0=${token.slice(0, half)}; __Secure-${COOKIE}.1=${token.slice(half)}`;
    expect(await readSessionToken(headersWith(chunked, "https"))).toMatchObject(claims);
  });
});
