import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "@/db/errors";
import { getKpiWeek, kpiAggregates, saveKpiPlan, saveKpiWeek } from "@/db/queries/kpis";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { aggregateWeeks, combineChannels, kpiValue, type MeasureKey, type WeekValues } from "@/lib/domain/kpi";
import { figuresByPeriod } from "@/lib/kpis/rollup";
import type { Channel } from "@/lib/options";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, useTestDatabase } from "./fixtures";

// The query layer of weekly KPIs against a real database: the SQL roll-up must equal the pure module's.

let t: TestDatabase;
const A = ID.agencyA;
const user = PEOPLE.manager.userId;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
  await withTenant(t.db, A, (tx) =>
    saveKpiPlan(tx, {
      agencyId: A,
      clientId: ID.clientA1,
      version: 0,
      plan: {
        reviewCadence: "weekly",
        thirdPartyAudit: false,
        verdictSettings: {},
        returnRateBaselineBp: 100,
        items: [{ kpi: "aov", tier: "surface", direction: "higher", dataSource: "RMS", thirdPartyAudited: false }],
      },
    }),
  );
});

afterAll(async () => {
  await t?.close();
});

type Week = { isoWeek: string; weekStart: string; month: string };
const W10: Week = { isoWeek: "2026-W10", weekStart: "2026-03-02", month: "2026-03" };
const W11: Week = { isoWeek: "2026-W11", weekStart: "2026-03-09", month: "2026-03" };

function save(week: Week, version: number, cells: { channel: Channel; measure: MeasureKey; value: number | null }[]) {
  return withTenant(t.db, A, (tx) =>
    saveKpiWeek(tx, { agencyId: A, clientId: ID.clientA1, ...week, version, userId: user, cells }),
  );
}

describe("saving a week", () => {
  it("creates, then updates only with the version read; unchanged figures keep the version", async () => {
    const first = await save(W10, 0, [
      { channel: "rakuten", measure: "revenue", value: 1_000_000 },
      { channel: "rakuten", measure: "orders", value: 100 },
      { channel: "rakuten", measure: "review_rating", value: 400 },
      { channel: "rakuten", measure: "reviews", value: 30 },
      { channel: "rakuten", measure: "active_skus", value: 50 },
    ]);
    expect(first).toEqual({ version: 1, changed: 5 });
    await expect(save(W10, 0, [{ channel: "rakuten", measure: "orders", value: 1 }])).rejects.toBeInstanceOf(
      ConflictError,
    );
    const same = await save(W10, 1, [{ channel: "rakuten", measure: "orders", value: 100 }]);
    expect(same).toEqual({ version: 1, changed: 0 });
    const second = await save(W10, 1, [
      { channel: "rakuten", measure: "orders", value: 120 },
      { channel: "rakuten", measure: "active_skus", value: null },
    ]);
    expect(second).toEqual({ version: 2, changed: 2 });
    await expect(save(W10, 1, [{ channel: "rakuten", measure: "orders", value: 1 }])).rejects.toBeInstanceOf(
      ConflictError,
    );
    const week = await withTenant(t.db, A, (tx) =>
      getKpiWeek(tx, { agencyId: A, clientId: ID.clientA1, isoWeek: "2026-W10" }),
    );
    expect(week?.version).toBe(2);
    expect(week?.cells.find((c) => c.measure === "orders")?.value).toBe(120);
    expect(week?.cells.some((c) => c.measure === "active_skus")).toBe(false);
  });

  it("is invisible to another agency", async () => {
    const week = await withTenant(t.db, ID.agencyB, (tx) =>
      getKpiWeek(tx, { agencyId: A, clientId: ID.clientA1, isoWeek: "2026-W10" }),
    );
    expect(week).toBeNull();
  });
});

describe("the SQL roll-up equals the pure module", () => {
  it("sums, takes the last week and weights means like aggregateWeeks", async () => {
    await save(W11, 0, [
      { channel: "rakuten", measure: "revenue", value: 500_001 },
      { channel: "rakuten", measure: "orders", value: 33 },
      { channel: "rakuten", measure: "review_rating", value: 450 },
      { channel: "rakuten", measure: "reviews", value: 10 },
      { channel: "rakuten", measure: "active_skus", value: 70 },
      { channel: "amazon", measure: "orders", value: 7 },
      { channel: "amazon", measure: "active_skus", value: 5 },
    ]);
    const rows = await withTenant(t.db, A, (tx) =>
      kpiAggregates(tx, { agencyId: A, clientIds: [ID.clientA1], fromMonth: "2026-03", toMonth: "2026-03" }),
    );
    const march = figuresByPeriod(rows).get("2026-03");
    const weeks: WeekValues[] = [
      {
        isoWeek: "2026-W10",
        channel: "rakuten",
        values: { revenue: 1_000_000, orders: 120, review_rating: 400, reviews: 30 },
      },
      {
        isoWeek: "2026-W11",
        channel: "rakuten",
        values: { revenue: 500_001, orders: 33, review_rating: 450, reviews: 10, active_skus: 70 },
      },
    ];
    const expected = combineChannels([
      aggregateWeeks(weeks),
      aggregateWeeks([{ isoWeek: "2026-W11", channel: "amazon", values: { orders: 7, active_skus: 5 } }]),
    ]);
    expect(march?.total).toEqual(expected);
    expect(kpiValue("aov", march?.total ?? expected)).toEqual({ value: 9_375 }); // 1,500,001 ÷ 160 = 9,375.006…
  });
});
