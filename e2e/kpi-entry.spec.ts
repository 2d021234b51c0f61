// The operator's weekly entry (SPEC §6): a week entered with the keyboard only, a block pasted from a
// spreadsheet, a conflict with the manager saving the same week in between, resolved cell by cell.
import { seedId } from "../db/seed-ids";
import { addWeeks, isoWeekKey, parseIsoWeekKey } from "../lib/domain/calendar";
import { currentIsoWeekKey } from "../lib/kpis/entry";
import { expect, storageState, test } from "./fixtures";

const NIJI = seedId("client:sakura:NIJI"); // op1's client with five channels
const path = `/clients/${NIJI}/kpis/entry`;
const thisWeek = parseIsoWeekKey(currentIsoWeekKey());
if (!thisWeek) throw new Error("no current week");
// A week long before the seed's 18 months, which no other journey touches.
const WEEK = isoWeekKey(addWeeks(thisWeek, -120));

const cell = (measure: string, channel: string) => `${measure}（${channel}）`;
const fmt = (value: number) => value.toLocaleString("en-US");

test("an operator enters a week by keyboard and paste, and resolves a conflict cell by cell", async ({ browser }) => {
  // Figures unique to this run, so a retry on the same database still changes every cell it types.
  const n = (Date.now() % 800) + 100;
  const op = await browser.newContext({ locale: "ja-JP", storageState: storageState("operator") });
  const page = await op.newPage();

  // The current week: last week's figures (from the seed) are shown under each cell for reference.
  await page.goto(`/clients/${NIJI}`);
  await page.getByRole("link", { name: "週次入力" }).click();
  await expect(page.getByRole("heading", { name: "週次入力" })).toBeVisible();
  await expect(page.getByText(/にじいろ雑貨店 · \d{4}-W\d{2}/)).toBeVisible();
  await expect(page.locator("[data-previous]").first()).toContainText(/前週 [\d,]+/);

  await page.goto(`${path}?week=${WEEK}`);
  const grid = (measure: string, channel: string) => page.getByLabel(cell(measure, channel), { exact: true });
  await expect(grid("売上", "楽天市場")).toBeVisible();

  // Keyboard only: Enter moves down, Tab moves right, arrows move; typed the way people type.
  await grid("売上", "楽天市場").focus();
  await page.keyboard.type(`¥1,${n},500`);
  await page.keyboard.press("Enter");
  await expect(grid("注文数", "楽天市場")).toBeFocused();
  await page.keyboard.type("１２３");
  await page.keyboard.press("Tab");
  await expect(grid("注文数", "Yahoo!ショッピング")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(grid("売上", "Yahoo!ショッピング")).toBeFocused();
  await expect(grid("売上", "楽天市場")).toHaveValue(`1,${n},500`);
  await expect(grid("注文数", "楽天市場")).toHaveValue("123");

  // A 2 × 2 block copied from a spreadsheet, pasted with 売上 × Yahoo! as its top-left corner.
  await grid("売上", "Yahoo!ショッピング").evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, `"${n},000"\t¥2,${n}\r\n${n}\t２０\r\n`);
  await expect(page.getByText("4個の値を貼り付けました。")).toBeVisible();
  await expect(grid("売上", "Yahoo!ショッピング")).toHaveValue(fmt(n * 1000));
  await expect(grid("売上", "Amazon")).toHaveValue(`2,${n}`);
  await expect(grid("注文数", "Yahoo!ショッピング")).toHaveValue(String(n));
  await expect(grid("注文数", "Amazon")).toHaveValue("20");

  // Meanwhile the manager opens the same week and saves first.
  const mgr = await browser.newContext({ locale: "ja-JP", storageState: storageState("manager") });
  const other = await mgr.newPage();
  await other.goto(`${path}?week=${WEEK}`);
  const theirs = (measure: string, channel: string) => other.getByLabel(cell(measure, channel), { exact: true });
  await theirs("注文数", "楽天市場").fill(String(n + 5000));
  await theirs("売上", "Qoo10").fill(String(n * 100));
  await theirs("売上", "Qoo10").press("Control+Enter");
  await expect(other.getByText(/保存しました/)).toBeVisible();
  await mgr.close();

  // The operator saves (Ctrl+Enter) and gets the conflict: both values per differing cell.
  await grid("注文数", "Amazon").focus();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByText("他の人がこの週を先に保存しました")).toBeVisible();
  const ordersRakuten = cell("注文数", "楽天市場");
  await expect(page.getByRole("button", { name: `${ordersRakuten}: 自分の値 123 を残す` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  // A cell only the manager changed takes theirs; the person's own keep theirs unless chosen otherwise.
  await expect(grid("売上", "Qoo10")).toHaveValue(fmt(n * 100));
  // Per cell: take the manager's orders on 楽天市場, keep everything else of one's own.
  await page.getByRole("button", { name: `${ordersRakuten}: 相手の値 ${fmt(n + 5000)} にする` }).click();
  await expect(grid("注文数", "楽天市場")).toHaveValue(fmt(n + 5000));
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(/保存しました（\d+件変更）/)).toBeVisible();

  // Reloaded, the week holds the resolved figures: nothing lost, nothing silently overwritten.
  await page.reload();
  await expect(grid("売上", "楽天市場")).toHaveValue(`1,${n},500`);
  await expect(grid("注文数", "楽天市場")).toHaveValue(fmt(n + 5000));
  await expect(grid("売上", "Yahoo!ショッピング")).toHaveValue(fmt(n * 1000));
  await expect(grid("売上", "Amazon")).toHaveValue(`2,${n}`);
  await expect(grid("注文数", "Yahoo!ショッピング")).toHaveValue(String(n));
  await expect(grid("注文数", "Amazon")).toHaveValue("20");
  await expect(grid("売上", "Qoo10")).toHaveValue(fmt(n * 100));
  await expect(page.getByText(/最終保存: 高橋 陽菜/)).toBeVisible();
  await op.close();
});

test.describe("bad figures", () => {
  test.use({ as: "operator" });
  test("a negative count and text in a number are refused at their cells, and nothing is saved", async ({ page }) => {
    await page.goto(`${path}?week=${isoWeekKey(addWeeks(thisWeek, -121))}`);
    const grid = (measure: string, channel: string) => page.getByLabel(cell(measure, channel), { exact: true });
    await grid("注文数", "Amazon").fill("-3");
    await grid("売上", "Amazon").fill("たくさん");
    await grid("売上", "Amazon").press("Control+Enter");
    await expect(page.getByText("2個のセルにエラーがあります。何も保存していません。")).toBeVisible();
    await expect(grid("注文数", "Amazon")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("マイナスの値は入力できません。")).toBeVisible();
    await expect(page.getByText("数値を入力してください。")).toBeVisible();
    await page.goto(`${path}?week=2025-W53`);
    await expect(page.getByText("その週はありません")).toBeVisible();
  });
});

test("a saved week moves the month's KPIs and the verdict", async ({ browser }) => {
  // HANA (op1's client) is Go for the last complete month in the demo data; advertising far above the
  // TACOS limit in that month's last week must turn it to Hold and move the month's TACOS.
  const HANA = seedId("client:sakura:HANA");
  const now = parseIsoWeekKey(currentIsoWeekKey());
  if (!now) throw new Error("no current week");
  const thursday = new Date(Date.UTC(now.year, 0, 4 + (now.week - 1) * 7));
  const lastMonth = new Date(Date.UTC(thursday.getUTCFullYear(), thursday.getUTCMonth() - 1, 1));
  const month = `${lastMonth.getUTCFullYear()}-${String(lastMonth.getUTCMonth() + 1).padStart(2, "0")}`;
  const op = await browser.newContext({ locale: "ja-JP", storageState: storageState("operator") });
  const page = await op.newPage();

  await page.goto(`/clients/${HANA}/kpis?month=${month}`);
  await expect(page.getByTestId("verdict-badge")).toContainText("Go");
  const tacos = page.getByTestId("kpi-row-tacos").getByTestId("kpi-actual");
  const before = (await tacos.textContent()) ?? "";

  // The month's last week, from the KPI page's link to the entry grid.
  await page
    .getByRole("link", { name: /週次入力/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "週次入力" })).toBeVisible();
  const adSpend = page.getByLabel("広告費（楽天市場）", { exact: true });
  await adSpend.fill("99,999,999");
  await adSpend.press("Control+Enter");
  await expect(page.getByText(/保存しました/)).toBeVisible();

  await page.goto(`/clients/${HANA}/kpis?month=${month}`);
  await expect(page.getByTestId("verdict-badge")).toContainText("Hold");
  await expect(page.getByTestId("rule-go.tacos")).toBeVisible();
  await expect(tacos).not.toHaveText(before);
  await op.close();
});
