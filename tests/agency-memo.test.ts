import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/db/errors";
import { agencyRevision, insertAuditRow } from "@/db/queries/audit";
import { getClientHeadOrThrow } from "@/db/queries/clients";
import { currentAgencyRevision } from "@/db/queries/system";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { clearAgencyMemo, memoAgencyAt } from "@/lib/cache/agency-memo";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, useTestDatabase } from "./fixtures";

// The memo behind every kept page (agencyReadKept): a value is served again only while the agency's data is
// where it was (no transaction with audit rows committed since), never across agencies or keys.

let t: TestDatabase;
const A = ID.agencyA;
const B = ID.agencyB;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
});

afterAll(async () => {
  await t?.close();
});

const auditRow = (agencyId: string) => ({
  agencyId,
  actorUserId: PEOPLE.owner.userId,
  action: "test.touch",
  entity: "agency",
  entityId: agencyId,
});

const audit = (agencyId: string) => withTenant(t.db, agencyId, (tx) => insertAuditRow(tx, auditRow(agencyId)));
const revisionOf = (agencyId: string) => withTenant(t.db, agencyId, (tx) => agencyRevision(tx, { agencyId }));
/** As agencyReadKept uses it: the revision read first, outside any transaction. */
const memo = async <T>(agencyId: string, key: string[], compute: () => Promise<T>) =>
  memoAgencyAt(await currentAgencyRevision(t.db, { agencyId }), agencyId, key, compute);

describe("an agency's revision", () => {
  it("rises with every committed audit row of the agency, and with no other agency's", async () => {
    const a0 = await revisionOf(A);
    const b0 = await revisionOf(B);
    await audit(A);
    await withTenant(t.db, A, async (tx) => {
      await insertAuditRow(tx, auditRow(A));
      await insertAuditRow(tx, auditRow(A));
    });
    expect(await revisionOf(A)).toBe(a0 + 3);
    expect(await revisionOf(B)).toBe(b0);
  });

  it("does not move for a transaction that rolled back", async () => {
    const before = await revisionOf(A);
    await expect(
      withTenant(t.db, A, async (tx) => {
        await insertAuditRow(tx, auditRow(A));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await revisionOf(A)).toBe(before);
  });

  it("moves only when the writing transaction commits, not while it is open", async () => {
    const before = await revisionOf(A);
    await withTenant(t.db, A, async (tx) => {
      await insertAuditRow(tx, auditRow(A));
      // The trigger is deferred to the commit: inside the transaction the revision has not moved yet.
      expect(await agencyRevision(tx, { agencyId: A })).toBe(before);
    });
    expect(await revisionOf(A)).toBe(before + 1);
  });

  it("reads the same outside any transaction (currentAgencyRevision, before a kept page), for each agency", async () => {
    await audit(A);
    await audit(B);
    expect(await currentAgencyRevision(t.db, { agencyId: A })).toBe(await revisionOf(A));
    expect(await currentAgencyRevision(t.db, { agencyId: B })).toBe(await revisionOf(B));
    await audit(A);
    expect(await currentAgencyRevision(t.db, { agencyId: A })).toBe(await revisionOf(A));
    // An agency that never wrote has revision 0.
    expect(await currentAgencyRevision(t.db, { agencyId: "00000000-0000-4000-8000-00000000ffff" })).toBe(0);
  });

  it("is another agency's business: a tenant reads and writes only its own row", async () => {
    await audit(B);
    // B has a revision, and A's transaction cannot see it.
    expect(await revisionOf(B)).toBeGreaterThan(0);
    expect(await withTenant(t.db, A, (tx) => agencyRevision(tx, { agencyId: B }))).toBe(0);
  });
});

describe("a kept page's client check (getClientHeadOrThrow)", () => {
  const head = (agencyId: string, clientId: string, scope: Parameters<typeof getClientHeadOrThrow>[1]["scope"]) =>
    withTenant(t.db, agencyId, (tx) => getClientHeadOrThrow(tx, { agencyId, clientId, scope }));

  it("answers the client's heading facts", async () => {
    expect(await head(A, ID.clientA1, { kind: "all" })).toEqual({
      id: ID.clientA1,
      name: "A社1",
      channels: ["rakuten"],
    });
  });

  it("is not found for another agency's client, or a client outside the member's scope", async () => {
    await expect(head(B, ID.clientA1, { kind: "all" })).rejects.toBeInstanceOf(NotFoundError);
    const operator = { kind: "assigned", membershipId: PEOPLE.operatorAssigned.membershipId } as const;
    expect((await head(A, ID.clientA1, operator)).id).toBe(ID.clientA1);
    await expect(head(A, ID.clientA2, operator)).rejects.toBeInstanceOf(NotFoundError);
    await expect(head(A, ID.clientA1, { kind: "own", clientId: ID.clientA2 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("memoAgencyAt", () => {
  it("serves the kept value until the agency's next audited commit, then computes again", async () => {
    clearAgencyMemo();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await memo(A, ["counter"], compute)).toBe(1);
    expect(await memo(A, ["counter"], compute)).toBe(1);
    await audit(A);
    expect(await memo(A, ["counter"], compute)).toBe(2);
    expect(await memo(A, ["counter"], compute)).toBe(2);
    // Another agency's mutation does not disturb A's value.
    await audit(B);
    expect(await memo(A, ["counter"], compute)).toBe(2);
  });

  it("keeps agencies and keys apart", async () => {
    clearAgencyMemo();
    let computed = 0;
    const compute = async () => ++computed;
    const a = await memo(A, ["day", "2026-11-27"], compute);
    const b = await memo(B, ["day", "2026-11-27"], compute);
    const nextDay = await memo(A, ["day", "2026-11-28"], compute);
    expect(new Set([a, b, nextDay]).size).toBe(3);
    expect(await memo(A, ["day", "2026-11-27"], compute)).toBe(a);
  });

  it("forgets a computation that failed", async () => {
    clearAgencyMemo();
    let calls = 0;
    const failOnce = async () => {
      calls++;
      if (calls === 1) throw new Error("boom");
      return calls;
    };
    await expect(memo(A, ["fails"], failOnce)).rejects.toThrow("boom");
    expect(await memo(A, ["fails"], failOnce)).toBe(2);
  });

  it("with a revision read earlier: keeps the value for it, and an older revision never replaces a newer one", async () => {
    clearAgencyMemo();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await memoAgencyAt(5, A, ["at"], compute)).toBe(1);
    expect(await memoAgencyAt(5, A, ["at"], compute)).toBe(1);
    expect(await memoAgencyAt(6, A, ["at"], compute)).toBe(2);
    // A request that read revision 5 before the mutation computes for itself and leaves 6's value in place.
    expect(await memoAgencyAt(5, A, ["at"], compute)).toBe(3);
    expect(await memoAgencyAt(6, A, ["at"], compute)).toBe(2);
  });
});
