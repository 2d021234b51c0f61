// The security review's findings, re-run over plain HTTP against the production server: sessions that end
// on the server, a throttle a forged X-Forwarded-For cannot talk around, security headers on every route,
// and a foreign-origin server action refused with 4xx.
import { type APIRequestContext, type Browser, request as playwrightRequest } from "@playwright/test";
import { seedId } from "../db/seed-ids";
import { DEMO_PASSWORD } from "../lib/demo-accounts";
import { expect, signIn, test } from "./fixtures";

const HANA = seedId("client:sakura:HANA");

/** Signs in a fresh browser context and hands back its cookies for plain HTTP replays. */
async function freshSession(browser: Browser, email: string) {
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  await signIn(page, email);
  const state = await context.storageState();
  return { context, page, state };
}

async function replay(baseURL: string, state: Awaited<ReturnType<typeof freshSession>>["state"]) {
  const http = await playwrightRequest.newContext({ baseURL, storageState: state, maxRedirects: 0 });
  const page = await http.get("/account");
  const csv = await http.get(`/clients/${HANA}/economics/export`);
  const result = { page: page.status(), location: page.headers().location ?? "", csv: csv.status() };
  await http.dispose();
  return result;
}

test.describe("sessions end on the server", () => {
  test("a cookie replayed after sign-out gets the sign-in page, and the CSV export nothing", async ({
    browser,
    baseURL,
  }) => {
    const { context, page, state } = await freshSession(browser, "manager@sakura.example");
    expect(await replay(baseURL ?? "", state)).toMatchObject({ page: 200, csv: 200 });
    await page.goto("/clients");
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/\/login/);
    const after = await replay(baseURL ?? "", state);
    expect(after.page).toBe(307);
    expect(after.location).toContain("/login");
    expect(after.csv).toBe(404);
    await context.close();
  });

  test("another session is ended from the account page", async ({ browser, baseURL }) => {
    // A user no other test signs in as: every other session of theirs is ended here.
    const here = await freshSession(browser, "client2@fuji.example");
    const there = await freshSession(browser, "client2@fuji.example");
    expect((await replay(baseURL ?? "", there.state)).page).toBe(200);
    await here.page.goto("/account");
    const sessions = here.page.getByTestId("session");
    await expect(sessions.filter({ hasText: "この端末" })).toHaveCount(1);
    // End one that is not this device (every other one belongs to this user, this test's or an earlier one's).
    const others = sessions.filter({ hasNotText: "この端末" });
    const count = await others.count();
    for (let i = 0; i < count; i++) {
      await others.first().getByRole("button", { name: "終了" }).click();
      await here.page.getByRole("alertdialog").getByRole("button", { name: "終了" }).click();
      await expect(others).toHaveCount(count - i - 1);
    }
    expect((await replay(baseURL ?? "", there.state)).page).toBe(307);
    await here.page.goto("/portal");
    await expect(here.page).toHaveURL(/\/portal/);
    await Promise.all([here.context.close(), there.context.close()]);
  });
});

/** Auth.js's credentials endpoint: a sign-in over plain HTTP (what the sign-in form's action calls). */
async function signInOverHttp(http: APIRequestContext, email: string, password: string, forwardedFor?: string) {
  const { csrfToken } = (await (await http.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await http.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/clients" },
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    maxRedirects: 0,
  });
  const location = response.headers().location ?? "";
  if (location.includes("code=throttled")) return "throttled";
  if (location.includes("error=")) return "refused";
  return response.status() === 302 ? "signed-in" : `status ${response.status()}`;
}

test("the sign-in throttle holds against a forged X-Forwarded-For", async ({ baseURL }) => {
  const http = await playwrightRequest.newContext({ baseURL });
  const email = "op2@fuji.example";
  const outcomes: string[] = [];
  for (let i = 0; i < 5; i++) outcomes.push(await signInOverHttp(http, email, "wrong-password-x", `203.0.113.${i}`));
  expect(outcomes).toEqual(Array(5).fill("refused"));
  // The right password, from the same connection claiming to be somewhere else: still throttled.
  expect(await signInOverHttp(http, email, DEMO_PASSWORD, "203.0.113.7")).toBe("throttled");
  expect(await signInOverHttp(http, email, DEMO_PASSWORD)).toBe("throttled");
  await http.dispose();
});

test.describe("security headers", () => {
  test.use({ as: "owner" });
  const PATHS = [
    "/login",
    "/signup",
    "/clients",
    "/clients/new",
    `/clients/${HANA}`,
    `/clients/${HANA}/economics`,
    `/clients/${HANA}/economics/export`,
    "/members",
    "/audit",
    "/account",
    "/portal",
    "/no-such-page",
    "/api/auth/session",
    "/api/auth/csrf",
  ];

  test("every page and route handler carries them; pages a nonce policy that forbids framing", async ({ http }) => {
    for (const path of PATHS) {
      const response = await http.get(path);
      const h = response.headers();
      const where = `${path} (${response.status()})`;
      expect(h["x-content-type-options"], where).toBe("nosniff");
      expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
      expect(h["x-frame-options"], where).toBe("DENY");
      expect(h["permissions-policy"], where).toContain("camera=()");
      const csp = h["content-security-policy"] ?? "";
      expect(csp, where).toContain("frame-ancestors 'none'");
      if (path.startsWith("/api/")) expect(csp, where).toContain("default-src 'none'");
      else expect(csp, where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      // No HSTS over plain http (this test server); it is sent when the proxy in front says https.
      expect(h["strict-transport-security"], where).toBeUndefined();
    }
    const overHttps = await http.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("the app's own scripts run under the policy (the page hydrates and charts render)", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`/clients/${HANA}/economics`);
    // Recharts draws only in the browser, after hydration: a blocked script would leave no chart.
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    // A client-side navigation and a dialog (Radix) work too.
    await page.getByRole("link", { name: "← 花みずき化粧品" }).click();
    await expect(page.getByRole("heading", { name: "花みずき化粧品" })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("a server action posted from another site is refused with 403, not 500", async ({ http }) => {
    const response = await http.post("/clients", {
      headers: { "next-action": "7f".padEnd(42, "0"), origin: "https://evil.example", "content-type": "text/plain" },
      data: "[]",
    });
    expect(response.status()).toBe(403);
    const malformed = await http.post("/clients", {
      headers: { "next-action": "not-an-action", "content-type": "text/plain" },
      data: "[]",
    });
    expect(malformed.status()).toBeGreaterThanOrEqual(400);
    expect(malformed.status()).toBeLessThan(500);
  });
});
