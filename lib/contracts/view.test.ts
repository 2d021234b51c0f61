import { describe, expect, it } from "vitest";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import { computeInvoice, type Invoice } from "@/lib/domain/invoice";
import ja from "@/messages/ja.json";
import { checkActuals } from "./actuals";
import { isDue } from "./term";
import { blankVersion, diffVersions, invoiceCsv, invoiceRows, shiftMonth } from "./view";

/** A translator over the real catalogue (contracts namespace), interpolating {params}. */
const t = (key: string, params: Record<string, string | number> = {}) => {
  let node: unknown = ja.contracts;
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  if (typeof node !== "string") throw new Error(`no message ${key}`);
  return node.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
};
const yen = (n: number) => `¥${n.toLocaleString("en-US")}`;

function invoiceOf(month: string, actuals = {}): Invoice {
  const r = computeInvoice(sampleVersion(), month, actuals);
  if (!r.ok || r.value.kind !== "invoice") throw new Error(JSON.stringify(r));
  return r.value.invoice;
}

describe("invoice rows", () => {
  it("names every line and says how it was computed, with the engine's amounts", () => {
    const invoice = invoiceOf("2026-04", {
      sales: 4_000_000,
      adRevenue: 1_200_000,
      adSpend: 250_000,
      customisationMinutes: 90,
      missedSlaItems: ["report_deadline"],
    });
    const rows = invoiceRows(invoice, t, yen);
    expect(rows.map((r) => r.amount)).toEqual(invoice.lines.map((l) => l.amount));
    const row = (label: string) => rows.find((r) => r.label === label);
    expect(row("データ移行")?.how).toBe("一括");
    expect(row("運営代行")?.how).toBe("月額 ¥300,000");
    // 5 % of sales above 3,000,000: (4,000,000 − 3,000,000) × 5 % = 50,000.
    const rate = rows.find((r) => r.section === "performance" && r.how.includes("5%"));
    expect(rate).toMatchObject({ amount: 50_000, how: "(¥4,000,000 − 基準 ¥3,000,000) × 5%" });
    // ROAS 480 % ≥ 400 % pays the bonus.
    expect(rows.find((r) => r.how.startsWith("ROAS"))).toMatchObject({ amount: 100_000 });
    expect(row("カスタマイズ")).toMatchObject({ amount: 12_000, how: "¥8,000/時間 × 90分 ÷ 60" });
    const credit = rows.find((r) => r.credit);
    expect(credit).toMatchObject({ amount: 17_500, how: "月額 ¥350,000 × 5%" });
  });

  it("says why a rule paid nothing when its actual was not entered", () => {
    const rows = invoiceRows(invoiceOf("2026-05"), t, yen);
    expect(rows.filter((r) => r.section === "performance").map((r) => r.how)).toEqual([
      "実績未入力のため 0",
      "KPIを計算できないため 0",
    ]);
  });

  it("writes the CSV with a BOM, one row per line and the tax summary, and defuses formula cells", () => {
    const v = sampleVersion();
    v.fees.monthlyFeeLines[0] = { label: '=HYPERLINK("x")', amount: 300_000 };
    const r = computeInvoice(v, "2026-05", {});
    if (!r.ok || r.value.kind !== "invoice") throw new Error("no invoice");
    const csv = invoiceCsv(r.value.invoice, t, yen);
    expect(csv.startsWith("\uFEFF区分,内容,計算方法,金額\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(1 + r.value.invoice.lines.length + 3);
    expect(lines.at(-1)).toBe(`,ご請求金額（税込）,,${r.value.invoice.totals.total}`);
  });
});

describe("version diff", () => {
  it("lists exactly the leaves that changed", () => {
    const a = sampleVersion();
    const b = sampleVersion();
    b.fees.monthlyFeeLines[0] = { label: "運営代行", amount: 320_000 };
    b.terms.noticeDays = 90;
    expect(diffVersions(a, b)).toEqual([
      { path: "terms.noticeDays", left: "60", right: "90" },
      { path: "fees.monthlyFeeLines.0.amount", left: "300000", right: "320000" },
    ]);
    expect(diffVersions(a, a)).toEqual([]);
  });
});

describe("helpers", () => {
  it("a blank version starts this month for a year and passes validation once a fee is set", () => {
    const v = blankVersion("2026-11-27");
    expect([v.terms.startDate, v.terms.endDate]).toEqual(["2026-11-01", "2027-10-31"]);
    const r = computeInvoice(v, "2026-11", {});
    expect(r.ok).toBe(true);
  });

  it("shifts months across years", () => {
    expect([shiftMonth("2026-12", 1), shiftMonth("2026-01", -1)]).toEqual(["2027-01", "2025-12"]);
  });

  it("flags an active contract whose renewal or notice deadline falls within 30 days", () => {
    const document = sampleVersion(); // ends 2027-03-31, 60 days' notice → deadline 2027-01-30
    expect(isDue({ status: "active", document }, "2027-01-10")).toBe(true);
    expect(isDue({ status: "active", document }, "2026-11-01")).toBe(false);
    expect(isDue({ status: "draft", document }, "2027-01-10")).toBe(false);
  });

  it("keeps only the actuals that were entered, and refuses an SLA key the contract does not have", () => {
    const v = sampleVersion();
    expect(checkActuals(v, "2026-05", { sales: 1, orders: null, kpiValues: { cvr: null } })).toEqual({
      ok: true,
      value: { sales: 1 },
    });
    const bad = checkActuals(v, "2026-05", { missedSlaItems: ["nope"] });
    expect(bad.ok).toBe(false);
  });
});

describe("client list overview", () => {
  it("shows the active contract's deadline badge and checklist n/10, and lists due contracts soonest first", async () => {
    const { contractBadges, dueContracts } = await import("./overview");
    const soon = sampleVersion(); // notice deadline 2027-01-30
    const later = sampleVersion();
    later.terms.endDate = "2027-06-30";
    const rows = [
      {
        id: "c1",
        clientId: "A",
        clientName: "A",
        title: "旧",
        status: "terminated" as const,
        currentVersionId: "v1",
        document: soon,
      },
      {
        id: "c2",
        clientId: "A",
        clientName: "A",
        title: "現",
        status: "active" as const,
        currentVersionId: "v2",
        document: soon,
      },
      {
        id: "c3",
        clientId: "B",
        clientName: "B",
        title: "B",
        status: "active" as const,
        currentVersionId: "v3",
        document: later,
      },
    ];
    const badges = contractBadges(rows, new Map([["v2", 4]]), "2027-01-10");
    expect(badges.get("A")).toEqual({ due: true, checklistDone: 4, checklistOf: 10 });
    expect(badges.get("B")).toEqual({ due: false, checklistDone: 0, checklistOf: 10 });
    expect(dueContracts(rows, "2027-01-10").map((c) => [c.id, c.soonest])).toEqual([["c2", 20]]);
  });
});
