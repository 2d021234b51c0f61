// The agency's margin (SPEC §9, §2), one journey and one check of who sees nothing: the owner adds a cost
// rate on the agency settings; the manager sorts the portfolio by margin %, opens the worst client's margin
// page and tries a higher monthly fee in the what-if; an operator and a client user find no trace of costs
// or margins — no link, no figure, and "not found" for every cost and margin address.
import { seedId } from "../db/seed-ids";
import { expect, signIn, test } from "./fixtures";

const HANA = seedId("client:sakura:HANA"); // op1's client, and the demo client user's

/** Last month in Tokyo: the demo seed published every active client's report for it. */
const LAST_MONTH = (() => {
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date()).split("-").map(Number);
  const d = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
})();

/** "12.3%" / "-4.0%" / "—" → basis points, or null. */
const bp = (text: string) => {
  const m = /(-?[\d,]+(?:\.\d+)?)\s*%/.exec(text.replace(/[−–]/g, "-"));
  return m?.[1] ? Math.round(Number(m[1].replace(/,/g, "")) * 100) : null;
};
/** "¥1,234,567" / "-¥1,234" → yen. */
const yen = (text: string) => Number(text.replace(/[^\d-]/g, ""));

test("an owner sets a cost rate; a manager finds the worst margin and prices it up", async ({ browser }) => {
  test.slow();
  // The owner: a rate taking effect on a date no other run used (so a retry on the same database adds its own
  // row), far enough ahead that no month anyone reads changes.
  const owner = await browser.newPage();
  await signIn(owner, "owner@sakura.example");
  await owner.goto("/agency-settings");
  const day = new Date(Date.UTC(2040, 0, 1) + (Date.now() % 3_000) * 86_400_000).toISOString().slice(0, 10);
  const form = owner.getByRole("form", { name: "単価を追加" });
  await form.getByLabel("対象").selectOption({ label: "役割: マネージャー" });
  await form.getByLabel("時間単価（円）").fill("5,400");
  await form.getByLabel("適用開始日").fill(day);
  await form.getByRole("button", { name: "単価を追加" }).click();
  await expect(owner.getByText("追加しました")).toBeVisible();
  const row = owner.getByRole("table", { name: "工数単価" }).getByRole("row").filter({ hasText: day });
  await expect(row).toContainText("役割: マネージャー");
  await expect(row).toContainText("5,400");
  await owner.reload();
  await expect(owner.getByRole("row").filter({ hasText: day })).toContainText("5,400");
  await owner.close();

  // The manager: the portfolio by margin %, lowest first.
  const manager = await browser.newPage();
  await signIn(manager, "manager@sakura.example");
  await expect(manager.getByRole("heading", { level: 1, name: "今週やること" })).toBeVisible();
  await manager.getByRole("navigation").getByRole("link", { name: "ポートフォリオ" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "ポートフォリオ" })).toBeVisible();
  await manager.getByRole("link", { name: /粗利率/ }).click();
  const table = manager.getByRole("table", { name: "ポートフォリオ" });
  await expect(table.getByRole("columnheader", { name: /粗利率/ })).toHaveAttribute("aria-sort", "ascending");
  expect(new URL(manager.url()).searchParams.get("sort")).toBe("marginBp");
  const rateColumn = await table.getByRole("columnheader").allInnerTexts();
  const rateIndex = rateColumn.findIndex((h) => h.includes("粗利率"));
  const bodyRows = table.locator("tbody tr");
  const rates = (await bodyRows.evaluateAll((trs, i) => trs.map((tr) => tr.children[i]?.textContent ?? ""), rateIndex))
    .map(bp)
    .filter((r): r is number => r !== null);
  expect(rates.length).toBeGreaterThan(1);
  expect(rates).toEqual([...rates].sort((a, b) => a - b));

  // The worst client's margin page, and a higher fee in the what-if.
  const worst = bodyRows.first().getByRole("link").first();
  const linkText = (await worst.textContent()) ?? "";
  await worst.click();
  await expect(manager).toHaveURL(/\/clients\/[^/]+\/margin\?month=\d{4}-\d\d/);
  const heading = manager.getByRole("heading", { level: 1, name: /の粗利$/ });
  await expect(heading).toBeVisible();
  expect(linkText.startsWith(((await heading.textContent()) ?? "").replace(/の粗利$/, ""))).toBe(true);
  const fee = manager.getByLabel("月額（円）");
  const current = yen(await fee.inputValue());
  const before = bp((await manager.getByTestId("what-if-rate").textContent()) ?? "");
  expect(before).not.toBeNull();
  await fee.fill(String(current + 300_000));
  await expect
    .poll(async () => bp((await manager.getByTestId("what-if-rate").textContent()) ?? "") ?? -1e9)
    .toBeGreaterThan(before ?? 0);
  await manager.getByLabel("目標粗利率（%）").fill("40");
  await expect(manager.getByTestId("fee-needed")).toContainText(/目標に必要な月額: [¥￥][\d,]+|届きません/);
  await manager.close();
});

test("an operator and a client user find no trace of costs or margins", async ({ browser }) => {
  // The manager sees the agency's margin beside last month's report of HANA (computed live, not published).
  const manager = await browser.newPage();
  await signIn(manager, "manager@sakura.example");
  await manager.goto(`/clients/${HANA}/reports/${LAST_MONTH}`);
  const section = manager.getByTestId("report-margin");
  await expect(section.getByRole("heading", { name: `代理店の粗利（${LAST_MONTH}）` })).toBeVisible();
  const labourCost = (await section.getByText("工数原価").locator("xpath=following-sibling::dd").textContent()) ?? "";
  expect(labourCost).toMatch(/[¥￥][\d,]+/);
  await manager.close();

  const denied = ["/portfolio", "/portfolio/export", `/clients/${HANA}/margin`, "/agency-settings"];
  // Words of costs and margins in what the page shows, and links to their pages.
  const traces = ["ポートフォリオ", "工数原価", "提供原価", "工数単価", "粗利率", "代理店の粗利"];
  const costLinks = 'a[href*="/margin"], a[href*="/portfolio"], a[href*="/agency-settings"]';

  const operator = await browser.newPage();
  await signIn(operator, "op1@sakura.example");
  await operator.goto(`/clients/${HANA}`);
  await expect(operator.getByRole("heading", { level: 1, name: "花みずき化粧品" })).toBeVisible();
  const operatorText = (await operator.locator("body").allInnerTexts()).join("\n");
  for (const trace of traces) expect(operatorText, trace).not.toContain(trace);
  await expect(operator.locator(costLinks)).toHaveCount(0);
  await expect(operator.getByRole("link", { name: "粗利" })).toHaveCount(0);
  await operator.goto(`/clients/${HANA}/reports/${LAST_MONTH}`);
  await expect(operator.getByRole("heading", { level: 1, name: `花みずき化粧品 · ${LAST_MONTH}` })).toBeVisible();
  await expect(operator.getByTestId("report-margin")).toHaveCount(0);
  expect(await operator.content()).not.toContain("代理店の粗利");
  for (const path of denied) expect((await operator.request.get(path)).status(), path).toBe(404);
  await operator.close();

  const client = await browser.newPage();
  await signIn(client, "client@sakura.example");
  await expect(client).toHaveURL(/\/portal$/);
  const portalText = (await client.locator("body").allInnerTexts()).join("\n");
  for (const trace of traces) expect(portalText, trace).not.toContain(trace);
  await expect(client.locator(costLinks)).toHaveCount(0);
  for (const path of denied) expect((await client.request.get(path)).status(), path).toBe(404);
  await client.goto(`/portal/reports/${LAST_MONTH}`);
  await expect(client.getByRole("heading", { level: 1, name: new RegExp(`${LAST_MONTH} 月次レポート`) })).toBeVisible();
  const reportHtml = await client.content();
  for (const secret of ["代理店の粗利", "工数原価", "提供原価", labourCost])
    expect(reportHtml, secret).not.toContain(secret);
  await client.close();
});

test("an owner brands the portal: a logo refused, one accepted and served only as an image, a colour", async ({
  browser,
}) => {
  const svg = (inner: string) =>
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">${inner}</svg>`);
  const owner = await browser.newPage();
  await signIn(owner, "owner@sakura.example");
  await owner.goto("/agency-settings");
  const upload = owner.getByRole("form", { name: "ロゴをアップロード" });
  await upload.getByLabel("ロゴファイル（PNG または SVG）").setInputFiles({
    name: "logo.svg",
    mimeType: "image/svg+xml",
    buffer: svg('<script>alert(1)</script><rect width="40" height="40"/>'),
  });
  await upload.getByRole("button", { name: "ロゴをアップロード" }).click();
  await expect(owner.getByText("このSVGには使えない要素・属性が含まれています（<script>）。")).toBeVisible();
  await upload.getByLabel("ロゴファイル（PNG または SVG）").setInputFiles({
    name: "logo.svg",
    mimeType: "image/svg+xml",
    buffer: svg('<rect width="40" height="40" fill="#e11d48"/>'),
  });
  await upload.getByRole("button", { name: "ロゴをアップロード" }).click();
  await expect(owner.getByText("ロゴを保存しました")).toBeVisible();
  const colour = owner.getByRole("form", { name: "ブランドカラー", exact: true });
  await colour.getByLabel("ブランドカラー").fill("#E11D48");
  await colour.getByRole("button", { name: "保存" }).click();
  await expect(owner.getByText("保存しました", { exact: true })).toBeVisible();

  const logo = await owner.request.get("/branding/logo");
  expect(logo.status()).toBe(200);
  expect(logo.headers()["content-type"]).toBe("image/svg+xml");
  expect(logo.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'");
  expect(logo.headers()["x-content-type-options"]).toBe("nosniff");
  await owner.close();
  // Signed out: not found (no sign-in redirect for an image).
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/branding/logo", { maxRedirects: 0 })).status()).toBe(404);
  await anonymous.close();

  // The client user's portal header carries the logo and the colour.
  const client = await browser.newPage();
  await signIn(client, "client@sakura.example");
  const header = client.getByTestId("brand-header");
  await expect(header.getByRole("img")).toHaveAttribute("src", /^\/branding\/logo\?v=[0-9a-f]{16}$/);
  await expect(header).toHaveCSS("border-left-color", "rgb(225, 29, 72)");
  expect((await client.request.get("/branding/logo")).status()).toBe(200);
  await client.close();
});
