import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD } from "../lib/demo-accounts";
import { PRINCIPALS, type Principal, storageState } from "./fixtures";

// Signs in once per principal for the whole run. Over plain HTTP, through Auth.js's own credentials endpoint:
// the same password check and throttling as the sign-in form (which the session journeys drive in the
// browser), without a browser per principal.
for (const [who, email] of Object.entries(PRINCIPALS) as [Principal, string][]) {
  setup(`sign in as ${who}`, async ({ request }) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/" },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(302);
    expect(signIn.headers().location).not.toContain("error");
    // The session works: the account page answers with this principal's own address.
    const account = await request.get("/account", { maxRedirects: 0 });
    expect(account.status()).toBe(200);
    expect(await account.text()).toContain(email);
    await request.storageState({ path: storageState(who) });
  });
}
