import { expect, storageState, test } from "./fixtures";

test.describe("operator's client list", () => {
  test.use({ as: "operator" });
  test("shows only the assigned clients", async ({ page }) => {
    await page.goto("/clients");
    const rows = page.getByRole("row");
    await expect(page.getByRole("link", { name: "花みずき化粧品" })).toBeVisible();
    await expect(page.getByRole("link", { name: "越後米蔵" })).toHaveCount(0);
    expect(await rows.count()).toBe(1 + 4); // header + op1's four clients
  });
});

test.describe("client list state lives in the URL", () => {
  test.use({ as: "owner" });
  test("filters, sorts and keeps both in the URL", async ({ page }) => {
    await page.goto("/clients");
    await page.getByLabel("ステータス").selectOption("active");
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/status=active/);
    await expect(page.getByRole("link", { name: "花みずき化粧品" })).toBeVisible();
    await expect(page.getByRole("link", { name: "森のインテリア" })).toHaveCount(0);
    await page.getByRole("link", { name: /コード/ }).click();
    await expect(page).toHaveURL(/sort=code/);
    await expect(page).toHaveURL(/status=active/);
    const first = page.getByRole("row").nth(1);
    await expect(first).toContainText("HANA");
    await page.getByRole("link", { name: /コード/ }).click();
    await expect(page).toHaveURL(/dir=desc/);
    await expect(page.getByRole("row").nth(1)).toContainText("NIJI");
  });
});

test.describe("navigation", () => {
  test.use({ as: "owner" });
  test("a bar shows from the click on a link until the next page is on screen", async ({ page }) => {
    await page.goto("/clients");
    await expect(page.getByRole("link", { name: "花みずき化粧品" })).toBeVisible();
    // The next page's data is held back a moment, as a slow server would.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route("**/clients/**", async (route) => {
      if (route.request().headers().rsc) await held;
      await route.continue();
    });
    const bar = page.getByRole("progressbar", { name: "ページを読み込んでいます" });
    await expect(bar).toHaveCount(0);
    // The list's links are plain anchors the table navigates client-side: the document stays, only the page changes.
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await page.getByRole("link", { name: "花みずき化粧品" }).click();
    await expect(bar).toBeVisible();
    release();
    await expect(page.getByRole("heading", { level: 1, name: "花みずき化粧品" })).toBeVisible();
    await expect(bar).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });
});

test("a concurrent edit is caught, not silently overwritten", async ({ browser }) => {
  // Two tabs open the same client (the same version) before either saves.
  const open = async () => {
    const context = await browser.newContext({ locale: "ja-JP", storageState: storageState("owner") });
    const page = await context.newPage();
    await page.goto("/clients?q=UMI");
    await page.getByRole("link", { name: "海の幸ダイレクト" }).click();
    await expect(page.getByRole("heading", { name: "海の幸ダイレクト" })).toBeVisible();
    return page;
  };
  const [first, second] = await Promise.all([open(), open()]);
  await first.getByLabel("業種").fill("食品（鮮魚）");
  await first.getByRole("button", { name: "保存" }).click();
  await expect(first.getByText("保存しました。")).toBeVisible();
  await second.getByLabel("業種").fill("水産加工");
  await second.getByRole("button", { name: "保存" }).click();
  await expect(second.getByText(/ほかの人がこのデータを更新しました/)).toBeVisible();
  await second.reload();
  await expect(second.getByLabel("業種")).toHaveValue("食品（鮮魚）");
  await Promise.all([first.context().close(), second.context().close()]);
});
