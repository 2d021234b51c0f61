import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { copyKpiTargets, saveKpiPlanAction, saveKpiTargets } from "@/app/(app)/clients/[id]/kpis/plan/actions";
import { insertContract, listChecklistItems, saveChecklistItem } from "@/db/queries/contracts";
import { getKpiPlan, listKpiTargets, saveKpiWeek } from "@/db/queries/kpis";
import { plLines } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { loadKpiPlanSummary } from "@/lib/contracts/kpi-plan-checklist";
import { parseIsoWeekKey } from "@/lib/domain/calendar";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import type { MeasureKey } from "@/lib/domain/kpi";
import { monthOfWeekKey } from "@/lib/domain/kpi";
import { loadKpiMonth } from "@/lib/kpis/load";
import { chartSeries } from "@/lib/kpis/rollup";
import type { Channel } from "@/lib/options";
import { snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

// The KPI plan editor's actions and the KPI page's month against a real database (PGlite, or Postgres with
// DATABASE_URL): version-checked plan saves, a year of targets and its copy-forward, field errors that write
// nothing, the checklist's item 2, and a constructed month whose table equals the hand-computed ratios of sums.

let t: TestDatabase;
const A = ID.agencyA;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
  signInAs("manager");
});

afterAll(async () => {
  await t?.close();
});

const item = (kpi: string, dataSource = "楽天RMS") => ({
  kpi,
  tier: "surface",
  direction: "higher",
  dataSource,
  thirdPartyAudited: false,
});

const planInput = (overrides: Record<string, unknown> = {}) => ({
  clientId: ID.clientA1,
  version: 0,
  reviewCadence: "weekly",
  thirdPartyAudit: "no",
  items: [item("sales"), item("cvr", "RMSデータ分析"), item("review_rating", "レビュー管理")],
  verdictSettings: { hiringTriggerYen: "450,000", maxTacosBp: "15", minReviewRatingHundredths: "" },
  returnRateBaseline: "1.5",
  ...overrides,
});

function ok<T>(result: { ok: true; data: T } | { ok: false }): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  if (!result.ok) throw new Error("not ok");
  return result.data;
}

const readPlan = (clientId = ID.clientA1) => withTenant(t.db, A, (tx) => getKpiPlan(tx, { agencyId: A, clientId }));

describe("the plan", () => {
  it("is created at version 1, then saved only against the version read", async () => {
    expect(ok(await saveKpiPlanAction(null, planInput()))).toMatchObject({ version: 1 });
    const stored = await readPlan();
    expect(stored?.items.map((i) => i.kpi)).toEqual(["sales", "cvr", "review_rating"]);
    // Only thresholds that differ from the default are stored; "15" % is 1,500 bp.
    expect(stored?.verdictSettings).toEqual({ maxTacosBp: 1500 });
    expect(stored?.returnRateBaselineBp).toBe(150);
    expect(stored?.thirdPartyAudit).toBe(false);

    const again = await saveKpiPlanAction(null, planInput());
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    const reordered = planInput({ version: 1, items: [item("cvr", "RMSデータ分析"), item("sales")] });
    expect(ok(await saveKpiPlanAction(null, reordered))).toMatchObject({ version: 2 });
    const stale = await saveKpiPlanAction(null, { ...reordered, thirdPartyAudit: "yes" });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect((await readPlan())?.items.map((i) => i.kpi)).toEqual(["cvr", "sales"]);
    expect((await readPlan())?.thirdPartyAudit).toBe(false);
  });

  it("refuses bad input with every field's error and writes nothing", async () => {
    const before = await snapshot(t.db);
    const result = await saveKpiPlanAction(
      null,
      planInput({
        version: 2,
        items: [item("sales", "RMS\u0000"), item("cvr")],
        verdictSettings: { movingAverageMonths: "0", maxTacosBp: "abc", stopReturnRateMultipleBp: "2.555" },
        returnRateBaseline: "120",
      }),
    );
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (result.ok || result.code !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      [
        "items.0.dataSource",
        "returnRateBaseline",
        "verdictSettings.maxTacosBp",
        "verdictSettings.movingAverageMonths",
        "verdictSettings.stopReturnRateMultipleBp",
      ].sort(),
    );
    const duplicate = await saveKpiPlanAction(null, planInput({ version: 2, items: [item("sales"), item("sales")] }));
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { "items.1.kpi": [expect.any(String)] } });
    // The verdict's own rule (periods 1–24) once the typed values parse.
    const periods = await saveKpiPlanAction(
      null,
      planInput({ version: 2, verdictSettings: { movingAverageMonths: "0" } }),
    );
    expect(periods).toMatchObject({
      ok: false,
      fieldErrors: { "verdictSettings.movingAverageMonths": [expect.any(String)] },
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("is read-only for operators and invisible to other agencies", async () => {
    signInAs("operatorAssigned");
    expect(await saveKpiPlanAction(null, planInput({ version: 2 }))).toMatchObject({ ok: false, code: "not_found" });
    signInAs("otherAgencyManager");
    expect(await saveKpiPlanAction(null, planInput({ version: 2 }))).toMatchObject({ ok: false, code: "not_found" });
    signInAs("manager");
  });
});

describe("targets, a year at a time", () => {
  it("saves typed numbers in the KPI's unit, checked against the plan's version", async () => {
    const version = (await readPlan())?.version ?? 0;
    const cells = (first: string) => [first, "", "", "", "", "", "", "", "", "", "", ""];
    const saved = ok(
      await saveKpiTargets(null, {
        clientId: ID.clientA1,
        year: 2025,
        version,
        targets: { sales: cells("¥1,200,000"), cvr: cells("3.5") },
      }),
    );
    expect(saved.version).toBe(version + 1);
    const stored = await withTenant(t.db, A, (tx) =>
      listKpiTargets(tx, { agencyId: A, clientId: ID.clientA1, fromMonth: "2025-01", toMonth: "2025-12" }),
    );
    expect(stored).toEqual([
      { kpi: "sales", month: "2025-01", target: 1_200_000 },
      { kpi: "cvr", month: "2025-01", target: 350 },
    ]);
    // The version read before the save is stale now.
    const stale = await saveKpiTargets(null, { clientId: ID.clientA1, year: 2025, version, targets: {} });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
  });

  it("refuses a cell that is not a number, and a KPI not in the plan, writing nothing", async () => {
    const version = (await readPlan())?.version ?? 0;
    const before = await snapshot(t.db);
    const bad = await saveKpiTargets(null, {
      clientId: ID.clientA1,
      year: 2026,
      version,
      targets: { sales: ["abc", "-5", "1.5", "", "", "", "", "", "", "", "", ""] },
    });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    if (!bad.ok && bad.code === "invalid") {
      expect(Object.keys(bad.fieldErrors).sort()).toEqual(["targets.sales.0", "targets.sales.1", "targets.sales.2"]);
    }
    const notInPlan = await saveKpiTargets(null, {
      clientId: ID.clientA1,
      year: 2026,
      version,
      targets: { aov: Array(12).fill("5000") },
    });
    expect(notInPlan).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { "targets.aov": [expect.any(String)] },
    });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("copies the previous year forward where it has a target, keeping the rest", async () => {
    const version = (await readPlan())?.version ?? 0;
    const cells = Array(12).fill("");
    cells[5] = "¥2,000,000";
    const afterSave = ok(
      await saveKpiTargets(null, { clientId: ID.clientA1, year: 2026, version, targets: { sales: cells } }),
    );
    const copied = ok(await copyKpiTargets(null, { clientId: ID.clientA1, year: 2026, version: afterSave.version }));
    expect(copied.version).toBe(afterSave.version + 1);
    const stored = await withTenant(t.db, A, (tx) =>
      listKpiTargets(tx, { agencyId: A, clientId: ID.clientA1, fromMonth: "2026-01", toMonth: "2026-12" }),
    );
    expect(stored).toEqual([
      { kpi: "sales", month: "2026-01", target: 1_200_000 },
      { kpi: "sales", month: "2026-06", target: 2_000_000 },
      { kpi: "cvr", month: "2026-01", target: 350 },
    ]);
    const nothing = await copyKpiTargets(null, { clientId: ID.clientA1, year: 2030, version: copied.version });
    expect(nothing).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("the contract checklist's item 2", () => {
  it("reads the plan, and a changed plan drops the item's decision (reordering does not)", async () => {
    const contract = await insertContract(t.db, {
      agencyId: A,
      clientId: ID.clientA1,
      title: "運営代行契約",
      document: sampleVersion(),
      note: "",
      createdBy: PEOPLE.owner.userId,
    });
    for (const item of [2, 3]) {
      await saveChecklistItem(t.db, {
        agencyId: A,
        contractVersionId: contract.versionId,
        item,
        status: "confirmed",
        note: "確認済み",
        checkedBy: PEOPLE.manager.userId,
      });
    }
    const summary = await withTenant(t.db, A, (tx) =>
      loadKpiPlanSummary(tx, { agencyId: A, clientId: ID.clientA1, month: "2026-01" }),
    );
    expect(summary).toEqual({
      kpis: ["cvr", "sales"],
      kpisWithTargets: 2,
      dataSourcesStated: true,
      reviewCadence: "weekly",
      thirdPartyAudit: false,
    });
    const decided = () =>
      withTenant(t.db, A, (tx) => listChecklistItems(tx, { agencyId: A, contractVersionId: contract.versionId }));

    const plan = await readPlan();
    const version = plan?.version ?? 0;
    const same = planInput({ version, items: [item("sales"), item("cvr", "RMSデータ分析")] });
    expect(ok(await saveKpiPlanAction(null, same)).checklistDropped).toBe(0);
    expect((await decided()).map((d) => d.item)).toEqual([2, 3]);

    const changed = planInput({ version: version + 1, items: [item("sales"), item("cvr", "")] });
    expect(ok(await saveKpiPlanAction(null, changed)).checklistDropped).toBe(1);
    expect((await decided()).map((d) => d.item)).toEqual([3]);
  });
});

// ─── A constructed month ─────────────────────────────────────────────────────────────────────────────

function mondayOf(key: string): string {
  const week = parseIsoWeekKey(key);
  if (!week) throw new Error(key);
  const jan4 = new Date(Date.UTC(week.year, 0, 4));
  const offset = (week.week - 1) * 7 - ((jan4.getUTCDay() || 7) - 1);
  return new Date(jan4.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
}

async function enterWeek(isoWeek: string, channel: Channel, values: Partial<Record<MeasureKey, number>>) {
  const month = monthOfWeekKey(isoWeek) ?? "";
  await withTenant(t.db, A, async (tx) => {
    const { getKpiWeek } = await import("@/db/queries/kpis");
    const existing = await getKpiWeek(tx, { agencyId: A, clientId: ID.clientA2, isoWeek });
    await saveKpiWeek(tx, {
      agencyId: A,
      clientId: ID.clientA2,
      isoWeek,
      weekStart: mondayOf(isoWeek),
      month,
      version: existing?.version ?? 0,
      userId: PEOPLE.manager.userId,
      cells: Object.entries(values).map(([measure, value]) => ({ channel, measure: measure as MeasureKey, value })),
    });
  });
}

describe("the KPI month of a constructed data set", () => {
  beforeAll(async () => {
    const created = await saveKpiPlanAction(null, {
      ...planInput({ clientId: ID.clientA2 }),
      items: [item("sales"), item("orders"), item("aov"), item("cvr"), item("contribution")],
      verdictSettings: {},
      returnRateBaseline: "",
    });
    const version = ok(created).version;
    const targets: Record<string, string[]> = {
      sales: Array(12).fill(""),
      aov: Array(12).fill(""),
      cvr: Array(12).fill(""),
    };
    (targets.sales as string[])[2] = "¥6,000,000";
    (targets.aov as string[])[2] = "6000";
    (targets.cvr as string[])[2] = "2.2";
    ok(await saveKpiTargets(null, { clientId: ID.clientA2, year: 2026, version, targets }));
    // March 2026 (W10–W13): two channels, unequal weeks, so the mean of weekly ratios is not the month's ratio.
    const rakuten = [
      [1_000_000, 200, 10_000],
      [1_200_000, 230, 11_000],
      [900_000, 190, 9_500],
      [1_100_000, 210, 10_500],
    ];
    const amazonOrders = [90, 95, 100, 85];
    for (const [i, [revenue, orders, sessions]] of rakuten.entries()) {
      const week = `2026-W${10 + i}`;
      await enterWeek(week, "rakuten", { revenue, orders, sessions });
      await enterWeek(week, "amazon", { revenue: 500_000, orders: amazonOrders[i], sessions: 4_000 });
    }
    // February 2026 (W06–W09) and March 2025 (W10–W13): Rakuten only.
    for (let w = 6; w <= 9; w++)
      await enterWeek(`2026-W0${w}`, "rakuten", { revenue: 1_000_000, orders: 200, sessions: 10_000 });
    for (let w = 10; w <= 13; w++)
      await enterWeek(`2025-W${w}`, "rakuten", { revenue: 800_000, orders: 160, sessions: 8_000 });
    // Base P/L lines: Rakuten 2,750 − 660 − 600 = ¥1,490 per order; Amazon 2,750 − 825 − 600 = ¥1,325.
    for (const [channel, feeRateBp] of [
      ["rakuten", 1200],
      ["amazon", 1500],
    ] as const) {
      await t.db.insert(plLines).values({
        agencyId: A,
        clientId: ID.clientA2,
        channel,
        sku: "ALL",
        scenario: "base",
        aov: 5500,
        grossMarginBp: 5000,
        feeRateBp,
        adMode: "cpa",
        cpa: 600,
      });
    }
  });

  const load = (month: { year: number; month: number }) =>
    withTenant(t.db, A, (tx) => loadKpiMonth(tx, { agencyId: A, clientId: ID.clientA2, month }));

  it("shows the ratio of the month's sums, with targets, status, MoM and YoY", async () => {
    const month = await load({ year: 2026, month: 3 });
    const row = (kpi: string) => month.table.find((r) => r.kpi === kpi);
    // Σ revenue 4,200,000 + 2,000,000; Σ orders 830 + 370; Σ sessions 41,000 + 16,000.
    expect(row("sales")?.actual.value).toBe(6_200_000);
    expect(row("orders")?.actual.value).toBe(1_200);
    expect(row("aov")?.actual.value).toBe(5_167); // 6,200,000 ÷ 1,200 = 5,166.67
    expect(row("cvr")?.actual.value).toBe(211); // 1,200 ÷ 57,000 = 2.105 %
    expect(row("contribution")?.actual.value).toBe(830 * 1_490 + 370 * 1_325);

    expect(row("sales")?.target).toBe(6_000_000);
    expect(row("sales")?.achievement).toEqual({ achievementBp: 10_333, status: "on_track" });
    expect(row("cvr")?.achievement).toEqual({ achievementBp: 9_591, status: "watch" });
    expect(row("aov")?.achievement).toEqual({ achievementBp: 8_612, status: "off_track" });
    expect(row("orders")?.achievement).toBeNull();

    // February: 4,000,000 / 800 orders / 40,000 sessions; March 2025: 3,200,000 / 640 / 32,000.
    expect(row("sales")?.monthOnMonth).toEqual({ delta: 2_200_000, relativeBp: 5_500 });
    expect(row("aov")?.monthOnMonth).toEqual({ delta: 167, relativeBp: 334 });
    expect(row("cvr")?.monthOnMonth).toEqual({ delta: 11, relativeBp: 550 });
    expect(row("sales")?.yearOnYear).toEqual({ delta: 3_000_000, relativeBp: 9_375 });
    // No base line existed for March 2025's contribution? It did (lines are not dated): 640 × 1,490.
    expect(row("contribution")?.yearOnYear?.delta).toBe(830 * 1_490 + 370 * 1_325 - 640 * 1_490);
  });

  it("gives the charts the weekly and monthly values and the weekly share of an additive target", async () => {
    const month = await load({ year: 2026, month: 3 });
    expect(month.weeks).toEqual(["2026-W10", "2026-W11", "2026-W12", "2026-W13"]);
    const [sales, , aov] = chartSeries({ ...month, kpis: ["sales", "orders", "aov"] });
    expect(sales?.weekly).toEqual([1_500_000, 1_700_000, 1_400_000, 1_600_000]);
    expect(sales?.weeklyTarget).toBe(1_500_000);
    expect(sales?.monthly.slice(-2)).toEqual([4_000_000, 6_200_000]);
    expect(sales?.monthlyTargets.slice(-1)).toEqual([6_000_000]);
    expect(aov?.weeklyTarget).toBe(6_000);
  });

  it("judges the month from the stored series, with every rule", async () => {
    const { verdict } = await load({ year: 2026, month: 3 });
    expect(verdict?.verdict).toBe("hold");
    const perOrder = verdict?.rules.find((r) => r.code === "stop.contribution_per_order");
    expect(perOrder?.outcome).toBe("not_met");
    expect(perOrder?.periods.map((p) => [p.period, p.actual])).toEqual([
      ["2026-01", null],
      ["2026-02", 1_490],
      ["2026-03", 1_439], // 1,726,950 ÷ 1,200
    ]);
    const average = verdict?.rules.find((r) => r.code === "go.contribution_moving_average");
    expect(average?.outcome).toBe("insufficient_data");
    expect(verdict?.rules.find((r) => r.code === "stop.return_rate")?.outcome).toBe("insufficient_data");
    expect(verdict?.rules).toHaveLength(7);
  });

  it("says why a KPI has no value", async () => {
    const month = await load({ year: 2026, month: 1 });
    expect(month.table.find((r) => r.kpi === "aov")?.actual).toEqual({
      value: null,
      reason: "not_entered",
      missing: ["revenue", "orders"],
    });
  });
});
