import { test as setup } from "@playwright/test";
import { PRINCIPALS, type Principal, signIn, storageState } from "./fixtures";

for (const [who, email] of Object.entries(PRINCIPALS) as [Principal, string][]) {
  setup(`sign in as ${who}`, async ({ page }) => {
    await signIn(page, email);
    await page.context().storageState({ path: storageState(who) });
  });
}
