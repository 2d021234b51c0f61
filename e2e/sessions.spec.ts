import { seedId } from "../db/seed-ids";
import { expect, signIn, test } from "./fixtures";

test.describe("someone in two agencies", () => {
  test.use({ as: "owner" });
  test("switches the active one", async ({ page }) => {
    await page.goto("/clients");
    await expect(page.getByRole("link", { name: "花みずき化粧品" })).toBeVisible();
    await page.getByLabel("エージェンシー").selectOption({ label: "富士コマース合同会社" });
    // The switch lands on the manager's start page of the other agency; its client list shows its clients.
    await expect(page.getByRole("heading", { name: "今週やること" })).toBeVisible();
    await page.goto("/clients");
    await expect(page.getByRole("link", { name: "富士山麓ワイナリー", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "花みずき化粧品" })).toHaveCount(0);
    // As Fuji's manager, Sakura's clients answer not found.
    const response = await page.goto(`/clients/${seedId("client:sakura:HANA")}`);
    expect(response?.status()).toBe(404);
  });
});

test.describe("signing out", () => {
  // A session of its own: signing out ends it on the server, and the saved sessions other tests use must live.
  test("ends the session", async ({ page }) => {
    await signIn(page, "manager@fuji.example");
    await page.goto("/clients");
    await expect(page).toHaveURL(/\/clients/);
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/clients");
    await expect(page).toHaveURL(/\/login/);
  });
});

test("changing the password keeps this session and ends the others", async ({ browser }) => {
  // A user no other test signs in as: the change ends every other session of theirs.
  const signedIn = async () => {
    const page = await (await browser.newContext({ locale: "ja-JP" })).newPage();
    await signIn(page, "op1@fuji.example");
    return page;
  };
  const [here, elsewhere] = await Promise.all([signedIn(), signedIn()]);
  await here.goto("/account");
  await here.getByLabel("現在のパスワード").fill("wrong-password");
  await here.getByLabel("新しいパスワード").fill("a-brand-new-password");
  await here.getByRole("button", { name: "パスワードを変更" }).click();
  await expect(here.getByLabel("現在のパスワード")).toHaveAttribute("aria-invalid", "true");
  await here.getByLabel("現在のパスワード").fill("demo-password-2026");
  await here.getByRole("button", { name: "パスワードを変更" }).click();
  await expect(here.getByText("パスワードを変更しました。")).toBeVisible();
  await here.goto("/clients");
  await expect(here).toHaveURL(/\/clients/);
  await elsewhere.goto("/clients");
  await expect(elsewhere).toHaveURL(/\/login/);
  await Promise.all([here.context().close(), elsewhere.context().close()]);
});
