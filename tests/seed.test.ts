import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clients, contracts, contractVersions, kpiEntries, kpiWeeks } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { demoContract } from "@/db/seed-contracts";
import { seedId } from "@/db/seed-ids";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { isDue } from "@/lib/contracts/term";
import { tokyoToday } from "@/lib/contracts/view";
import { addMonths, isoWeekKey, isoWeekOf } from "@/lib/domain/calendar";
import { loadVerdicts } from "@/lib/kpis/load";
import { useTestDatabase } from "./fixtures";

let t: TestDatabase;

beforeAll(async () => {
  t = await useTestDatabase();
});

afterAll(async () => {
  await t?.close();
});

describe("demo seed: contracts", () => {
  it("gives every demo client a contract, is idempotent, and has one renewal within 30 days", async () => {
    await seedDemo(t.db, { passwordHash: "x" });
    const [clientCount] = await t.db.select({ n: count() }).from(clients);
    const first = await t.db
      .select({ status: contracts.status, document: contractVersions.document })
      .from(contracts)
      .innerJoin(contractVersions, eq(contractVersions.id, contracts.currentVersionId));
    expect(first).toHaveLength(clientCount?.n ?? -1);
    const today = tokyoToday();
    expect(first.filter((c) => isDue(c, today)).length).toBeGreaterThanOrEqual(1);
    const kinds = new Set(
      first.flatMap((c) => [
        ...c.document.fees.performanceRules.map((r) => r.kind),
        ...c.document.fees.additionalFees.map((f) => f.kind),
      ]),
    );
    expect([...kinds].sort()).toEqual(
      [
        "bonus_at_threshold",
        "extra_marketplace",
        "hourly",
        "option",
        "per_unit_over_baseline",
        "rate_over_baseline",
      ].sort(),
    );
    await seedDemo(t.db, { passwordHash: "x" });
    const [again] = await t.db.select({ n: count() }).from(contractVersions);
    expect(again?.n).toBe(first.length);
  });

  it("places the first demo contract's renewal 20 days after the seed runs", () => {
    const v = demoContract(0, "2026-12-20");
    expect([v.terms.startDate, v.terms.endDate]).toEqual(["2026-01-10", "2027-01-09"]);
  });
});

describe("demo seed: weekly KPIs", () => {
  it("gives the active demo clients 18 months of weeks, leaves this week empty, and shows Go, Hold and Stop", async () => {
    await seedDemo(t.db, { passwordHash: "x" });
    const [entries] = await t.db.select({ n: count() }).from(kpiEntries);
    await seedDemo(t.db, { passwordHash: "x" });
    const [again] = await t.db.select({ n: count() }).from(kpiEntries);
    expect(again?.n).toBe(entries?.n);
    const thisWeek = isoWeekKey(isoWeekOf(new Date(Date.now() + 9 * 3_600_000)));
    const [current] = await t.db.select({ n: count() }).from(kpiWeeks).where(eq(kpiWeeks.isoWeek, thisWeek));
    expect(current?.n).toBe(0);

    const sakura = seedId("agency:sakura");
    const codes = ["HANA", "KOME", "NIJI", "TOKI"];
    const ids = codes.map((code) => seedId(`client:sakura:${code}`));
    const [weeks] = await t.db
      .select({ n: count() })
      .from(kpiWeeks)
      .where(eq(kpiWeeks.clientId, ids[0] ?? ""));
    expect(weeks?.n).toBe(78);
    const today = tokyoToday();
    const lastMonth = addMonths({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }, -1);
    const verdicts = await withTenant(t.db, sakura, (tx) =>
      loadVerdicts(tx, { agencyId: sakura, clientIds: ids, month: lastMonth }),
    );
    expect(codes.map((code, i) => [code, verdicts.get(ids[i] ?? "")?.verdict])).toEqual([
      ["HANA", "go"],
      ["KOME", "go"],
      ["NIJI", "stop"],
      ["TOKI", "hold"],
    ]);
  });
});
