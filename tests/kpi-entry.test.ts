import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveWeek } from "@/app/(app)/clients/[id]/kpis/entry/actions";
import { getKpiWeek, saveKpiPlan } from "@/db/queries/kpis";
import { auditLog, clients } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import type { ActionResult } from "@/lib/actions/safe-action";
import { hashPassword } from "@/lib/auth/password";
import type { EntryWeek, SavedWeek } from "@/lib/kpis/entry";
import { snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

// The weekly entry's save action against a real database: cells typed as people type them, read back as
// stored; every bad cell a field error at its path with nothing written; a stale version a conflict that
// carries the week as it stands; and, on Postgres, 50 truly concurrent saves of one week.

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

let t: TestDatabase;
const A = ID.agencyA;
const CLIENT = ID.clientA1;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
  await t.db
    .update(clients)
    .set({ channels: ["rakuten", "amazon"] })
    .where(eq(clients.id, CLIENT));
  await withTenant(t.db, A, (tx) =>
    saveKpiPlan(tx, {
      agencyId: A,
      clientId: CLIENT,
      version: 0,
      plan: {
        reviewCadence: "weekly",
        thirdPartyAudit: false,
        verdictSettings: {},
        returnRateBaselineBp: null,
        items: ["sales", "aov", "review_rating"].map((kpi) => ({
          kpi: kpi as "sales",
          tier: "surface" as const,
          direction: "higher" as const,
          dataSource: "RMS",
          thirdPartyAudited: false,
        })),
      },
    }),
  );
});

afterAll(async () => {
  await t?.close();
});

type Cell = { channel: string; measure: string; value: string | number | null };
type Result = ActionResult<SavedWeek, EntryWeek>;

const save = (isoWeek: string, version: number, cells: Cell[], clientId: string = CLIENT) =>
  saveWeek(null, { clientId, isoWeek, version, cells }) as Promise<Result>;

async function stored(isoWeek: string) {
  const week = await withTenant(t.db, A, (tx) => getKpiWeek(tx, { agencyId: A, clientId: CLIENT, isoWeek }));
  if (!week) return null;
  const cells = week.cells.map((c) => `${c.channel}:${c.measure}=${c.value}`).sort();
  return { version: week.version, cells };
}

const auditCells = (value: unknown) => (value as { cells?: unknown[] } | undefined)?.cells;

async function lastAudit() {
  const [row] = await t.db
    .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.agencyId, A), eq(auditLog.entity, "kpi_week")))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  return row;
}

describe("saving a week from the grid", () => {
  it("reads numbers as people type them, stores integers, and reads them back", async () => {
    signInAs("operatorAssigned");
    const result = await save("2026-W10", 0, [
      { channel: "rakuten", measure: "revenue", value: "¥1,234,500" },
      { channel: "rakuten", measure: "orders", value: "１２３" },
      { channel: "rakuten", measure: "review_rating", value: "4.23" },
      { channel: "rakuten", measure: "reviews", value: "30件" },
      { channel: "amazon", measure: "revenue", value: "987654" },
      { channel: "amazon", measure: "orders", value: 45 },
      { channel: "amazon", measure: "review_rating", value: "" },
      { channel: "amazon", measure: "reviews", value: null },
    ]);
    expect(result).toMatchObject({ ok: true, data: { changed: 6, week: { version: 1 } } });
    expect(await stored("2026-W10")).toEqual({
      version: 1,
      cells: [
        "amazon:orders=45",
        "amazon:revenue=987654",
        "rakuten:orders=123",
        "rakuten:revenue=1234500",
        "rakuten:review_rating=423",
        "rakuten:reviews=30",
      ],
    });
    const audit = await lastAudit();
    expect(audit?.action).toBe("kpi.week.save");
    expect(auditCells(audit?.after)).toHaveLength(6);
  });

  it("a second save changes only what differs, and audits only the changed cells", async () => {
    signInAs("manager");
    const result = await save("2026-W10", 1, [
      { channel: "rakuten", measure: "revenue", value: "1,234,500" },
      { channel: "rakuten", measure: "orders", value: "130" },
      { channel: "amazon", measure: "orders", value: "" },
    ]);
    expect(result).toMatchObject({ ok: true, data: { changed: 2, week: { version: 2 } } });
    const audit = await lastAudit();
    expect(audit?.before).toMatchObject({ isoWeek: "2026-W10", version: 1 });
    expect(auditCells(audit?.before)).toEqual(
      expect.arrayContaining([
        { channel: "rakuten", measure: "orders", value: 123 },
        { channel: "amazon", measure: "orders", value: 45 },
      ]),
    );
    expect(audit?.after).toMatchObject({ version: 2, cells: expect.arrayContaining([expect.anything()]) });
    expect(auditCells(audit?.after)).toHaveLength(2);
    // The same figures again: nothing changes, the version stays.
    const again = await save("2026-W10", 2, [{ channel: "rakuten", measure: "orders", value: "130" }]);
    expect(again).toMatchObject({ ok: true, data: { changed: 0, week: { version: 2 } } });
  });
});

describe("bad input: a field error at the cell, nothing written", () => {
  const BAD: [label: string, input: () => Promise<Result>, field: string][] = [
    [
      "a negative count",
      () => save("2026-W11", 0, [{ channel: "rakuten", measure: "orders", value: "-5" }]),
      "cells.0.value",
    ],
    [
      "text in a number",
      () =>
        save("2026-W11", 0, [
          { channel: "rakuten", measure: "orders", value: "12" },
          { channel: "rakuten", measure: "revenue", value: "たくさん" },
        ]),
      "cells.1.value",
    ],
    [
      "a rating with three decimals",
      () => save("2026-W11", 0, [{ channel: "rakuten", measure: "review_rating", value: "4.235" }]),
      "cells.0.value",
    ],
    [
      "a week that does not exist",
      () => save("2025-W53", 0, [{ channel: "rakuten", measure: "orders", value: "1" }]),
      "isoWeek",
    ],
    [
      "a measure that is not in the plan",
      () =>
        save("2026-W11", 0, [
          { channel: "rakuten", measure: "orders", value: "1" },
          { channel: "rakuten", measure: "sessions", value: "100" },
        ]),
      "cells.1.measure",
    ],
    [
      "a channel that is not the client's",
      () => save("2026-W11", 0, [{ channel: "yahoo", measure: "orders", value: "1" }]),
      "cells.0.channel",
    ],
    [
      "a channel that does not exist",
      () => save("2026-W11", 0, [{ channel: "mercari", measure: "orders", value: "1" }]),
      "cells.0.channel",
    ],
    [
      "a rating without reviews",
      () => save("2026-W11", 0, [{ channel: "rakuten", measure: "review_rating", value: "4.5" }]),
      "cells.0.value",
    ],
    [
      "a client without a KPI plan",
      () => save("2026-W11", 0, [{ channel: "amazon", measure: "orders", value: "1" }], ID.clientA2),
      "cells",
    ],
  ];

  for (const [label, input, field] of BAD) {
    it(label, async () => {
      signInAs("owner");
      const before = await snapshot(t.db);
      const result = await input();
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { [field]: [expect.any(String)] } });
      expect(await snapshot(t.db)).toEqual(before);
    });
  }

  it("reports every bad cell at once, in the person's language", async () => {
    signInAs("operatorAssigned");
    const result = await save("2026-W11", 0, [
      { channel: "rakuten", measure: "orders", value: "-1" },
      { channel: "rakuten", measure: "revenue", value: "abc" },
      { channel: "amazon", measure: "orders", value: "1.5" },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["cells.0.value", "cells.1.value", "cells.2.value"]);
    expect(result.fieldErrors["cells.1.value"]?.[0]).toBe("数値を入力してください。");
  });

  it("an unassigned operator gets not found, and nothing is written", async () => {
    signInAs("operatorUnassigned");
    const before = await snapshot(t.db);
    const result = await save("2026-W11", 0, [{ channel: "rakuten", measure: "orders", value: "1" }]);
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("conflicts", () => {
  it("a save from a stale version gets a conflict carrying the week as it stands, and can save again on it", async () => {
    signInAs("operatorAssigned");
    const first = await save("2026-W12", 0, [{ channel: "rakuten", measure: "orders", value: "10" }]);
    expect(first.ok).toBe(true);
    signInAs("manager");
    const theirs = await save("2026-W12", 1, [
      { channel: "rakuten", measure: "orders", value: "20" },
      { channel: "amazon", measure: "orders", value: "7" },
    ]);
    expect(theirs).toMatchObject({ ok: true, data: { week: { version: 2 } } });
    signInAs("operatorAssigned");
    const before = await snapshot(t.db);
    const mine = await save("2026-W12", 1, [{ channel: "rakuten", measure: "orders", value: "11" }]);
    expect(mine).toMatchObject({ ok: false, code: "conflict", current: { version: 2, updatedByName: "manager" } });
    expect(await snapshot(t.db)).toEqual(before);
    if (mine.ok || mine.code !== "conflict") return;
    expect(mine.current?.cells.map((c) => `${c.channel}:${c.measure}=${c.value}`).sort()).toEqual([
      "amazon:orders=7",
      "rakuten:orders=20",
    ]);
    // A week someone created in between also conflicts with "never saved".
    const fresh = await save("2026-W12", 0, [{ channel: "rakuten", measure: "orders", value: "11" }]);
    expect(fresh).toMatchObject({ ok: false, code: "conflict", current: { version: 2 } });
    // Resolved on the current version: saves.
    const resolved = await save("2026-W12", 2, [
      { channel: "rakuten", measure: "orders", value: "11" },
      { channel: "amazon", measure: "orders", value: "7" },
    ]);
    expect(resolved).toMatchObject({ ok: true, data: { changed: 1, week: { version: 3 } } });
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "50 concurrent saves of one week from the same version: one wins, 49 conflicts, nothing lost or mixed",
    async () => {
      signInAs("operatorAssigned");
      const start = await save("2026-W13", 0, [{ channel: "rakuten", measure: "orders", value: "1" }]);
      expect(start).toMatchObject({ ok: true, data: { week: { version: 1 } } });
      const cellsOf = (i: number): Cell[] => [
        { channel: "rakuten", measure: "revenue", value: String(100_000 + i) },
        { channel: "rakuten", measure: "orders", value: String(1_000 + i) },
        { channel: "amazon", measure: "revenue", value: String(200_000 + i) },
        { channel: "amazon", measure: "orders", value: String(2_000 + i) },
      ];
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => save("2026-W13", 1, cellsOf(i))));
      const outcomes = results.map((r) => (r.ok ? "ok" : r.code));
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "conflict")).toHaveLength(49);
      const winner = outcomes.indexOf("ok");
      expect(await stored("2026-W13")).toEqual({
        version: 2,
        cells: [
          `amazon:orders=${2_000 + winner}`,
          `amazon:revenue=${200_000 + winner}`,
          `rakuten:orders=${1_000 + winner}`,
          `rakuten:revenue=${100_000 + winner}`,
        ],
      });
      // Every loser was shown the winner's week.
      for (const r of results) {
        if (!r.ok && r.code === "conflict") expect(r.current?.version).toBe(2);
      }
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    "50 concurrent first saves of a week never saved: one creates it, 49 conflicts",
    async () => {
      signInAs("manager");
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          save("2026-W14", 0, [{ channel: "amazon", measure: "orders", value: String(i + 1) }]),
        ),
      );
      const outcomes = results.map((r) => (r.ok ? "ok" : r.code));
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "conflict")).toHaveLength(49);
      expect(await stored("2026-W14")).toEqual({ version: 1, cells: [`amazon:orders=${outcomes.indexOf("ok") + 1}`] });
    },
  );
});
