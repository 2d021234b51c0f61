import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const stamp = Date.now().toString(36);
const OWNER = { email: `owner-${stamp}@e2e.example`, password: "owner-password-1" };

async function acceptInvite(browser: Browser, link: string, name: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("お名前").fill(name);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "参加する" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/invite"));
  return page;
}

async function invite(page: Page, email: string, role: string, client?: string): Promise<string> {
  await page.goto("/members");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("権限", { exact: true }).selectOption(role);
  if (client) await page.getByLabel("クライアント", { exact: true }).selectOption({ label: client });
  await page.getByRole("button", { name: "招待リンクを作成" }).click();
  const link = page.getByTestId("invite-link");
  await expect(link).toBeVisible();
  return link.inputValue();
}

test("a new agency signs up, adds a client, and invites an operator and a client user", async ({ page, browser }) => {
  // Sign up: a new agency and its owner.
  await page.goto("/signup");
  await page.getByLabel("エージェンシー名").fill(`テスト代行 ${stamp}`);
  await page.getByLabel("お名前").fill("山本 太郎");
  await page.getByLabel("メールアドレス").fill(OWNER.email);
  await page.getByLabel("パスワード").fill(OWNER.password);
  await page.getByRole("button", { name: "登録してはじめる" }).click();
  // The same answer for any address; the demo shows the mailed link on screen.
  await expect(page.getByText(`${OWNER.email} に確認リンクを送りました`)).toBeVisible();
  await page.getByRole("link", { name: "確認リンクを開く" }).click();
  await expect(page.getByRole("heading", { name: "登録を完了" })).toBeVisible();
  await page.getByLabel("パスワード").fill(OWNER.password);
  await page.getByRole("button", { name: "登録を完了" }).click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByText("クライアントはまだありません")).toBeVisible();

  // Field-level errors, then a client.
  await page.getByRole("link", { name: "クライアントを追加" }).first().click();
  // On a busy machine the first click can land before the form's script has attached: click until it answers.
  await expect(async () => {
    await page.getByRole("button", { name: "作成" }).click();
    await expect(page.getByLabel("クライアント名")).toHaveAttribute("aria-invalid", "true", { timeout: 2_000 });
  }).toPass();
  await expect(page.locator("#channels-error")).toContainText("1つ以上選択してください");
  await page.getByLabel("クライアント名").fill("北海道スイーツ");
  await page.getByLabel("コード").fill("HKD");
  await page.getByLabel("楽天市場").check();
  await page.getByLabel("Amazon").check();
  await page.getByRole("button", { name: "作成" }).click();
  await expect(page.getByRole("heading", { name: "北海道スイーツ" })).toBeVisible();

  // A second client that nobody assigns to the operator.
  await page.goto("/clients/new");
  await page.getByLabel("クライアント名").fill("沖縄かりゆし");
  await page.getByLabel("コード").fill("OKN");
  await page.getByLabel("Qoo10").check();
  await page.getByRole("button", { name: "作成" }).click();
  await expect(page.getByRole("heading", { name: "沖縄かりゆし" })).toBeVisible();

  // Invite an operator; they join and see no clients yet.
  const operatorLink = await invite(page, `op-${stamp}@e2e.example`, "operator");
  const operator = await acceptInvite(browser, operatorLink, "小林 オペ", "operator-password-1");
  // Operators land on their week; their client list is still empty.
  await expect(operator).toHaveURL(/\/week/);
  await operator.goto("/clients");
  await expect(operator.getByText("担当に割り当てられたクライアントはまだありません。")).toBeVisible();

  // The owner assigns the operator to the first client only.
  await page.goto("/clients");
  await page.getByRole("link", { name: "北海道スイーツ" }).click();
  await page.getByLabel(/小林 オペ/).check();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("保存しました。")).toBeVisible();

  await operator.reload();
  await expect(operator.getByRole("link", { name: "北海道スイーツ" })).toBeVisible();
  await expect(operator.getByRole("link", { name: "沖縄かりゆし" })).toHaveCount(0);
  await expect(operator.getByRole("link", { name: "クライアントを追加" })).toHaveCount(0);

  // Invite a client user bound to the first client; they land on the portal and cannot see agency pages.
  const clientLink = await invite(page, `cu-${stamp}@e2e.example`, "client", "北海道スイーツ");
  const clientUser = await acceptInvite(browser, clientLink, "加藤 クライアント", "client-password-1");
  await expect(clientUser).toHaveURL(/\/portal/);
  await expect(clientUser.getByRole("heading", { name: "北海道スイーツ 様" })).toBeVisible();
  await expect(clientUser.getByText("公開されたレポートはまだありません")).toBeVisible();
  const response = await clientUser.goto("/clients");
  expect(response?.status()).toBe(404);
  await expect(clientUser.getByText("ページが見つかりません")).toBeVisible();

  // English is one click away, and it sticks.
  await page.goto("/clients");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Clients" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: "Add client" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await Promise.all([operator.context().close(), clientUser.context().close()]);
});
