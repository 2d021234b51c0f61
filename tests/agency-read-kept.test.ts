import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { insertAuditRow } from "@/db/queries/audit";
import { getClientHeadOrThrow, setClientAssignments } from "@/db/queries/clients";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { agencyReadKept } from "@/lib/actions/agency-read";
import { hashPassword } from "@/lib/auth/password";
import { clearAgencyMemo } from "@/lib/cache/agency-memo";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

// agencyReadKept: a kept page serves what it loaded while the agency's data is unchanged, without a tenant
// transaction, and never to a member who may see other clients than the one it was loaded for.

let t: TestDatabase;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
});

afterAll(async () => {
  await t?.close();
});

beforeEach(() => {
  clearAgencyMemo();
  vi.restoreAllMocks();
});

const NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

/** The KPI page's kept client check, counting how often it really reads. */
function clientHead(clientId: string) {
  const loads = { count: 0 };
  const read = () =>
    agencyReadKept("kpis.read", ["head", clientId], async ({ tx, agencyId, scope }) => {
      loads.count++;
      return getClientHeadOrThrow(tx, { agencyId, clientId, scope });
    });
  return { read, loads };
}

/** An audited change of client A1's operators, as the client form's action makes it. */
async function assignOperators(operatorMembershipIds: string[]) {
  await withTenant(t.db, ID.agencyA, async (tx) => {
    await setClientAssignments(tx, {
      agencyId: ID.agencyA,
      clientId: ID.clientA1,
      managerMembershipId: PEOPLE.manager.membershipId,
      operatorMembershipIds,
    });
    await insertAuditRow(tx, {
      agencyId: ID.agencyA,
      actorUserId: PEOPLE.owner.userId,
      action: "client.update",
      entity: "client",
      entityId: ID.clientA1,
    });
  });
}

describe("agencyReadKept", () => {
  it("loads once, then serves the kept value without opening a transaction", async () => {
    signInAs("operatorAssigned");
    const { read, loads } = clientHead(ID.clientA1);
    const first = await read();
    expect(first.data).toEqual({ id: ID.clientA1, name: "A社1", channels: ["rakuten"] });
    expect(first.agencyId).toBe(ID.agencyA);
    const transaction = vi.spyOn(t.db, "transaction");
    const second = await read();
    expect(second.data).toBe(first.data);
    expect(second.revision).toBe(first.revision);
    expect(loads.count).toBe(1);
    expect(transaction).not.toHaveBeenCalled();
  });

  it("never serves a kept value to a member with another scope: an unassigned operator gets 404", async () => {
    signInAs("operatorAssigned");
    const { read, loads } = clientHead(ID.clientA1);
    await read();
    signInAs("operatorUnassigned");
    await expect(read()).rejects.toMatchObject(NOT_FOUND);
    // A value kept for the manager (scope: every client) is not the operator's either.
    signInAs("manager");
    await read();
    signInAs("operatorUnassigned");
    await expect(read()).rejects.toMatchObject(NOT_FOUND);
    expect(loads.count).toBe(4);
  });

  it("is not found for another agency's member, whatever was kept for this agency", async () => {
    signInAs("owner");
    const { read } = clientHead(ID.clientA1);
    await read();
    signInAs("otherAgencyManager");
    await expect(read()).rejects.toMatchObject(NOT_FOUND);
  });

  it("loads again after an audited change: an operator taken off the client gets 404 at once", async () => {
    signInAs("operatorAssigned");
    const { read, loads } = clientHead(ID.clientA1);
    const before = await read();
    await assignOperators([]);
    await expect(read()).rejects.toMatchObject(NOT_FOUND);
    await assignOperators([PEOPLE.operatorAssigned.membershipId]);
    const after = await read();
    expect(after.revision).toBeGreaterThan(before.revision);
    expect(loads.count).toBe(3);
  });

  it("keeps nothing for a load that was not found: the next request loads again", async () => {
    signInAs("operatorUnassigned");
    const { read, loads } = clientHead(ID.clientA1);
    await expect(read()).rejects.toMatchObject(NOT_FOUND);
    await expect(read()).rejects.toMatchObject(NOT_FOUND);
    expect(loads.count).toBe(2);
  });

  it("checks the permission first: a client user may not read KPIs outside reports", async () => {
    signInAs("clientUser");
    const { read, loads } = clientHead(ID.clientA1);
    await expect(read()).rejects.toMatchObject(NOT_FOUND);
    expect(loads.count).toBe(0);
  });
});
