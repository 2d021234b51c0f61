import { seedId } from "../db/seed-ids";
import { expect, type Principal, test } from "./fixtures";

const HANA = seedId("client:sakura:HANA"); // op1's client, and the demo client user's
const KOME = seedId("client:sakura:KOME"); // op2's client

const PAGES = [
  "/clients",
  "/clients/new",
  `/clients/${HANA}`,
  `/clients/${KOME}`,
  "/members",
  "/audit",
  "/portal",
  "/account",
  `/clients/${HANA}/economics`,
  `/clients/${HANA}/economics/export`,
] as const;
type PagePath = (typeof PAGES)[number];

const allowed = (...paths: PagePath[]) =>
  Object.fromEntries(PAGES.map((p) => [p, paths.includes(p) ? 200 : 404])) as Record<PagePath, number>;

// SPEC §2, page by page: anything not allowed answers 404, never 403.
const STAFF_OF_SAKURA = [
  "/clients",
  "/clients/new",
  `/clients/${HANA}`,
  `/clients/${KOME}`,
  "/members",
  "/audit",
  "/account",
  `/clients/${HANA}/economics`,
  `/clients/${HANA}/economics/export`,
] as const;

// SPEC §2, page by page: anything not allowed answers 404, never 403. Operators reach their assigned
// clients only; client users only the portal; another agency's people never this agency's clients.
const MATRIX: Record<Principal, Record<PagePath, number>> = {
  owner: allowed(...STAFF_OF_SAKURA),
  manager: allowed(...STAFF_OF_SAKURA),
  operator: allowed(
    "/clients",
    `/clients/${HANA}`,
    "/account",
    `/clients/${HANA}/economics`,
    `/clients/${HANA}/economics/export`,
  ),
  operator2: allowed("/clients", `/clients/${KOME}`, "/account"),
  client: allowed("/portal", "/account"),
  otherClientUser: allowed("/portal", "/account"),
  otherOwner: allowed("/clients", "/clients/new", "/members", "/audit", "/account"),
  otherAgencyManager: allowed("/clients", "/clients/new", "/members", "/audit", "/account"),
  otherAgencyClient: allowed("/portal", "/account"),
};

for (const [who, expected] of Object.entries(MATRIX) as [Principal, Record<PagePath, number>][]) {
  test.describe(`pages as ${who}`, () => {
    test.use({ as: who });
    test(`each page answers as SPEC §2 says for ${who}`, async ({ page }) => {
      for (const path of PAGES) {
        // The CSV export is a download: ask for it without navigating.
        const response = path.endsWith("/export") ? await page.request.get(path) : await page.goto(path);
        expect(response?.status(), `${who} ${path}`).toBe(expected[path]);
      }
    });
  });
}

test("anonymous visitors are sent to sign in", async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
});

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
