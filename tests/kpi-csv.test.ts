import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importKpis, previewKpiImport } from "@/app/(app)/week/actions";
import { listKpiClients, saveKpiPlan, saveKpiWeek } from "@/db/queries/kpis";
import { kpiEntries, kpiWeeks } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import type { ActionResult } from "@/lib/actions/safe-action";
import { hashPassword } from "@/lib/auth/password";
import type { KpiKey } from "@/lib/domain/kpi";
import { decodeCsvBytes } from "@/lib/economics/csv";
import { formatMeasureValue, parseKpiCsv, parseMeasureValue } from "@/lib/kpis/csv";
import type { KpiImportPreview, KpiImportResult } from "@/lib/kpis/import-preview";
import { exportKpiCsv } from "@/lib/kpis/week-view";
import { auditCount, snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

// KPI CSV in the entry grid's shape: malformed files, refusals by name, all rows or none, idempotence, the
// round trip, and concurrent imports of one file.

let t: TestDatabase;
const A = ID.agencyA;

async function plan(agencyId: string, clientId: string, kpis: KpiKey[]) {
  await withTenant(t.db, agencyId, (tx) =>
    saveKpiPlan(tx, {
      agencyId,
      clientId,
      version: 0,
      plan: {
        reviewCadence: "weekly",
        thirdPartyAudit: false,
        verdictSettings: {},
        returnRateBaselineBp: null,
        items: kpis.map((kpi) => ({
          kpi,
          tier: "surface",
          direction: "higher",
          dataSource: "",
          thirdPartyAudited: false,
        })),
      },
    }),
  );
}

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
  // A1 (rakuten): revenue, orders, review_rating, reviews, inquiries, answered_in_target.
  await plan(A, ID.clientA1, ["sales", "aov", "review_rating", "sla_response_rate"]);
  await plan(A, ID.clientA2, ["orders"]);
  await plan(ID.agencyB, ID.clientB1, ["orders"]);
});

afterAll(async () => {
  await t?.close();
});

const HEADER = "client_code,iso_week,channel,revenue,orders,review_rating,reviews,inquiries,answered_in_target";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\r\n");
const file = (content: string | Uint8Array, name = "kpis.csv") =>
  new File([typeof content === "string" ? content : Uint8Array.from(content)], name, { type: "text/csv" });

function encodeShiftJis(text: string): Uint8Array {
  const decoder = new TextDecoder("shift_jis", { fatal: true });
  const table = new Map<string, number[]>();
  const add = (bytes: number[]) => {
    try {
      const ch = decoder.decode(Uint8Array.from(bytes));
      if (ch.length >= 1 && !table.has(ch)) table.set(ch, bytes);
    } catch {
      // not a character
    }
  };
  for (let b = 0; b <= 0x80; b++) add([b]);
  for (let lead = 0x81; lead <= 0x9f; lead++) for (let trail = 0x40; trail <= 0xfc; trail++) add([lead, trail]);
  return Uint8Array.from([...text].flatMap((ch) => table.get(ch) ?? []));
}

async function preview(content: string | Uint8Array, who: Parameters<typeof signInAs>[0] = "operatorAssigned") {
  signInAs(who);
  return (await previewKpiImport(null, { file: file(content) })) as ActionResult<KpiImportPreview>;
}

async function commit(content: string | Uint8Array, who: Parameters<typeof signInAs>[0] = "operatorAssigned") {
  signInAs(who);
  return (await importKpis(null, { file: file(content) })) as ActionResult<KpiImportResult>;
}

const problemsOf = (r: ActionResult<KpiImportPreview>) => (r.ok ? r.data.rows.flatMap((row) => row.problems) : []);
const fileError = (r: ActionResult<unknown>) =>
  !r.ok && r.code === "invalid" ? (r.fieldErrors.file ?? []).join(" ") : r.ok ? "ok" : r.code;

async function weekState(isoWeek: string) {
  const weeks = await t.db
    .select({ client: kpiWeeks.clientId, version: kpiWeeks.version, updatedAt: kpiWeeks.updatedAt })
    .from(kpiWeeks)
    .where(eq(kpiWeeks.isoWeek, isoWeek));
  const entries = await t.db
    .select({ measure: kpiEntries.measure, value: kpiEntries.value, at: kpiEntries.enteredAt })
    .from(kpiEntries)
    .where(and(eq(kpiEntries.isoWeek, isoWeek), eq(kpiEntries.agencyId, A)))
    .orderBy(kpiEntries.measure);
  return { weeks, entries };
}

describe("reading values", () => {
  it.each([
    ["revenue", "1234500", 1_234_500],
    ["revenue", "¥1,234,500", 1_234_500],
    ["revenue", "１２３４", 1234],
    ["orders", " 12 ", 12],
    ["review_rating", "4.23", 423],
    ["review_rating", "4.2", 420],
    ["review_rating", "4", 400],
    ["csat_score", "3.50", 350],
  ] as const)("%s %j → %i", (measure, raw, value) => {
    expect(parseMeasureValue(measure, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["orders", "abc", "not_a_number"],
    ["orders", "1.5", "too_precise"],
    ["orders", "-3", "must_not_be_negative"],
    ["review_rating", "4.234", "too_precise"],
    ["review_rating", "四", "not_a_number"],
  ] as const)("%s %j is refused (%s)", (measure, raw, code) => {
    expect(parseMeasureValue(measure, raw)).toEqual({ ok: false, code });
  });

  it("writes scores as stars and everything else as integers", () => {
    expect(formatMeasureValue("review_rating", 423)).toBe("4.23");
    expect(formatMeasureValue("review_rating", 400)).toBe("4.00");
    expect(formatMeasureValue("revenue", 1_234_500)).toBe("1234500");
  });
});

describe("malformed files", () => {
  it.each([
    ["wrong columns (no channel)", "client_code,iso_week,revenue\r\nA1,2026-W10,1", "channel"],
    ["an unknown column", `${HEADER},foo\r\nA1,2026-W10,rakuten,1,1,,,,,`, "foo"],
    ["no measure column", "client_code,iso_week,channel\r\nA1,2026-W10,rakuten", "必要な列"],
    ["a column twice", "client_code,iso_week,channel,orders,ORDERS\r\nA1,2026-W10,rakuten,1,1", "CSVとして読めません"],
    ["an unclosed quote", `${HEADER}\r\n"A1,2026-W10,rakuten,1`, "CSVとして読めません"],
    ["an empty file", "", "空"],
    ["only blanks", "\uFEFF \r\n,,,\r\n", "空"],
    ["a header and no rows", `${HEADER}\r\n`, "データ行がありません"],
    ["binary", "\u0000\u0001PK", "テキストのCSVではありません"],
  ])("%s is refused with a message on the file", async (_label, content, message) => {
    const before = await snapshot(t.db);
    expect(fileError(await preview(content))).toContain(message);
    expect(fileError(await commit(content))).toContain(message);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("reports text in numbers, bad weeks and channels, duplicates and data without a header, row by row", async () => {
    const r = await preview(
      csv(
        "A1,2026-W10,rakuten,abc,1.5,4.234,,,",
        "A1,2025-W53,rakuten,1,1,,,,",
        "A1,2026-W11,mercari,1,1,,,,",
        "A1,2026-W12,rakuten,1,1,,,,",
        "A1,2026-W12,rakuten,2,2,,,,",
        "A1,2026-W13,rakuten,1,1,,,,,,9",
        ",2026-W14,rakuten,1,1,,,,",
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.counts).toMatchObject({ total: 7, errors: 6 });
    const problems = problemsOf(r).join("\n");
    expect(problems).toContain("行2: 売上: 数値で入力してください。");
    expect(problems).toContain("行2: 注文数: 小数点以下が細かすぎます");
    expect(problems).toContain("行2: レビュー評価: 小数点以下が細かすぎます");
    expect(problems).toContain("行3: iso_week「2025-W53」はISO週");
    expect(problems).toContain("行4: channel「mercari」はチャネルではありません");
    expect(problems).toContain("行6: 行5と同じクライアント・週・チャネルです");
    expect(problems).toContain("行7: ヘッダーのない列にデータがあります");
    expect(problems).toContain("行8: client_codeを入力してください");
  });

  it("reads UTF-8 with a BOM and Excel's Shift_JIS", async () => {
    const text = csv("A1,2026-W20,rakuten,１２３４,１２,,,,");
    const bom = await preview(`\uFEFF${text}`);
    expect(bom.ok && bom.data.counts).toMatchObject({ total: 1, new: 1, errors: 0 });
    const sjis = encodeShiftJis(text);
    expect(decodeCsvBytes(sjis)).toMatchObject({ ok: true, encoding: "shift_jis" });
    const r = await preview(sjis);
    expect(r.ok && r.data.counts).toMatchObject({ total: 1, new: 1, errors: 0 });
  });
});

describe("what the member may enter", () => {
  it("refuses a row for an unknown, another agency's or an unassigned client by the code it names", async () => {
    const r = await preview(
      csv("ZZZ,2026-W10,rakuten,1,1,,,,", "B1,2026-W10,yahoo,1,1,,,,", "A2,2026-W10,amazon,,1,,,,"),
    );
    expect(problemsOf(r)).toEqual([
      "行2: クライアント「ZZZ」は入力できません",
      "行3: クライアント「B1」は入力できません",
      "行4: クライアント「A2」は入力できません",
    ]);
    // The owner may enter A2; B1 stays refused.
    const owner = await preview(csv("B1,2026-W10,yahoo,,1,,,,", "A2,2026-W10,amazon,,1,,,,"), "owner");
    expect(problemsOf(owner)).toEqual(["行2: クライアント「B1」は入力できません"]);
  });

  it("refuses a measure not in the client's plan and a channel the client does not sell on", async () => {
    const r = await preview(
      "client_code,iso_week,channel,orders,sessions\r\nA1,2026-W10,rakuten,1,500\r\nA1,2026-W10,amazon,1,",
    );
    expect(problemsOf(r)).toEqual([
      "行2: 「アクセス数（セッション）」はクライアント「A1」のKPIプランにありません",
      "行3: チャネル「amazon」はクライアント「A1」のチャネルではありません",
    ]);
  });

  it("checks a week as the grid would save it: the file's cells over the stored ones", async () => {
    const within = await preview(csv("A1,2026-W10,rakuten,,,,,3,5"));
    expect(problemsOf(within).join()).toContain("行2: 目標時間内の回答数: 3を超えることはできません");
    const rating = await preview(csv("A1,2026-W10,rakuten,,,4.5,,,"));
    expect(problemsOf(rating).join()).toContain("レビュー評価: 評価には回答数・件数（1以上）が必要です。");
    // Inquiries stored at 3: answered 5 in a later file is more than its whole.
    expect((await commit(csv("A1,2026-W30,rakuten,,,,,3,"))).ok).toBe(true);
    const later = await preview(csv("A1,2026-W30,rakuten,,,,,,5"));
    expect(problemsOf(later).join()).toContain("3を超えることはできません");
  });
});

describe("importing", () => {
  it("all rows or none: one bad row and nothing is written, the commit names the problem", async () => {
    const before = await snapshot(t.db);
    const r = await commit(csv("A1,2026-W31,rakuten,100000,10,,,,", "ZZZ,2026-W31,rakuten,1,1,,,,"));
    expect(fileError(r)).toContain("行3: クライアント「ZZZ」は入力できません");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("writes the week, and importing the same file twice changes nothing", async () => {
    const content = csv('A1,2026-W32,rakuten,"¥1,234,500",321,4.23,57,40,38');
    const first = await commit(content);
    expect(first).toEqual({ ok: true, data: { weeks: 1, changed: 1, unchanged: 0 } });
    const after = await weekState("2026-W32");
    expect(after.weeks.map((w) => w.version)).toEqual([1]);
    expect(after.entries.map((e) => [e.measure, e.value])).toEqual([
      ["revenue", 1_234_500],
      ["orders", 321],
      ["review_rating", 423],
      ["reviews", 57],
      ["inquiries", 40],
      ["answered_in_target", 38],
    ]);
    const audits = await auditCount(t.db);
    const again = await commit(content);
    expect(again).toEqual({ ok: true, data: { weeks: 0, changed: 0, unchanged: 1 } });
    expect(await weekState("2026-W32")).toEqual(after);
    expect(await auditCount(t.db)).toBe(audits + 1);
    const p = await preview(content);
    expect(p.ok && p.data.counts).toMatchObject({ unchanged: 1, new: 0, changed: 0 });
  });

  it("an empty cell leaves the stored value; a changed one moves the week's version once", async () => {
    const r = await commit(csv("A1,2026-W32,rakuten,,330,,,,"));
    expect(r).toEqual({ ok: true, data: { weeks: 1, changed: 1, unchanged: 0 } });
    const state = await weekState("2026-W32");
    expect(state.weeks.map((w) => w.version)).toEqual([2]);
    expect(state.entries.find((e) => e.measure === "revenue")?.value).toBe(1_234_500);
    expect(state.entries.find((e) => e.measure === "orders")?.value).toBe(330);
  });

  it("a commit whose preview is out of date is a conflict", async () => {
    const content = csv("A1,2026-W33,rakuten,1000,1,,,,");
    const p = await preview(content);
    if (!p.ok) throw new Error("preview failed");
    await withTenant(t.db, A, (tx) =>
      saveKpiWeek(tx, {
        agencyId: A,
        clientId: ID.clientA1,
        isoWeek: "2026-W33",
        weekStart: "2026-08-10",
        month: "2026-08",
        version: 0,
        userId: PEOPLE.manager.userId,
        cells: [{ channel: "rakuten", measure: "orders", value: 2 }],
      }),
    );
    signInAs("operatorAssigned");
    const r = await importKpis(null, { file: file(content), previewToken: p.data.token });
    expect(r.ok ? "ok" : r.code).toBe("conflict");
  });

  it("round trip: an export re-imports without a change", async () => {
    const weeks = ["2026-W30", "2026-W31", "2026-W32", "2026-W33"];
    const exported = await withTenant(t.db, A, async (tx) =>
      exportKpiCsv(tx, {
        agencyId: A,
        clients: await listKpiClients(tx, { agencyId: A, scope: { kind: "all" }, ids: [ID.clientA1] }),
        weeks,
      }),
    );
    expect(exported.startsWith("\uFEFFclient_code,iso_week,channel,revenue,orders,review_rating,reviews,")).toBe(true);
    expect(exported).toContain("A1,2026-W32,rakuten,1234500,330,4.23,57,40,38\r\n");
    expect(exported).toContain("A1,2026-W31,rakuten,,,,,,\r\n");
    const before = await snapshot(t.db);
    const r = await commit(exported);
    expect(r).toEqual({ ok: true, data: { weeks: 0, changed: 0, unchanged: 4 } });
    const after = await snapshot(t.db);
    expect({ ...after, audit_log: "" }).toEqual({ ...before, audit_log: "" });
    expect(parseKpiCsv(exported).ok).toBe(true);
  });

  it("the same CSV imported five times at once ends with the same sums as once", async () => {
    const content = csv(
      "A1,2026-W40,rakuten,500000,50,4.10,20,30,29",
      "A1,2026-W41,rakuten,600000,60,4.20,25,35,30",
      "A2,2026-W40,amazon,,7,,,,",
    );
    const results = await Promise.all(Array.from({ length: 5 }, () => commit(content, "owner")));
    const outcomes = results.map((r) => (r.ok ? "ok" : r.code));
    expect(outcomes).toContain("ok");
    for (const o of outcomes) expect(["ok", "conflict"]).toContain(o);
    const sums = await t.db.execute(
      sql`select client_id, measure::text, sum(value)::text as total, count(*)::int as n from kpi_entries
        where iso_week in ('2026-W40', '2026-W41') group by 1, 2 order by 1, 2`,
    );
    const rows = (Array.isArray(sums) ? sums : (sums as { rows: unknown[] }).rows) as {
      client_id: string;
      measure: string;
      total: string;
      n: number;
    }[];
    expect(rows.map((r) => [r.client_id === ID.clientA1 ? "A1" : "A2", r.measure, Number(r.total), r.n])).toEqual([
      ["A1", "answered_in_target", 59, 2],
      ["A1", "inquiries", 65, 2],
      ["A1", "orders", 110, 2],
      ["A1", "revenue", 1_100_000, 2],
      ["A1", "review_rating", 830, 2],
      ["A1", "reviews", 45, 2],
      ["A2", "orders", 7, 1],
    ]);
    const versions = await t.db
      .select({ version: kpiWeeks.version })
      .from(kpiWeeks)
      .where(sql`${kpiWeeks.isoWeek} in ('2026-W40', '2026-W41')`);
    expect(versions.map((v) => v.version)).toEqual([1, 1, 1]);
    // And once more, after them all: nothing changes.
    expect(await commit(content, "owner")).toEqual({ ok: true, data: { weeks: 0, changed: 0, unchanged: 3 } });
  });
});
