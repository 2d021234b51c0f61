// Monthly reports, one journey: the manager generates the month for every client (progress shown), writes the
// commentary and publishes; the client user finds it unread, opens it, downloads the PDF and the CSV; the other
// client's user sees none of it; an operator edits the commentary of an assigned client only.
import { seedId } from "../db/seed-ids";
import { expect, signIn, test } from "./fixtures";

const HANA = seedId("client:sakura:HANA"); // op1's client, and the demo client user's
const KOME = seedId("client:sakura:KOME"); // op2's client, and the other client user's

const THIS_MONTH = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date()).slice(0, 7);
const NOTE = `在庫の見直しで欠品が減りました ${Date.now()}`;

test("a month's reports from generation to the client's portal", async ({ browser }) => {
  test.slow();
  // The manager: the whole agency's month, then HANA's report.
  const manager = await browser.newPage();
  await signIn(manager, "manager@sakura.example");
  await manager.goto(`/reports?month=${THIS_MONTH}`);
  await expect(manager.getByRole("heading", { level: 1, name: "月次レポート" })).toBeVisible();
  await manager.getByRole("button", { name: "全クライアントの下書きを一括作成" }).click();
  await expect(manager.getByTestId("run-progress")).toHaveText(/(\d+) \/ \1 件完了/, { timeout: 30_000 });
  await expect(manager.getByTestId("report-row-HANA")).toContainText("下書き");

  await manager.goto(`/clients/${HANA}/reports/${THIS_MONTH}`);
  await manager.getByLabel("よかった点").fill(NOTE);
  await manager.getByRole("button", { name: "コメントを保存" }).click();
  await expect(manager.getByText("保存しました")).toBeVisible();
  await manager.reload();
  await expect(manager.getByLabel("よかった点")).toHaveValue(NOTE);
  manager.once("dialog", (dialog) => dialog.accept());
  await manager.getByRole("button", { name: "公開する" }).click();
  await expect(manager.getByText("第1版を公開しました")).toBeVisible();
  await manager.goto(`/reports?month=${THIS_MONTH}`);
  await expect(manager.getByTestId("report-row-HANA")).toContainText("公開済み");
  await manager.close();

  // HANA's user: the unread report, opened, downloaded.
  const client = await browser.newPage();
  await signIn(client, "client@sakura.example");
  await client.goto("/portal");
  const item = client.getByRole("listitem").filter({ hasText: THIS_MONTH });
  await expect(item).toContainText("未読");
  await item.getByRole("link", { name: THIS_MONTH }).click();
  await expect(client.getByRole("heading", { level: 1, name: new RegExp(`${THIS_MONTH} 月次レポート`) })).toBeVisible();
  await expect(client.getByText(NOTE)).toBeVisible();
  // Printed, the page is the report alone: its text stays, the navigation and the download links go.
  await client.emulateMedia({ media: "print" });
  await expect(client.getByText(NOTE)).toBeVisible();
  await expect(client.getByRole("navigation").first()).toBeHidden();
  await expect(client.getByRole("link", { name: "PDFをダウンロード" })).toBeHidden();
  await client.emulateMedia({ media: "screen" });
  const [pdf] = await Promise.all([
    client.waitForEvent("download"),
    client.getByRole("link", { name: "PDFをダウンロード" }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const csvResponse = await client.request.get(`/portal/reports/${THIS_MONTH}/csv`);
  expect(csvResponse.headers()["content-type"]).toContain("text/csv");
  expect(await csvResponse.text()).toMatch(/^\uFEFF?KPI,単位,/);
  const sjis = await client.request.get(`/portal/reports/${THIS_MONTH}/csv?enc=sjis`);
  expect(new TextDecoder("shift_jis").decode(await sjis.body())).toMatch(/^KPI,単位,/);
  await client.goto("/portal");
  await expect(client.getByRole("listitem").filter({ hasText: THIS_MONTH })).not.toContainText("未読");
  await client.close();

  // KOME's user: nothing of HANA's, and no draft of their own.
  const other = await browser.newPage();
  await signIn(other, "client2@sakura.example");
  await other.goto("/portal");
  await expect(other.getByText(NOTE)).toHaveCount(0);
  const draft = await other.request.get(`/portal/reports/${THIS_MONTH}`);
  expect(draft.status()).toBe(404);
  expect(await draft.text()).not.toContain(NOTE);
  await other.close();

  // KOME's operator writes KOME's draft commentary, and cannot open HANA's report.
  const operator = await browser.newPage();
  await signIn(operator, "op2@sakura.example");
  await operator.goto(`/clients/${KOME}/reports/${THIS_MONTH}`);
  await operator.getByLabel("課題").fill("レビュー数が伸び悩み");
  await operator.getByRole("button", { name: "コメントを保存" }).click();
  await expect(operator.getByText("保存しました")).toBeVisible();
  await expect(operator.getByRole("button", { name: "公開する" })).toHaveCount(0);
  const hana = await operator.request.get(`/clients/${HANA}/reports/${THIS_MONTH}`);
  expect(hana.status()).toBe(404);
  await operator.close();
});
