// The page access matrix of SPEC §2 over plain HTTP: one request per route and principal, with the session
// cookies auth.setup.ts saved. What a browser adds (scripts, hydration) has no say in who may open a page,
// so the browser is kept for the user journeys.
import { seedId } from "../db/seed-ids";
import { expect, type Principal, test } from "./fixtures";

const HANA = seedId("client:sakura:HANA"); // op1's client, and the demo client user's
const KOME = seedId("client:sakura:KOME"); // op2's client
const HANA_CONTRACT = `/clients/${HANA}/contracts/${seedId("contract:sakura:HANA")}`;

/** Last month in Tokyo: the demo seed published every active client's report for it. */
const LAST_MONTH = (() => {
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date()).split("-").map(Number);
  const d = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 2, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
})();

/** The page's own heading, as the server renders it. */
const h1 = (text: string) => new RegExp(`<h1[^>]*>${text}</h1>`);

type Route = { path: string; shows: RegExp; csv?: true };

/** One line per route: where it is, and what in the response proves it is the real page. */
const ROUTES = {
  clients: { path: "/clients", shows: h1("クライアント") },
  newClient: { path: "/clients/new", shows: h1("クライアントを追加") },
  hana: { path: `/clients/${HANA}`, shows: h1("花みずき化粧品") },
  kome: { path: `/clients/${KOME}`, shows: h1("越後米蔵") },
  // Contracts (SPEC §2, §4, §8): terms and the checklist for the client's staff; fees and invoices for owners and
  // managers only.
  hanaContracts: { path: `/clients/${HANA}/contracts`, shows: h1("契約") },
  hanaContract: { path: HANA_CONTRACT, shows: h1("運営代行契約") },
  hanaChecklist: { path: `${HANA_CONTRACT}/checklist`, shows: h1("契約チェックリスト（10項目）") },
  hanaInvoice: { path: `${HANA_CONTRACT}/invoice/${LAST_MONTH}`, shows: h1(`請求書 ${LAST_MONTH}`) },
  members: { path: "/members", shows: h1("メンバー") },
  audit: { path: "/audit", shows: h1("監査ログ") },
  portal: { path: "/portal", shows: h1("[^<]+ 様") },
  account: { path: "/account", shows: h1("アカウント") },
  hanaEconomics: {
    path: `/clients/${HANA}/economics`,
    shows: /<h1[^>]*>ユニットエコノミクス<\/h1><p[^>]*>花みずき化粧品 の/,
  },
  hanaExport: { path: `/clients/${HANA}/economics/export`, shows: /^\uFEFF?channel,sku,[\s\S]*雑貨セット/, csv: true },
  hanaKpis: { path: `/clients/${HANA}/kpis`, shows: h1("花みずき化粧品のKPI") },
  hanaKpiPlan: { path: `/clients/${HANA}/kpis/plan`, shows: h1("花みずき化粧品のKPIプラン") },
  komeKpis: { path: `/clients/${KOME}/kpis`, shows: h1("越後米蔵のKPI") },
  hanaKpiEntry: { path: `/clients/${HANA}/kpis/entry`, shows: /<h1[^>]*>週次入力<\/h1><p[^>]*>花みずき化粧品 · / },
  week: { path: "/week", shows: /<h1[^>]*>今週: \d{4}-W\d{2}[^<]*<\/h1>/ },
  weekExport: { path: "/week/export", shows: /^\uFEFF?client_code,iso_week,channel/, csv: true },
  hanaKpiExport: {
    path: `/clients/${HANA}/kpis/export`,
    shows: /^\uFEFF?client_code,iso_week,channel,revenue,[\s\S]*\r\nHANA,\d{4}-W\d{2},rakuten,\d/,
    csv: true,
  },
  komeKpiExport: {
    path: `/clients/${KOME}/kpis/export`,
    shows: /^\uFEFF?client_code,iso_week,channel,revenue,[\s\S]*\r\nKOME,\d{4}-W\d{2},rakuten,\d/,
    csv: true,
  },
  reports: { path: "/reports", shows: h1("月次レポート") },
  hanaReport: { path: `/clients/${HANA}/reports/${LAST_MONTH}`, shows: h1(`花みずき化粧品 · ${LAST_MONTH}`) },
  hanaReportCsv: { path: `/clients/${HANA}/reports/${LAST_MONTH}/csv`, shows: /^\uFEFF?KPI,単位,/, csv: true },
  // A client user's own report of the month (HANA's, KOME's, Fuji's first client's): never another client's.
  portalReport: { path: `/portal/reports/${LAST_MONTH}`, shows: /<h1[^>]*>[^<]+ 様 \d{4}-\d\d 月次レポート<\/h1>/ },
  portalReportCsv: { path: `/portal/reports/${LAST_MONTH}/csv`, shows: /^\uFEFF?KPI,単位,/, csv: true },
  // Costs and margins (SPEC §2, §9): owners and managers only.
  portfolio: { path: "/portfolio", shows: h1("ポートフォリオ") },
  portfolioExport: { path: "/portfolio/export", shows: /^\uFEFF?client_code,client_name,month,monthly_fee/, csv: true },
  hanaMargin: { path: `/clients/${HANA}/margin`, shows: h1("花みずき化粧品の粗利") },
  // The agency's settings, cost rates among them: owners only.
  agencySettings: { path: "/agency-settings", shows: /<h2[^>]*>工数単価<\/h2>/ },
} satisfies Record<string, Route>;
type RouteName = keyof typeof ROUTES;

/**
 * What a denied answer must not carry: the demo data's clients, members' addresses, P/L lines and the CSV's
 * header. (A signed-in 404 keeps the app's shell, which shows the viewer's own name and agencies.)
 */
const PROTECTED = [
  ...["花みずき化粧品", "越後米蔵", "時計工房トキ", "森のインテリア", "海の幸ダイレクト", "ソラアパレル"],
  ...["にじいろ雑貨店", "雪国ペットフード", "富士山麓ワイナリー", "駿河茶舗", "甲斐ジュエリー"],
  ...["@sakura.example", "@fuji.example"],
  ...["高粗利・軽量品", "雑貨セット", "まとめ買いパック", "FBA定番品", "channel,sku"],
  ...["client_code,iso_week", "HANA,", "KOME,"],
  "月次レポート</h1>",
];

const allowed = (...names: RouteName[]) => new Set<RouteName>(names);

const STAFF_OF_SAKURA = allowed(
  "clients",
  "newClient",
  "hana",
  "kome",
  "members",
  "audit",
  "account",
  "hanaEconomics",
  "hanaExport",
  "hanaKpis",
  "hanaKpiPlan",
  "komeKpis",
  "hanaKpiEntry",
  "week",
  "weekExport",
  "hanaKpiExport",
  "komeKpiExport",
  "reports",
  "hanaReport",
  "hanaReportCsv",
  "portfolio",
  "portfolioExport",
  "hanaMargin",
  "hanaContracts",
  "hanaContract",
  "hanaChecklist",
  "hanaInvoice",
);

// SPEC §2, page by page: anything not allowed answers 404, never 403. Operators reach their assigned
// clients only; client users only the portal; another agency's people never this agency's clients.
const MATRIX: Record<Principal, Set<RouteName>> = {
  owner: new Set<RouteName>([...STAFF_OF_SAKURA, "agencySettings"]),
  manager: STAFF_OF_SAKURA,
  // Operators read the KPI page of their clients, enter their weeks and hours; the plan editor is for owners
  // and managers.
  operator: allowed(
    "clients",
    "hana",
    "account",
    "hanaEconomics",
    "hanaExport",
    "hanaKpis",
    "hanaKpiEntry",
    "week",
    "weekExport",
    "hanaKpiExport",
    "reports",
    "hanaReport",
    "hanaReportCsv",
    "hanaContracts",
    "hanaContract",
    "hanaChecklist",
  ),
  operator2: allowed("clients", "kome", "account", "komeKpis", "week", "weekExport", "komeKpiExport", "reports"),
  client: allowed("portal", "account", "portalReport", "portalReportCsv"),
  otherClientUser: allowed("portal", "account", "portalReport", "portalReportCsv"),
  otherOwner: allowed(
    "clients",
    "newClient",
    "members",
    "audit",
    "account",
    "week",
    "weekExport",
    "reports",
    "portfolio",
    "portfolioExport",
    "agencySettings",
  ),
  otherAgencyManager: allowed(
    "clients",
    "newClient",
    "members",
    "audit",
    "account",
    "week",
    "weekExport",
    "reports",
    "portfolio",
    "portfolioExport",
  ),
  otherAgencyClient: allowed("portal", "account", "portalReport", "portalReportCsv"),
};

for (const [who, may] of Object.entries(MATRIX) as [Principal, Set<RouteName>][]) {
  test.describe(`as ${who}`, () => {
    test.use({ as: who });
    for (const [name, route] of Object.entries(ROUTES) as [RouteName, Route][]) {
      const status = may.has(name) ? 200 : 404;
      test(`${route.path} answers ${status}`, async ({ http }) => {
        const response = await http.get(route.path);
        const body = await response.text();
        expect(response.status(), `${who} ${route.path}`).toBe(status);
        if (status === 200) {
          expect(body, "the real page").toMatch(route.shows);
          if (route.csv) expect(response.headers()["content-type"]).toContain("text/csv");
          return;
        }
        // A route handler's 404 is empty; a page's is the not-found page.
        if (route.csv) expect(body, "the not-found answer").toBe("");
        else expect(body, "the not-found answer").toContain("ページが見つかりません");
        expect(body).not.toMatch(route.shows);
        for (const secret of PROTECTED) expect(body, "nothing of the protected data").not.toContain(secret);
      });
    }
  });
}

// Another agency's week and its CSV are their own: nothing of this agency's clients or figures.
for (const who of ["otherOwner", "otherAgencyManager", "operator2"] as const) {
  test.describe(`the week as ${who}`, () => {
    test.use({ as: who });
    test("shows only the member's own clients", async ({ http }) => {
      const page = await (await http.get("/week")).text();
      const csv = await (await http.get("/week/export")).text();
      const foreign =
        who === "operator2" ? ["花みずき化粧品", "HANA,"] : ["花みずき化粧品", "越後米蔵", "HANA,", "KOME,"];
      for (const secret of foreign) {
        expect(page).not.toContain(secret);
        expect(csv).not.toContain(secret);
      }
    });
  });
}

// The front door: owners and managers get the start page; operators their week; client users the portal.
for (const [who, where] of [
  ["owner", null],
  ["manager", null],
  ["operator", "/week"],
  ["client", "/portal"],
] as const) {
  test.describe(`the start page as ${who}`, () => {
    test.use({ as: who });
    test(where ? `sends to ${where}` : "shows what needs doing", async ({ http }) => {
      const response = await http.get("/");
      if (where) {
        expect(response.status()).toBe(307);
        expect(new URL(response.headers().location ?? "", "http://any").pathname).toBe(where);
        return;
      }
      expect(response.status()).toBe(200);
      const body = await response.text();
      expect(body).toMatch(h1("今週やること"));
      expect(body).toContain("前月の粗利がマイナス");
    });
  });
}

// Another agency's portfolio is their own: nothing of this agency's clients.
for (const who of ["otherOwner", "otherAgencyManager"] as const) {
  test.describe(`the portfolio as ${who}`, () => {
    test.use({ as: who });
    test("shows only the agency's own clients", async ({ http }) => {
      const page = await (await http.get("/portfolio")).text();
      const csv = await (await http.get("/portfolio/export")).text();
      for (const secret of ["花みずき化粧品", "越後米蔵", "HANA,", "KOME,"]) {
        expect(page).not.toContain(secret);
        expect(csv).not.toContain(secret);
      }
    });
  });
}

test.describe("anonymous", () => {
  for (const route of Object.values(ROUTES) as Route[]) {
    test(`${route.path} sends to sign in`, async ({ http }) => {
      const response = await http.get(route.path);
      expect(response.status()).toBe(307);
      const location = new URL(response.headers().location ?? "", "http://any");
      expect(location.pathname).toBe("/login");
      expect(new URL(location.searchParams.get("callbackUrl") ?? "", "http://any").pathname).toBe(route.path);
      expect(await response.text()).not.toMatch(route.shows);
    });
  }
});
