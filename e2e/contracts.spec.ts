import { seedId } from "../db/seed-ids";
import { expect, test } from "./fixtures";

const KOME = seedId("client:sakura:KOME");

const field = (path: string) => `[id="doc.${path}"]`;

test.describe("manager", () => {
  test.use({ as: "manager" });

  test("creates a contract with every fee kind and SLA terms, amends it, reads history, checklist and invoice", async ({
    page,
  }) => {
    await page.goto(`/clients/${KOME}/contracts`);
    await page.locator("#contract-title").fill("運営代行・広告運用契約");

    // Fees: an initial line, the monthly line, one rule of each kind, every additional fee.
    await page.getByRole("button", { name: "行を追加" }).first().click();
    await page.locator(field("fees.initialFeeLines.0.label")).fill("データ移行");
    await page.locator(field("fees.initialFeeLines.0.amount")).fill("150000");
    await page.locator(field("fees.monthlyFeeLines.0.amount")).fill("300000");
    for (const kind of ["基準額超過分 × 料率", "基準件数超過分 × 単価", "KPI達成ボーナス"]) {
      await page.getByRole("button", { name: `ルールを追加: ${kind}` }).click();
    }
    await page.locator(field("fees.performanceRules.0.baseline")).fill("3000000");
    for (const kind of ["追加モール（月額）", "カスタマイズ（時間単価）", "オプション（月額）"]) {
      await page.getByRole("button", { name: `追加費用を追加: ${kind}` }).click();
    }
    await page.locator(field("fees.additionalFees.0.monthly")).fill("30000");
    await page.getByLabel("SLAを定める").check();
    await expect(page.locator(field("sla.items.0.creditBp"))).toHaveValue("5");

    // What each rule pays on the sample figures, while typing: 5 % of (4,000,000 − 3,000,000) = 50,000.
    const preview = page.getByTestId("rule-preview");
    await expect(preview).toContainText("(￥4,000,000 − 基準 ￥3,000,000) × 5%");
    await expect(preview).toContainText("￥50,000");
    await expect(page.getByTestId("preview-total")).toContainText("￥");

    // A rate above 100 % is refused at its field; nothing is created.
    await page.locator(field("fees.performanceRules.0.rateBp")).fill("150");
    await page.getByRole("button", { name: "作成", exact: true }).click();
    await expect(page.locator(`[id="doc.fees.performanceRules.0.rateBp-error"]`)).toContainText("100%");
    await page.locator(field("fees.performanceRules.0.rateBp")).fill("5");
    await page.getByRole("button", { name: "作成", exact: true }).click();

    await page.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
    const summary = page.getByTestId("contract-summary");
    await expect(summary).toContainText("下書き");
    await expect(summary).toContainText("月額固定費 ￥300,000");

    // Amend: a higher monthly fee becomes version 2.
    await page.locator(field("fees.monthlyFeeLines.0.amount")).fill("320000");
    await page.locator("#contract-note").fill("月額を改定");
    await page.getByRole("button", { name: "変更（新しい版を作成）" }).click();
    await expect(page.getByText("第2版として保存しました。")).toBeVisible();
    await expect(summary).toContainText("月額固定費 ￥320,000");

    // History with who and when, and the difference between the two versions.
    await page.getByRole("link", { name: "変更履歴" }).click();
    await expect(page.getByTestId("version-history").getByRole("row")).toHaveCount(2);
    await expect(page.getByTestId("version-history")).toContainText("鈴木 健太");
    const diff = page.getByTestId("version-diff");
    await expect(diff).toContainText("fees.monthlyFeeLines.0.amount");
    await expect(diff).toContainText("300000");
    await expect(diff).toContainText("320000");

    // The checklist: proposed statuses with reasons, a decision with a note, printable.
    await page.goBack();
    await page.getByRole("link", { name: "10項目チェックリスト" }).click();
    const item5 = page.getByTestId("checklist-item-5");
    await expect(item5).toContainText("データの所有権とセキュリティ");
    await expect(item5).toContainText("要対応");
    await expect(item5).toContainText("データの所有権の条項がありません。");
    await expect(page.getByTestId("checklist-item-8")).toContainText("担当者の判断が必要な項目です。");
    const decide = page.getByTestId("decide-4");
    await decide.getByLabel("判断").selectOption("confirmed");
    await decide.getByLabel("根拠・メモ").fill("SLA別紙で確認");
    await decide.getByRole("button", { name: "記録する" }).click();
    await expect(page.getByTestId("checklist-item-4")).toContainText("SLA別紙で確認");
    await expect(page.getByText("完了 1/10")).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("checklist")).toBeVisible();
    await expect(decide.getByRole("button", { name: "記録する" })).toBeHidden();
    await expect(page.getByRole("link", { name: /←/ })).toBeHidden();
    await page.emulateMedia({ media: "screen" });

    // The month's qualified invoice from the contract page.
    await page.goBack();
    await page.getByRole("link", { name: "請求書" }).click();
    const invoice = page.getByTestId("invoice");
    await expect(invoice).toContainText("適格請求書");
    await expect(page.getByTestId("registration-number")).toHaveText("T1010001000001");
    await expect(invoice).toContainText("越後米蔵 御中");
    await expect(invoice).toContainText("10%対象 合計（税抜）");
    const csv = await page.request.get(`${new URL(page.url()).pathname}/csv`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain("区分,内容,計算方法,金額");
    expect(text).toContain("ご請求金額（税込）");
  });
});

test.describe("client user", () => {
  test.use({ as: "client" });

  test("sees the own contract summary and the month's invoice, and no margin or cost figures", async ({ page }) => {
    await page.goto("/portal");
    await expect(page.getByTestId("contract-summary")).toContainText("有効");
    await expect(page.getByTestId("contract-summary")).toContainText("月額固定費");
    await expect(page.getByTestId("invoice")).toContainText("適格請求書");
    await expect(page.getByTestId("invoice")).toContainText("花みずき化粧品 御中");
    const body = (await page.locator("main").textContent()) ?? "";
    for (const word of ["貢献利益", "マージン", "原価", "粗利率"]) expect(body).not.toContain(word);
    // Agency pages stay closed to them.
    const response = await page.goto(`/clients/${seedId("client:sakura:HANA")}/contracts`);
    expect(response?.status()).toBe(404);
  });
});

test.describe("operator", () => {
  test.use({ as: "operator" });

  test("reads an assigned client's terms, SLA and checklist, but no fees or invoices", async ({ page }) => {
    const hana = seedId("client:sakura:HANA");
    const contract = seedId("contract:sakura:HANA");
    await page.goto(`/clients/${hana}/contracts/${contract}`);
    await expect(page.getByTestId("contract-summary")).toContainText("SLA");
    await expect(page.getByTestId("contract-fees")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "請求書" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "変更（新しい版を作成）" })).toHaveCount(0);
    await page.getByRole("link", { name: "10項目チェックリスト" }).click();
    await expect(page.getByTestId("checklist-item-1")).toBeVisible();
    await expect(page.getByRole("button", { name: "記録する" })).toHaveCount(0);
    const invoice = await page.goto(`/clients/${hana}/contracts/${contract}/invoice/2026-01`);
    expect(invoice?.status()).toBe(404);
  });
});
