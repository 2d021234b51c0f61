import { seedId } from "../db/seed-ids";
import { expect, storageState, test } from "./fixtures";

// A manager tunes a client's KPI plan and a month's target, then reads the month on the KPI page (table,
// status, verdict with its rules, charts); an operator reads the KPI page of an assigned client without
// the plan editor.

const NIJI = seedId("client:sakura:NIJI"); // an active demo client with 18 months of weekly figures
const HANA = seedId("client:sakura:HANA"); // op1's client

/** The last complete month in Asia/Tokyo (the seed's figures cover it entirely). */
function lastMonth() {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number) as [number, number];
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

test.use({ as: "manager" });

test("a manager edits the plan and a target, and the KPI page shows the month, its status and the verdict", async ({
  page,
  browser,
}) => {
  const { year, month } = lastMonth();
  const key = `${year}-${String(month).padStart(2, "0")}`;

  await page.goto(`/clients/${NIJI}/kpis/plan?year=${year}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("にじいろ雑貨店のKPIプラン");
  const editor = page.getByTestId("plan-editor");
  await expect(editor.getByTestId("plan-item-sales")).toBeVisible();

  // A threshold typed as a percent: shown with its default until changed.
  const tacos = editor.getByLabel("TACOSの上限（%）");
  await expect(tacos).toHaveAttribute("placeholder", "18");
  await tacos.fill("25");
  await editor.getByRole("button", { name: "プランを保存" }).click();
  await expect(editor.getByText("KPIプランを保存しました。")).toBeVisible();

  // Bad input: a field-level message, nothing saved.
  await tacos.fill("abc");
  await editor.getByRole("button", { name: "プランを保存" }).click();
  await expect(editor.getByText("数値を入力してください。")).toBeVisible();
  await expect(tacos).toHaveAttribute("aria-invalid", "true");
  await tacos.fill("25");

  // Last month's sales target, typed like people type money; a tiny one, so the month is surely on track.
  const targets = page.getByTestId("targets-editor");
  await expect(page.getByTestId("targets-year")).toHaveText(String(year));
  await targets.getByLabel(`売上 ${month}月の目標`).fill("¥1,000");
  await targets.getByRole("button", { name: "目標を保存" }).click();
  await expect(targets.getByText("目標を保存しました。")).toBeVisible();

  await page.goto(`/clients/${NIJI}/kpis?month=${key}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("にじいろ雑貨店のKPI");
  await expect(page.getByTestId("kpi-month")).toHaveText(`${year}年${month}月`);
  await expect(page.getByText("集計中（月の途中）")).toHaveCount(0);
  const sales = page.getByTestId("kpi-row-sales");
  await expect(sales).toContainText("￥1,000");
  await expect(sales.getByTestId("kpi-status")).toHaveText("達成");
  await expect(page.getByTestId("verdict-badge")).toHaveText(/Go|Hold|Stop/);
  await expect(page.getByTestId("rule-go.tacos")).toContainText("25%");
  await expect(page.getByTestId("monthly-contribution")).toHaveText(/￥/);

  // A rule's period-by-period table is rendered once its section is opened.
  const rule = page.getByTestId("rule-go.tacos");
  await expect(rule.getByRole("table")).toHaveCount(0);
  await rule.locator("summary").click();
  await expect(rule.getByRole("table")).toContainText("基準");
  // The channel breakdown is rendered when opened.
  await expect(page.getByTestId("channel-breakdown")).toHaveCount(0);
  await page.getByText("チャネル別", { exact: true }).click();
  await expect(page.getByTestId("channel-breakdown").getByRole("columnheader", { name: "楽天市場" })).toBeVisible();

  // The charts: one KPI at a time.
  await page.getByTestId("chart-kpi").selectOption({ label: "注文数" });
  await expect(page.getByRole("heading", { name: "注文数：直近12か月" })).toBeVisible();

  // The current month is marked in progress, and a month earlier is one click away.
  await page.goto(`/clients/${NIJI}/kpis`);
  await expect(page.getByText("集計中（月の途中）")).toBeVisible();
  await page.getByRole("link", { name: "← 前月" }).click();
  await expect(page.getByTestId("kpi-month")).toHaveText(`${year}年${month}月`);

  // The client list shows the last complete month's verdict.
  await page.goto(`/clients?q=${encodeURIComponent("にじいろ")}`);
  await expect(page.getByRole("row").filter({ hasText: "にじいろ雑貨店" })).toContainText(/Go|Hold|Stop/);

  // An operator reads an assigned client's KPI page, without the plan editor.
  const context = await browser.newContext({ storageState: storageState("operator") });
  const operator = await context.newPage();
  await operator.goto(`/clients/${HANA}/kpis`);
  await expect(operator.getByRole("heading", { level: 1 })).toHaveText("花みずき化粧品のKPI");
  await expect(operator.getByTestId("kpi-table")).toBeVisible();
  await expect(operator.getByTestId("verdict")).toBeVisible();
  await expect(operator.getByRole("link", { name: "KPIプランを編集" })).toHaveCount(0);
  await expect(operator.getByRole("link", { name: "週次入力" })).toBeVisible();
  await operator.getByText("KPIプラン（データの出所・監査・レビュー頻度）").click();
  await expect(operator.getByText("各モールの受注管理画面")).toBeVisible();
  await operator.goto(`/clients/${HANA}/kpis/plan`);
  await expect(operator.getByText("ページが見つかりません")).toBeVisible();
  await context.close();
});
