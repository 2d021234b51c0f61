import { addWeeks, isoWeekKey, isoWeekOf } from "../lib/domain/calendar";
import { expect, test } from "./fixtures";

test.use({ as: "operator" });

// The current ISO week in Tokyo, and a week some way ahead that no other journey touches.
const now = isoWeekOf(new Date(Date.now() + 9 * 3_600_000));
const CURRENT = isoWeekKey(now);
const AHEAD = isoWeekKey(addWeeks(now, 7));

test("an operator opens the week, enters hours with the keyboard, exports a CSV and imports one with a preview", async ({
  page,
}) => {
  await page.goto("/clients");
  await page.getByRole("link", { name: "今週", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`今週: ${CURRENT}`);

  // Their own clients (active, trial, onboarding), nobody else's, each with its entry status.
  const table = page.getByTestId("week-table");
  for (const name of ["花みずき化粧品", "時計工房トキ", "にじいろ雑貨店"]) await expect(table).toContainText(name);
  await expect(table).not.toContainText("越後米蔵");
  await expect(table.getByRole("link", { name: "入力する" }).first()).toHaveAttribute(
    "href",
    new RegExp(`/kpis/entry\\?week=${CURRENT}$`),
  );
  // Last week was entered in full.
  await page.getByRole("link", { name: /前の週/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(isoWeekKey(addWeeks(now, -1)));
  await expect(table.getByRole("row").filter({ hasText: "花みずき化粧品" })).toContainText("完了");

  // Hours, keyboard only, in a week ahead: Enter saves and moves to the next client's cell.
  await page.goto(`/week?week=${AHEAD}`);
  const cells = page.getByTestId("week-table").getByRole("textbox");
  const first = cells.nth(0);
  const second = cells.nth(1);
  const firstHours = (await first.inputValue()) === "1:30" ? "2" : "1.5";
  const firstShown = firstHours === "2" ? "2:00" : "1:30";
  await first.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(firstHours);
  await page.keyboard.press("Enter");
  await expect(first).toHaveValue(firstShown);
  await expect(page.getByText("保存しました")).toBeVisible();
  await expect(second).toBeFocused();
  await page.keyboard.type("-1");
  await page.keyboard.press("Enter");
  await expect(page.getByText("マイナスの時間は入力できません。")).toBeVisible();
  await expect(second).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("45分");
  await page.keyboard.press("Enter");
  await expect(second).toHaveValue("0:45");
  await page.reload();
  await expect(cells.nth(0)).toHaveValue(firstShown);
  await expect(cells.nth(1)).toHaveValue("0:45");

  // The week as a CSV in the grid's shape: a row per client and channel, blank where nothing was entered.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSVを書き出す" }).click();
  const stream = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const exported = Buffer.concat(chunks).toString("utf8");
  expect(exported).toMatch(/^\uFEFFclient_code,iso_week,channel,revenue,orders,/);
  expect(exported).toContain(`HANA,${AHEAD},rakuten,`);
  expect(exported).not.toContain("KOME");

  // Fill in HANA's Rakuten orders; a row for another operator's client is refused by name, nothing is written.
  const header = exported.replace(/^\uFEFF/, "").split("\r\n")[0] ?? "";
  const columns = header.split(",");
  const row = (code: string, channel: string, values: Record<string, string>) =>
    columns.map((c, i) => (i === 0 ? code : i === 1 ? AHEAD : i === 2 ? channel : (values[c] ?? ""))).join(",");
  const good = row("HANA", "rakuten", { orders: "123", revenue: "1,234,500" }).replace("1,234,500", '"1,234,500"');
  const file = page.getByLabel("CSVファイル");
  await file.setInputFiles({
    name: "week.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([header, good, row("KOME", "rakuten", { orders: "1" })].join("\r\n")),
  });
  await page.getByRole("button", { name: "プレビュー" }).click();
  const preview = page.getByTestId("kpi-import-preview");
  await expect(preview).toContainText("行3: クライアント「KOME」は入力できません");
  await expect(page.getByRole("button", { name: "すべて取り込む" })).toBeDisabled();

  await file.setInputFiles({
    name: "week.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([header, good].join("\r\n")),
  });
  await page.getByRole("button", { name: "プレビュー" }).click();
  await expect(preview).toContainText("花みずき化粧品");
  await expect(page.getByText(/1行：新規 [01]・変更 0・変更なし [01]・エラー 0/)).toBeVisible();
  await page.getByRole("button", { name: "すべて取り込む" }).click();
  await expect(page.getByText(/取り込みました/)).toBeVisible();
  // HANA now has part of the week entered.
  await expect(page.getByTestId("week-table").getByRole("row").filter({ hasText: "花みずき化粧品" })).toContainText(
    "入力中",
  );
});
