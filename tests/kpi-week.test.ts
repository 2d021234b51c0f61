import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveHours } from "@/app/(app)/week/actions";
import { replaceKpiTargets, saveKpiPlan, saveKpiWeek } from "@/db/queries/kpis";
import { timeEntries } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import type { KpiKey } from "@/lib/domain/kpi";
import { entryStatus, loadWeekView, tokyoWeek } from "@/lib/kpis/week-view";
import { parseHours } from "@/lib/schemas/week";
import { auditCount, snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

// The operator's week (/week): hours saved with a version check and an audit row, only for one's own
// assigned clients; entry status from the plan's cells; the team view by operator with who is late.

let t: TestDatabase;
const A = ID.agencyA;
const WEEK = "2026-W10"; // 2 – 8 March 2026, counts in March

async function plan(clientId: string, kpis: KpiKey[]) {
  await withTenant(t.db, A, (tx) =>
    saveKpiPlan(tx, {
      agencyId: A,
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
  // A1 (rakuten) asks for revenue and orders: 2 cells a week.
  await plan(ID.clientA1, ["sales", "aov"]);
});

afterAll(async () => {
  await t?.close();
});

const hoursOf = async (membershipId: string, clientId: string) =>
  t.db
    .select({ minutes: timeEntries.minutes, version: timeEntries.version })
    .from(timeEntries)
    .where(
      and(
        eq(timeEntries.membershipId, membershipId),
        eq(timeEntries.clientId, clientId),
        eq(timeEntries.isoWeek, WEEK),
      ),
    );

describe("hours as people type them", () => {
  it.each([
    ["1:30", 90],
    ["1.5", 90],
    ["0.25", 15],
    ["0.33", 20],
    ["２時間", 120],
    ["1時間30分", 90],
    ["90分", 90],
    ["1h30m", 90],
    ["45m", 45],
    ["", 0],
    ["168", 10_080],
    ["168:00", 10_080],
  ])("%j is %i minutes", (raw, minutes) => {
    expect(parseHours(raw)).toEqual({ ok: true, minutes });
  });

  it.each([
    ["-1", "hours_negative"],
    ["-0:30", "hours_negative"],
    ["168:01", "hours_too_many"],
    ["169", "hours_too_many"],
    ["abc", "hours_format"],
    ["1.234", "hours_format"],
    ["1:75", "hours_format"],
    ["1,5", "hours_format"],
    ["１時間半", "hours_format"],
  ])("%j is refused (%s)", (raw, code) => {
    expect(parseHours(raw)).toEqual({ ok: false, code });
  });
});

describe("saving hours", () => {
  it("creates with version 0, then saves only with the version read; each save is audited", async () => {
    signInAs("operatorAssigned");
    const audits = await auditCount(t.db);
    const first = await saveHours(null, { clientId: ID.clientA1, isoWeek: WEEK, hours: "1:30", version: 0 });
    expect(first).toEqual({ ok: true, data: { version: 1, minutes: 90 } });
    const stale = await saveHours(null, { clientId: ID.clientA1, isoWeek: WEEK, hours: "3", version: 0 });
    expect(stale.ok ? "ok" : stale.code).toBe("conflict");
    const second = await saveHours(null, { clientId: ID.clientA1, isoWeek: WEEK, hours: "2.5", version: 1 });
    expect(second).toEqual({ ok: true, data: { version: 2, minutes: 150 } });
    const stale2 = await saveHours(null, { clientId: ID.clientA1, isoWeek: WEEK, hours: "3", version: 1 });
    expect(stale2.ok ? "ok" : stale2.code).toBe("conflict");
    expect(await hoursOf(PEOPLE.operatorAssigned.membershipId, ID.clientA1)).toEqual([{ minutes: 150, version: 2 }]);
    expect(await auditCount(t.db)).toBe(audits + 2);
  });

  it.each([
    ["-1", "マイナス"],
    ["169", "168時間"],
    ["168:30", "168時間"],
    ["たくさん", "1:30"],
    ["1e3", "1:30"],
  ])("refuses %j with a field error on hours and writes nothing", async (hours, message) => {
    signInAs("operatorAssigned");
    const before = await snapshot(t.db);
    const result = await saveHours(null, { clientId: ID.clientA1, isoWeek: WEEK, hours, version: 2 });
    expect(result.ok ? "ok" : result.code).toBe("invalid");
    if (!result.ok && result.code === "invalid") expect(result.fieldErrors.hours?.[0]).toContain(message);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a week that does not exist", async () => {
    signInAs("operatorAssigned");
    const result = await saveHours(null, { clientId: ID.clientA1, isoWeek: "2025-W53", hours: "1", version: 0 });
    expect(result.ok ? "ok" : result.code).toBe("invalid");
    if (!result.ok && result.code === "invalid") expect(result.fieldErrors.isoWeek).toBeDefined();
  });

  it("an operator cannot enter hours on another operator's client: not found, nothing written", async () => {
    const before = await snapshot(t.db);
    signInAs("operatorUnassigned");
    const other = await saveHours(null, { clientId: ID.clientA1, isoWeek: WEEK, hours: "1", version: 0 });
    expect(other.ok ? "ok" : other.code).toBe("not_found");
    signInAs("operatorAssigned");
    const unassigned = await saveHours(null, { clientId: ID.clientA2, isoWeek: WEEK, hours: "1", version: 0 });
    expect(unassigned.ok ? "ok" : unassigned.code).toBe("not_found");
    signInAs("otherAgencyManager");
    const foreign = await saveHours(null, { clientId: ID.clientA1, isoWeek: WEEK, hours: "1", version: 0 });
    expect(foreign.ok ? "ok" : foreign.code).toBe("not_found");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("each person enters only their own hours: a manager's save leaves the operator's alone", async () => {
    signInAs("manager");
    const mine = await saveHours(null, { clientId: ID.clientA1, isoWeek: WEEK, hours: "0:45", version: 0 });
    expect(mine).toEqual({ ok: true, data: { version: 1, minutes: 45 } });
    expect(await hoursOf(PEOPLE.manager.membershipId, ID.clientA1)).toEqual([{ minutes: 45, version: 1 }]);
    expect(await hoursOf(PEOPLE.operatorAssigned.membershipId, ID.clientA1)).toEqual([{ minutes: 150, version: 2 }]);
  });
});

describe("the week's view", () => {
  const view = (membership: keyof typeof PEOPLE, extra: Partial<Parameters<typeof loadWeekView>[1]> = {}) => {
    const person = PEOPLE[membership];
    const scope =
      person.role === "operator"
        ? ({ kind: "assigned", membershipId: person.membershipId } as const)
        : ({ kind: "all" } as const);
    return withTenant(t.db, A, (tx) =>
      loadWeekView(tx, {
        agencyId: A,
        scope,
        membershipId: person.membershipId,
        week: WEEK,
        view: "mine",
        page: 1,
        pageSize: 50,
        // Two weeks later: WEEK is past.
        now: new Date("2026-03-18T03:00:00Z"),
        ...extra,
      }),
    );
  };
  const enter = (version: number, cells: { measure: "revenue" | "orders"; value: number }[]) =>
    withTenant(t.db, A, (tx) =>
      saveKpiWeek(tx, {
        agencyId: A,
        clientId: ID.clientA1,
        isoWeek: WEEK,
        weekStart: "2026-03-02",
        month: "2026-03",
        version,
        userId: PEOPLE.operatorAssigned.userId,
        cells: cells.map((c) => ({ channel: "rakuten" as const, ...c })),
      }),
    );

  it("status: not started, partial, complete against the plan's cells; late while the past week is incomplete", async () => {
    expect(entryStatus(0, 0)).toBe("no_plan");
    let v = await view("operatorAssigned");
    expect(v.rows.map((r) => [r.code, r.status, r.cells, r.expected, r.late])).toEqual([
      ["A1", "not_started", 0, 2, true],
    ]);
    expect(v.rows[0]?.minutes).toBe(150);
    expect(v.rows[0]?.ownHours).toBe(true);
    const first = await enter(0, [{ measure: "revenue", value: 1_000_000 }]);
    v = await view("operatorAssigned");
    expect(v.rows.map((r) => [r.status, r.late])).toEqual([["partial", true]]);
    await enter(first.version, [{ measure: "orders", value: 100 }]);
    v = await view("operatorAssigned");
    expect(v.rows.map((r) => [r.status, r.late])).toEqual([["complete", false]]);
    expect(v.counts).toMatchObject({ complete: 1, partial: 0, not_started: 0, late: 0 });
  });

  it("an operator sees only their assigned clients; the unassigned one none", async () => {
    expect((await view("operatorUnassigned")).rows).toEqual([]);
    expect((await view("operatorAssigned")).rows.map((r) => r.clientId)).toEqual([ID.clientA1]);
  });

  it("the team view groups by operator, shows who is late, filters by operator and status", async () => {
    await plan(ID.clientA2, ["orders"]);
    const team = await view("manager", { view: "team" });
    expect(team.rows.map((r) => [r.code, r.operator?.name ?? null, r.status, r.late])).toEqual([
      ["A1", "operatorAssigned", "complete", false],
      ["A2", null, "not_started", true],
    ]);
    // The operator's hours on their client, not editable by the manager.
    expect(team.rows[0]).toMatchObject({ minutes: 150, ownHours: false });
    expect(team.counts.late).toBe(1);
    const late = await view("manager", { view: "team", status: "late" });
    expect(late.rows.map((r) => r.code)).toEqual(["A2"]);
    const byOperator = await view("manager", { view: "team", operator: PEOPLE.operatorAssigned.membershipId });
    expect(byOperator.rows.map((r) => r.code)).toEqual(["A1"]);
    const unassigned = await view("manager", { view: "team", operator: "none" });
    expect(unassigned.rows.map((r) => r.code)).toEqual(["A2"]);
    // The current week is not late yet.
    const current = await view("manager", { view: "team", now: new Date("2026-03-04T03:00:00Z") });
    expect(current.rows.every((r) => !r.late)).toBe(true);
    // "Mine" for a manager: the clients they are assigned to.
    expect((await view("manager")).rows.map((r) => r.code)).toEqual(["A1"]);
  });

  it("lists the plan's KPIs off track in the week's month", async () => {
    await withTenant(t.db, A, (tx) =>
      replaceKpiTargets(tx, {
        agencyId: A,
        clientId: ID.clientA1,
        fromMonth: "2026-03",
        toMonth: "2026-03",
        // Sales 1,000,000 of 5,000,000 (20 %): off track; AOV 10,000 of 10,000: on track.
        targets: [
          { kpi: "sales", month: "2026-03", target: 5_000_000 },
          { kpi: "aov", month: "2026-03", target: 10_000 },
        ],
      }),
    );
    const v = await view("operatorAssigned");
    expect(v.rows[0]?.offTrack).toEqual(["sales"]);
  });

  it("pages the rows and computes off-track KPIs only for the page", async () => {
    const v = await view("manager", { view: "team", pageSize: 1, page: 2 });
    expect(v.total).toBe(2);
    expect(v.rows.map((r) => r.code)).toEqual(["A2"]);
    expect(v.rows[0]?.offTrack).toEqual([]);
  });

  it("knows the current week in Tokyo", () => {
    // Sunday 8 March 2026, 23:30 in Tokyo is still W10; 15:30 UTC is Monday 00:30 in Tokyo: W11.
    expect(tokyoWeek(new Date("2026-03-08T14:30:00Z"))).toBe("2026-W10");
    expect(tokyoWeek(new Date("2026-03-08T15:30:00Z"))).toBe("2026-W11");
  });
});
