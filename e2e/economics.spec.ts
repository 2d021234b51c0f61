import { seedId } from "../db/seed-ids";
import { expect, test } from "./fixtures";

// A client without P/L lines in the demo seed (the active clients have base lines for their KPI verdicts).
const MORI = seedId("client:sakura:MORI");

test.use({ as: "manager" });

test("a manager models the article's case B, switches scenario, imports a CSV and reads the top levers", async ({
  page,
}) => {
  await page.goto(`/clients/${MORI}/economics`);
  await expect(page.getByText("P/Lラインはまだありません")).toBeVisible();

  // Case B of the article: Rakuten, general goods.
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "ラインを追加" }) });
  await form.getByLabel("チャネル").selectOption("rakuten");
  await form.getByLabel("SKU・商品群").fill("雑貨B");
  await form.getByLabel("客単価").fill("5,500");
  await form.getByLabel("粗利率(%)").fill("50");
  await form.getByLabel("手数料率(%)").fill("12");
  await form.getByLabel("ポイント率(%)").fill("5");
  await form.getByLabel("送料").fill("600");
  await form.getByLabel("梱包資材").fill("60");
  await form.getByLabel("返品ロス").fill("60");
  await form.getByLabel("目標貢献利益/件").fill("1000");
  await form.getByLabel("月間注文数").fill("900");
  await form.getByLabel("CPA", { exact: true }).fill("600");
  await form.getByRole("button", { name: "ラインを追加" }).click();

  const grid = page.getByRole("table", { name: "P/Lライン" });
  const row = grid.getByRole("row").filter({ hasText: "雑貨B" });
  await expect(row).toContainText("￥495");
  await expect(row.getByTestId("orders-0")).toHaveText("910");
  await expect(row).toContainText("￥95"); // allowed CPA for a 1,000 yen target
  await expect(page.getByTestId("contribution")).toHaveText("￥495");

  // Top-3 levers for case B: AOV +500 (fee and points move with it), points −2 pt, shipping −100.
  const levers = page.getByTestId("top-levers").getByRole("listitem");
  await expect(levers).toHaveCount(3);
  await expect(levers.nth(0)).toContainText("客単価を500円上げる");
  await expect(levers.nth(0)).toContainText("￥165");
  await expect(levers.nth(1)).toContainText("ポイント率を2pt下げる");
  await expect(levers.nth(2)).toContainText("送料を100円下げる");

  // The pessimistic scenario: a lower AOV, saved in place with Enter.
  await page.getByRole("link", { name: "悲観" }).click();
  await expect(page).toHaveURL(/scenario=pessimistic/);
  const aov = grid.getByLabel("雑貨B 客単価");
  await aov.fill("5000");
  await aov.press("Enter");
  await expect(grid.getByText("保存しました。")).toBeVisible();
  // 5,000 × 50 % − (600 fee + 250 points + 600 + 60 + 60 + 600 CPA) = 330
  await expect(page.getByTestId("contribution")).toHaveText("￥330");
  await expect(row).toContainText("￥495"); // the base scenario is unchanged beside it

  // Bad input in place: a field-level message, nothing saved.
  await aov.fill("abc");
  await aov.press("Enter");
  await expect(grid.getByRole("alert")).toContainText("客単価: 数値で入力してください。");
  await expect(aov).toHaveAttribute("aria-invalid", "true");

  // Import a CSV: preview first, then all rows.
  const csv = [
    "channel,sku,scenario,aov,gross_margin_rate,fee_rate,points_rate,shipping,packaging,return_loss,other_costs,ad_mode,acos",
    'amazon,FBA品,base,4980,55,15,0,0,0,60,"FBA配送代行:430; FBA保管:70",acos,20',
  ].join("\r\n");
  await page
    .getByLabel("CSVファイル")
    .setInputFiles({ name: "pl.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`) });
  await page.getByRole("button", { name: "プレビュー" }).click();
  await expect(page.getByText("1行：新規 1・変更 0・変更なし 0・エラー 0")).toBeVisible();
  await page.getByRole("button", { name: "すべて取り込む" }).click();
  await expect(
    page.getByText("取り込みました：新規 1・変更 0・変更なし 0（足りないシナリオ 2 件は基本の値で作成）。"),
  ).toBeVisible();
  await page.getByRole("link", { name: "基本" }).click();
  await expect(grid.getByRole("row").filter({ hasText: "FBA品" })).toContainText("￥436");

  // A file with a broken row imports nothing.
  await page.getByLabel("CSVファイル").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("channel,sku,aov,gross_margin_rate,fee_rate\nrakuten,X,abc,50,12\n"),
  });
  await page.getByRole("button", { name: "プレビュー" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("客単価: 数値で入力してください。");
  await expect(page.getByRole("button", { name: "すべて取り込む" })).toBeDisabled();
});

test.describe("operators read", () => {
  test.use({ as: "operator" });
  test("an assigned operator sees the figures but no inputs", async ({ page }) => {
    await page.goto(`/clients/${seedId("client:sakura:HANA")}/economics`);
    await expect(page.getByRole("table", { name: "P/Lライン" })).toContainText("雑貨セット");
    await expect(page.getByRole("button", { name: "ラインを追加" })).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
  });
});
