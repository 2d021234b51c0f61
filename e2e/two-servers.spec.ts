// Two production servers on one Postgres database, as two instances behind a load balancer: a session made
// on one works on the other, and signing out on one ends it on both. Postgres only (PGlite is one process).
import { type ChildProcess, spawn } from "node:child_process";
import { request as playwrightRequest } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const SECOND = `http://127.0.0.1:${PORT}`;

test.describe("two instances on one database", () => {
  test.skip(!process.env.DATABASE_URL, "needs a Postgres server (DATABASE_URL): PGlite is one process");
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    // The same database the first server uses (scripts/e2e-server.mjs makes portal_e2e).
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.pathname = "/portal_e2e";
    server = spawn("node", ["scripts/server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: url.toString(), DEMO_MODE: "1", AUTH_TRUST_HOST: "true" },
      stdio: "ignore",
    });
    const http = await playwrightRequest.newContext();
    for (let i = 0; i < 120; i++) {
      const ok = await http.get(`${SECOND}/login`).then(
        (r) => r.ok(),
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await http.dispose();
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("a session made on one works on the other; signing out on one ends it on both", async ({ browser, baseURL }) => {
    // Cookies belong to a host, not a port: one browser context talks to both instances.
    const context = await browser.newContext({ locale: "ja-JP" });
    const page = await context.newPage();
    await signIn(page, "manager@sakura.example");
    const status = async (origin: string) => {
      const http = await playwrightRequest.newContext({ storageState: await context.storageState(), maxRedirects: 0 });
      const code = (await http.get(`${origin}/account`)).status();
      await http.dispose();
      return code;
    };
    expect(await status(baseURL ?? "")).toBe(200);
    expect(await status(SECOND)).toBe(200);
    const saved = await context.storageState();
    await page.goto(`${SECOND}/clients`);
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/\/login/);
    // The cookie as it was before signing out, replayed on the first instance: the session is over there too.
    const replay = await playwrightRequest.newContext({ storageState: saved, maxRedirects: 0 });
    expect((await replay.get(`${baseURL}/account`)).status()).toBe(307);
    expect((await replay.get(`${SECOND}/account`)).status()).toBe(307);
    await replay.dispose();
    await context.close();
  });
});
