import { describe, expect, it } from "vitest";
import { sampleVersion } from "./contract-fixtures";
import { computeInvoice } from "./invoice";
import { achievement, change, emptyAggregate, KPIS, type KpiKey, kpiValue, type PeriodAggregate } from "./kpi";
import {
  buildReportSnapshot,
  diffSnapshots,
  type KpiTableRowInput,
  parseSnapshot,
  type ReportInput,
  reportSnapshotV1,
} from "./report";
import { emptyCommentary } from "./report-commentary";
import type { LineInput } from "./unit-economics";

// The report's pure parts on constructed months: nothing entered, a KPI that divides by zero, a contract
// that starts in the middle of the month; and old snapshots that keep parsing.

function row(kpi: KpiKey, aggregate: PeriodAggregate, target: number | null = null): KpiTableRowInput {
  const def = KPIS[kpi];
  const actual = kpiValue(kpi, aggregate);
  return {
    kpi,
    tier: def.tier,
    direction: def.direction,
    unit: def.unit,
    actual,
    target,
    achievement: actual.value !== null && target !== null ? achievement(actual.value, target, def.direction) : null,
    monthOnMonth: change(actual.value, null),
    yearOnYear: change(actual.value, null),
  };
}

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    month: "2026-04",
    generatedAt: "2026-05-07T01:00:00.000Z",
    client: { id: "c1", name: "さくら商店", code: "SAKURA" },
    agencyName: "テスト代行",
    kpis: [],
    trends: { weeks: [], months: [], series: [] },
    channels: [],
    contribution: null,
    lines: [],
    verdict: null,
    sla: null,
    previousReport: { month: "2026-03", deadline: "2026-04-07", publishedOn: null, outcome: "missed" },
    invoice: null,
    commentary: emptyCommentary(),
    ...over,
  };
}

const describeLine = () => ({ label: { ja: "項目", en: "Item" }, how: { ja: "", en: "" } });

describe("a month with no data", () => {
  it("shows every KPI without a value and why, no channels, no levers, no invoice", () => {
    const snapshot = buildReportSnapshot(
      input({ kpis: [row("sales", emptyAggregate(), 3_000_000), row("aov", emptyAggregate())] }),
    );
    expect(snapshot.kpis).toEqual([
      expect.objectContaining({ kpi: "sales", actual: null, reason: "not_entered", target: 3_000_000, status: null }),
      expect.objectContaining({ kpi: "aov", actual: null, reason: "not_entered", momDelta: null }),
    ]);
    expect(snapshot.channels).toEqual([]);
    expect(snapshot.levers).toEqual([]);
    expect(snapshot.invoice).toEqual({ kind: "none", reason: "no_contract" });
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });
});

describe("a month with a zero denominator", () => {
  it("has no AOV or CVR (zero orders, zero sessions), and says so; sales still count", () => {
    const aggregate: PeriodAggregate = { sums: { revenue: 120_000, orders: 0, sessions: 0 }, weighted: {} };
    const snapshot = buildReportSnapshot(
      input({
        kpis: [row("sales", aggregate, 100_000), row("aov", aggregate, 5_000), row("cvr", aggregate)],
        channels: [{ channel: "rakuten", aggregate, contribution: null }],
      }),
    );
    const [sales, aov, cvr] = snapshot.kpis;
    expect(sales).toMatchObject({ actual: 120_000, achievementBp: 12_000, status: "on_track" });
    expect(aov).toMatchObject({ actual: null, reason: "zero_denominator", achievementBp: null, status: null });
    expect(cvr).toMatchObject({ actual: null, reason: "zero_denominator" });
    expect(snapshot.channels).toEqual([
      { channel: "rakuten", sales: 120_000, orders: 0, aov: null, adSpend: null, contribution: null },
    ]);
  });
});

describe("a month whose contract starts in the middle", () => {
  it("carries the prorated invoice of the days the term covers", () => {
    const version = sampleVersion();
    version.terms.startDate = "2026-04-16";
    const outcome = computeInvoice(version, "2026-04", { sales: 1_000_000 });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const snapshot = buildReportSnapshot(
      input({ invoice: { outcome: outcome.value, contractTitle: "運営代行契約", describe: describeLine } }),
    );
    if (snapshot.invoice.kind !== "invoice") throw new Error("no invoice");
    expect(snapshot.invoice).toMatchObject({ periodStart: "2026-04-16", daysActive: 15, daysInMonth: 30 });
    // 300,000 yen a month for 15 of 30 days.
    expect(snapshot.invoice.lines.some((l) => l.section === "monthly" && l.amount === 150_000)).toBe(true);
    expect(snapshot.invoice.total).toBe(snapshot.invoice.taxable + snapshot.invoice.tax);
  });

  it("has no invoice for a month before the term", () => {
    const outcome = computeInvoice(sampleVersion(), "2026-03", {});
    if (!outcome.ok) throw new Error("invalid");
    const snapshot = buildReportSnapshot(
      input({ month: "2026-03", invoice: { outcome: outcome.value, contractTitle: "契約", describe: describeLine } }),
    );
    expect(snapshot.invoice).toEqual({ kind: "none", reason: "before_term" });
  });
});

describe("levers", () => {
  it("ranks the three levers worth the most yen a month over all base lines", () => {
    const line = {
      aov: 5_500,
      grossMarginBp: 5_000,
      feeRateBp: 1_200,
      pointsRateBp: 500,
      shipping: 600,
      packaging: 60,
      returnLoss: 60,
      ads: { mode: "cpa", cpa: 600 },
    } satisfies LineInput;
    const snapshot = buildReportSnapshot(
      input({
        lines: [
          { channel: "rakuten", sku: "A", input: line, monthlyOrders: 900 },
          { channel: "amazon", sku: "B", input: line, monthlyOrders: 100 },
        ],
      }),
    );
    expect(snapshot.levers.length).toBeLessThanOrEqual(3);
    expect(snapshot.levers[0]?.channel).toBe("rakuten");
    const gains = snapshot.levers.map((l) => l.gainPerMonth);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
  });
});

describe("stored snapshots", () => {
  it("refuses an unknown schema version and a malformed document", () => {
    const snapshot = buildReportSnapshot(input());
    expect(() => parseSnapshot({ ...snapshot, schemaVersion: 99 })).toThrow(/schema version/);
    expect(() => parseSnapshot({ ...snapshot, kpis: "x" })).toThrow();
    expect(reportSnapshotV1.safeParse(snapshot).success).toBe(true);
  });

  it("lists what changed between two revisions", () => {
    const a = buildReportSnapshot(input());
    const b = buildReportSnapshot(input({ commentary: { ...emptyCommentary(), issues: "在庫切れ" } }));
    expect(diffSnapshots(a, b)).toEqual([{ path: "commentary.issues", left: "", right: "在庫切れ" }]);
  });
});
