import { expect, test } from "./fixtures";

test.use({ as: "owner" });

test("owner sees the client list", async ({ page }) => {
  await page.goto("/clients");
  await expect(page.getByRole("heading", { name: "クライアント" })).toBeVisible();
  await page.screenshot({ path: "test-results/clients.png", fullPage: true });
});
