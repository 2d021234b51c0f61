import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { reportStatuses } from "@/lib/margins/report-status";
import { generateDraft, publish } from "@/lib/reports/service";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, useTestDatabase } from "./fixtures";

// The report column of the portfolio and the start page's unpublished reports: the same status as the
// reports page — published, draft, not generated, or late (past the deadline and still not published).

let t: TestDatabase;
const A = ID.agencyA;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
});

afterAll(async () => {
  await t?.close();
});

describe("report statuses", () => {
  it("reads published, late and not generated, and another agency sees none of it", async () => {
    const month = "2026-03"; // its deadline (the 5th business day of April 2026) has passed
    await withTenant(t.db, A, async (tx) => {
      const draft = await generateDraft(tx, { agencyId: A, clientId: ID.clientA1, month, actorUserId: null });
      await publish(tx, { agencyId: A, reportId: draft.id, version: 1, actorUserId: PEOPLE.manager.userId });
    });
    const statuses = await withTenant(t.db, A, (tx) =>
      reportStatuses(tx, { agencyId: A, clientIds: [ID.clientA1, ID.clientA2], month }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ [ID.clientA1]: "published", [ID.clientA2]: "late" });

    const nextYear = await withTenant(t.db, A, (tx) =>
      reportStatuses(tx, { agencyId: A, clientIds: [ID.clientA2], month: "2099-01" }),
    );
    expect(nextYear.get(ID.clientA2)).toBe("none");

    await withTenant(t.db, A, (tx) =>
      generateDraft(tx, { agencyId: A, clientId: ID.clientA2, month: "2099-01", actorUserId: null }),
    );
    const drafted = await withTenant(t.db, A, (tx) =>
      reportStatuses(tx, { agencyId: A, clientIds: [ID.clientA2], month: "2099-01" }),
    );
    expect(drafted.get(ID.clientA2)).toBe("draft");

    const other = await withTenant(t.db, ID.agencyB, (tx) =>
      reportStatuses(tx, { agencyId: A, clientIds: [ID.clientA1], month }),
    );
    expect(other.size).toBe(0);
  });
});
