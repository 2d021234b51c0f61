// The portfolio's SQL aggregates against the pure rule, client by client, on the demo data (PGlite and
// Postgres), and the revenue against the invoice page's own computation.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAgencySettings, updateAgencySettings } from "@/db/queries/agency";
import { getContractActuals, listClientContracts } from "@/db/queries/contracts";
import {
  directCostTotals,
  insertCostRate,
  labourCosts,
  listCostRates,
  listDirectCosts,
  listMonthTime,
} from "@/db/queries/margins";
import { kpiPlans } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { seedId } from "@/db/seed-ids";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { billMonth } from "@/lib/contracts/actuals";
import { loadSlaMonth } from "@/lib/contracts/sla-month";
import { tokyoToday } from "@/lib/contracts/view";
import { type CostRate, computeMargin } from "@/lib/domain/margin";
import { emptyCommentary } from "@/lib/domain/report-commentary";
import { DEFAULT_VERDICT_SETTINGS } from "@/lib/domain/verdict";
import { loadKpiMonth, loadVerdicts } from "@/lib/kpis/load";
import { lastCompleteMonth } from "@/lib/kpis/plan-view";
import { loadMargins, marginKey } from "@/lib/margins/load";
import { loadPortfolio, sortPortfolio } from "@/lib/margins/portfolio";
import { buildSnapshot } from "@/lib/reports/build";
import { useTestDatabase } from "./fixtures";

let t: TestDatabase;
const AGENCY = seedId("agency:sakura");

function monthsAgo(n: number): string {
  const [y, m] = tokyoToday().split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

beforeAll(async () => {
  t = await useTestDatabase();
  await seedDemo(t.db, { passwordHash: "x" });
});

afterAll(async () => {
  await t?.close();
});

const ratesOf = (rows: Awaited<ReturnType<typeof listCostRates>>): CostRate[] =>
  rows.map((r) => ({
    scope: r.role ? { kind: "role", role: r.role } : { kind: "member", membershipId: r.membershipId ?? "" },
    yenPerHour: r.yenPerHour,
    effectiveFrom: r.effectiveFrom,
  }));

describe("portfolio SQL = the pure rule, client by client (demo data)", () => {
  for (const n of [1, 2, 3]) {
    it(`labour cost, hours, direct costs and margin for the month ${n} back`, async () => {
      const month = monthsAgo(n);
      await withTenant(t.db, AGENCY, async (tx) => {
        const [sql, time, rates, direct, margins] = await Promise.all([
          labourCosts(tx, { agencyId: AGENCY, fromMonth: month, toMonth: month }),
          listMonthTime(tx, { agencyId: AGENCY, month }),
          listCostRates(tx, { agencyId: AGENCY }),
          directCostTotals(tx, { agencyId: AGENCY, month }),
          loadMargins(tx, {
            agencyId: AGENCY,
            clientIds: [...new Set((await listMonthTime(tx, { agencyId: AGENCY, month })).map((r) => r.clientId))],
            fromMonth: month,
            toMonth: month,
          }),
        ]);
        expect(sql.length).toBeGreaterThan(0);
        for (const row of sql) {
          const costs = await listDirectCosts(tx, { agencyId: AGENCY, clientId: row.clientId, month });
          const revenue = margins.get(marginKey(row.clientId, month))?.revenue.revenue ?? null;
          const pure = computeMargin({
            revenue,
            timeEntries: time.filter((e) => e.clientId === row.clientId),
            rates: ratesOf(rates),
            directCosts: costs,
          });
          if (!pure.ok) throw new Error(JSON.stringify(pure.errors));
          expect(row.minutes).toBe(pure.value.minutes);
          expect(row.labourCost).toBe(pure.value.labourCost);
          expect(direct.find((d) => d.clientId === row.clientId)?.total ?? 0).toBe(pure.value.directCost);
          const batched = margins.get(marginKey(row.clientId, month))?.margin;
          expect(batched?.margin).toBe(pure.value.margin);
          expect(batched?.marginBp).toBe(pure.value.marginBp);
          expect(batched?.status).toBe(pure.value.status);
        }
      });
    });
  }

  it("revenue is the invoice page's taxable total (same engine, actuals and SLA results)", async () => {
    const month = monthsAgo(1);
    await withTenant(t.db, AGENCY, async (tx) => {
      const agency = await getAgencySettings(tx, { agencyId: AGENCY });
      const clientId = seedId("client:sakura:HANA");
      const [contract] = await listClientContracts(tx, { agencyId: AGENCY, clientId, scope: { kind: "all" } });
      if (!contract) throw new Error("no contract");
      const actuals = await getContractActuals(tx, { agencyId: AGENCY, contractId: contract.id, month });
      const sla = await loadSlaMonth(tx, {
        agencyId: AGENCY,
        clientId,
        month,
        sla: contract.document.sla,
        actuals: actuals?.actuals ?? null,
      });
      const outcome = billMonth(contract.document, month, sla.actuals, agency);
      if (!outcome.ok || outcome.value.kind !== "invoice") throw new Error("no invoice");
      const margins = await loadMargins(tx, {
        agencyId: AGENCY,
        clientIds: [clientId],
        fromMonth: month,
        toMonth: month,
      });
      expect(margins.get(marginKey(clientId, month))?.revenue.revenue).toBe(outcome.value.invoice.totals.taxable);
    });
  });

  it("a raise counts from the week whose Thursday is on or after its date, in SQL as in the pure rule", async () => {
    const month = monthsAgo(2);
    await withTenant(t.db, AGENCY, async (tx) => {
      // A personal rate for op1 from the 10th: weeks before keep the role's rate.
      await insertCostRate(tx, {
        agencyId: AGENCY,
        role: null,
        membershipId: seedId("membership:sakura:op1"),
        yenPerHour: 9_000,
        effectiveFrom: `${month}-10`,
      });
      const [sql, time, rates] = await Promise.all([
        labourCosts(tx, { agencyId: AGENCY, fromMonth: month, toMonth: month }),
        listMonthTime(tx, { agencyId: AGENCY, month }),
        listCostRates(tx, { agencyId: AGENCY }),
      ]);
      for (const row of sql) {
        const pure = computeMargin({
          revenue: null,
          timeEntries: time.filter((e) => e.clientId === row.clientId),
          rates: ratesOf(rates),
          directCosts: [],
        });
        if (!pure.ok) throw new Error("invalid");
        expect(row.labourCost).toBe(pure.value.labourCost);
      }
      throw new RollBack();
    }).catch((e) => {
      if (!(e instanceof RollBack)) throw e;
    });
  });
});

class RollBack extends Error {}

describe("the portfolio", () => {
  it("lists every client, sorts by margin % with clients without a margin last, and totals all of them", async () => {
    const month = monthsAgo(1);
    await withTenant(t.db, AGENCY, async (tx) => {
      const page = await loadPortfolio(tx, {
        agencyId: AGENCY,
        month,
        sort: "marginBp",
        dir: "asc",
        page: 1,
        pageSize: 100,
        trend: true,
      });
      expect(page.total).toBeGreaterThan(5);
      const bps = page.rows.map((r) => r.marginBp);
      const known = bps.filter((b): b is number => b !== null);
      expect(known).toEqual([...known].sort((a, b) => a - b));
      expect(bps.slice(known.length).every((b) => b === null)).toBe(true);
      expect(page.totals.revenue).toBe(page.rows.reduce((s, r) => s + (r.revenue ?? 0), 0));
      expect(page.trend).toHaveLength(12);
      expect(page.trend.at(-1)?.margin).toBe(page.totals.margin);
      expect(sortPortfolio(page.rows, "name", "asc").map((r) => r.name)).toEqual(
        [...page.rows].map((r) => r.name).sort((a, b) => a.localeCompare(b, "ja")),
      );
    });
  });
});

/** Every key of a JSON value, however deep. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

describe("the report's agency margin", () => {
  it("is never part of the snapshot the client reads, its PDF or its CSV", async () => {
    const month = monthsAgo(1);
    const clientId = seedId("client:sakura:HANA");
    await withTenant(t.db, AGENCY, async (tx) => {
      const margin = (
        await loadMargins(tx, { agencyId: AGENCY, clientIds: [clientId], fromMonth: month, toMonth: month })
      ).get(marginKey(clientId, month))?.margin;
      expect(margin?.labourCost).toBeGreaterThan(0);
      const snapshot = await buildSnapshot(tx, {
        agencyId: AGENCY,
        client: { id: clientId, name: "花みずき化粧品", code: "HANA" },
        month,
        commentary: emptyCommentary(),
      });
      const json = JSON.stringify(snapshot);
      const keys = [...keysOf(snapshot)].map((k) => k.toLowerCase());
      for (const secret of [
        "margin",
        "marginbp",
        "labourcost",
        "deliverycost",
        "directcost",
        "directcosts",
        "yenperhour",
      ])
        expect(keys, secret).not.toContain(secret);
      expect(keys.some((k) => k.includes("costrate") || k.includes("labour"))).toBe(false);
      for (const figure of [margin?.labourCost, margin?.deliveryCost, margin?.margin])
        if (figure !== null && figure !== undefined && Math.abs(figure) >= 1000)
          expect(json, `figure ${figure}`).not.toMatch(new RegExp(`[^\\d]${figure}[^\\d]`));
    });
  });
});

describe("the agency's default verdict thresholds", () => {
  it("sit between the product's defaults and each client's plan, on the KPI page as on lists", async () => {
    const month = lastCompleteMonth(tokyoToday());
    const clientId = seedId("client:sakura:HANA");
    await withTenant(t.db, AGENCY, async (tx) => {
      const plain = await loadKpiMonth(tx, { agencyId: AGENCY, clientId, month });
      expect(plain.settings).toEqual({ ...DEFAULT_VERDICT_SETTINGS, ...(plain.plan?.verdictSettings ?? {}) });

      await updateAgencySettings(tx, {
        agencyId: AGENCY,
        changes: { verdictDefaults: { maxTacosBp: 100, stopCpaWeeks: 6 } },
      });
      await tx
        .update(kpiPlans)
        .set({ verdictSettings: { maxTacosBp: 2_500 } })
        .where(eq(kpiPlans.clientId, clientId));
      const layered = await loadKpiMonth(tx, { agencyId: AGENCY, clientId, month });
      expect(layered.settings).toEqual({ ...DEFAULT_VERDICT_SETTINGS, stopCpaWeeks: 6, maxTacosBp: 2_500 });
      const listed = await loadVerdicts(tx, { agencyId: AGENCY, clientIds: [clientId], month });
      expect(listed.get(clientId)).toEqual(layered.verdict);

      // Without the client's own threshold, the agency's applies; passing the defaults reads the same.
      await tx.update(kpiPlans).set({ verdictSettings: {} }).where(eq(kpiPlans.clientId, clientId));
      const agencyOnly = await loadKpiMonth(tx, { agencyId: AGENCY, clientId, month });
      expect(agencyOnly.settings.maxTacosBp).toBe(100);
      const passed = await loadKpiMonth(tx, {
        agencyId: AGENCY,
        clientId,
        month,
        agencyDefaults: { maxTacosBp: 100, stopCpaWeeks: 6 },
      });
      expect(passed.verdict).toEqual(agencyOnly.verdict);
      throw new RollBack();
    }).catch((e) => {
      if (!(e instanceof RollBack)) throw e;
    });
  });
});
