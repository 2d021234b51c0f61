import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";

/** The demo principals (db/seed.ts) whose signed-in state auth.setup.ts saves. */
export const PRINCIPALS = {
  owner: "owner@sakura.example",
  manager: "manager@sakura.example",
  operator: "op1@sakura.example",
  operator2: "op2@sakura.example",
  client: "client@sakura.example",
  otherClientUser: "client2@sakura.example",
  otherOwner: "owner@fuji.example",
  otherAgencyManager: "manager@fuji.example",
  otherAgencyClient: "client@fuji.example",
} as const;

export type Principal = keyof typeof PRINCIPALS;

export const storageState = (who: Principal) => `e2e/.auth/${who}.json`;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/メールアドレス|Email/).fill(email);
  await page.getByLabel(/パスワード|Password/).fill(password);
  await page.getByRole("button", { name: /ログイン|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/**
 * `test` with a page already signed in as the principal named in `as` (the state auth.setup.ts saved), and
 * `http`: plain HTTP with the same session cookies and no browser, redirects not followed.
 */
export const test = base.extend<{ as: Principal | null; http: APIRequestContext }>({
  as: [null, { option: true }],
  storageState: async ({ as }, use) => {
    await use(as ? storageState(as) : { cookies: [], origins: [] });
  },
  http: async ({ playwright, as, baseURL }, use) => {
    const context = await playwright.request.newContext({
      baseURL,
      storageState: as ? storageState(as) : undefined,
      maxRedirects: 0,
    });
    await use(context);
    await context.dispose();
  },
});

export { expect };
