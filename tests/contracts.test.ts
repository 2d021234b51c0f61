import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveInvoiceSettings } from "@/app/(app)/agency-settings/actions";
import {
  activateContract,
  amendContract,
  copyContract,
  createContract,
  decideChecklistItem,
  saveActuals,
  terminateContract,
} from "@/app/(app)/clients/[id]/contracts/actions";
import { getAgencySettings } from "@/db/queries/agency";
import {
  getContractActuals,
  getContractOrThrow,
  listChecklistItems,
  listClientContracts,
  listContractVersions,
  versionsInForce,
} from "@/db/queries/contracts";
import { contracts, contractVersions } from "@/db/schema";
import type { ClientScope } from "@/db/scope";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import type { ActionResult } from "@/lib/actions/safe-action";
import { hashPassword } from "@/lib/auth/password";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import { snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

let t: TestDatabase;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
});

afterAll(async () => {
  await t?.close();
});

function data<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

async function create(clientId: string = ID.clientA1) {
  signInAs("manager");
  return data(await createContract(null, { clientId, title: "運営代行契約", document: sampleVersion(), note: "締結" }));
}

async function read(contractId: string, scope: ClientScope = { kind: "all" }) {
  return withTenant(t.db, ID.agencyA, (tx) => getContractOrThrow(tx, { agencyId: ID.agencyA, contractId, scope }));
}

async function currentVersion(contractId: string) {
  const [row] = await t.db.select({ version: contracts.version }).from(contracts).where(eq(contracts.id, contractId));
  return row?.version ?? 0;
}

describe("contracts", () => {
  it("creates a draft with version 1 and an audit row, and reads it back as stored", async () => {
    const { id } = await create();
    const contract = await read(id);
    expect(contract).toMatchObject({ status: "draft", versionNumber: 1, title: "運営代行契約" });
    expect(contract.document).toEqual(sampleVersion());
  });

  it("amending keeps every earlier version readable and makes the new one current", async () => {
    const { id } = await create();
    const next = sampleVersion();
    next.fees.monthlyFeeLines[0] = { label: "運営代行", amount: 320_000 };
    const amended = data(
      await amendContract(null, {
        clientId: ID.clientA1,
        contractId: id,
        version: 1,
        document: next,
        note: "月額改定",
      }),
    );
    expect(amended.number).toBe(2);
    const versions = await withTenant(t.db, ID.agencyA, (tx) =>
      listContractVersions(tx, { agencyId: ID.agencyA, contractId: id }),
    );
    expect(versions.map((v) => [v.number, v.note, v.createdByName])).toEqual([
      [2, "月額改定", "manager"],
      [1, "締結", "manager"],
    ]);
    expect(versions[1]?.document.fees.monthlyFeeLines[0]?.amount).toBe(300_000);
    expect(versions[0]?.document.fees.monthlyFeeLines[0]?.amount).toBe(320_000);
    expect((await read(id)).versionNumber).toBe(2);
  });

  it("two managers amending the same version: one succeeds, the other gets a conflict, nothing is lost", async () => {
    const { id } = await create();
    const a = sampleVersion();
    a.fees.monthlyFeeLines[0] = { label: "運営代行", amount: 310_000 };
    const b = sampleVersion();
    b.terms.noticeDays = 90;
    signInAs("manager");
    const results = await Promise.all([
      amendContract(null, { clientId: ID.clientA1, contractId: id, version: 1, document: a, note: "A" }),
      amendContract(null, { clientId: ID.clientA1, contractId: id, version: 1, document: b, note: "B" }),
    ]);
    const outcomes = results.map((r) => (r.ok ? "ok" : r.code)).sort();
    expect(outcomes).toEqual(["conflict", "ok"]);
    const winner = results[0]?.ok ? "A" : "B";
    const versions = await t.db
      .select({ number: contractVersions.number, note: contractVersions.note })
      .from(contractVersions)
      .where(eq(contractVersions.contractId, id));
    expect(versions.map((v) => v.note).sort()).toEqual([winner, "締結"].sort());
    expect(await currentVersion(id)).toBe(2);
    const current = await read(id);
    expect(current.document).toEqual(winner === "A" ? a : b);
    // The loser can reload and amend on top of the winner.
    const retry = await amendContract(null, {
      clientId: ID.clientA1,
      contractId: id,
      version: 2,
      document: winner === "A" ? { ...a, terms: b.terms } : { ...b, fees: a.fees },
      note: "再適用",
    });
    expect(retry.ok).toBe(true);
  });

  it("reports bad terms field by field at the domain's paths and writes nothing", async () => {
    signInAs("manager");
    const v = sampleVersion();
    v.fees.monthlyFeeLines[0] = { label: "運営代行", amount: -1 };
    v.terms.endDate = "2026-01-01";
    v.fees.performanceRules[0] = { kind: "rate_over_baseline", basis: "sales", rateBp: 10_001, baseline: 0, cap: -5 };
    (v.fees.performanceRules as unknown[])[1] = { kind: "mystery", bonus: 1 };
    v.fees.initialFeeLines[0] = { label: "データ移行", amount: 5_000_000_000 };
    const before = await snapshot(t.db);
    const result = await createContract(null, { clientId: ID.clientA1, title: "x", document: v });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (result.ok || result.code !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      [
        "document.fees.initialFeeLines.0.amount",
        "document.fees.monthlyFeeLines.0.amount",
        "document.fees.performanceRules.0.cap",
        "document.fees.performanceRules.0.rateBp",
        "document.fees.performanceRules.1.kind",
        "document.terms.endDate",
      ].sort(),
    );
    expect(result.fieldErrors["document.fees.performanceRules.0.rateBp"]?.[0]).toContain("100%");
    expect(result.fieldErrors["document.fees.monthlyFeeLines.0.amount"]?.[0]).toContain("マイナス");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses control characters in a clause at its path", async () => {
    signInAs("manager");
    const v = sampleVersion();
    v.terms.clauses.confidentiality = "秘密\u202e保持";
    const result = await createContract(null, { clientId: ID.clientA1, title: "x", document: v });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { "document.terms.clauses.confidentiality": [expect.any(String)] },
    });
  });

  it("copies another client's contract of the same agency as a new draft", async () => {
    const source = await create(ID.clientA2);
    const copy = data(
      await copyContract(null, { clientId: ID.clientA1, sourceContractId: source.id, title: "コピー契約" }),
    );
    const contract = await read(copy.id);
    expect(contract).toMatchObject({ clientId: ID.clientA1, status: "draft", versionNumber: 1 });
    expect(contract.document).toEqual(sampleVersion());
  });

  it("another agency's manager can neither copy nor amend agency A's contract", async () => {
    const { id } = await create();
    signInAs("otherAgencyManager");
    const before = await snapshot(t.db);
    const copy = await copyContract(null, { clientId: ID.clientB1, sourceContractId: id, title: "盗用" });
    expect(copy.ok ? "ok" : copy.code).toBe("not_found");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("activates a draft and terminates an active contract; wrong transitions are refused", async () => {
    const { id } = await create();
    expect(data(await activateContract(null, { clientId: ID.clientA1, contractId: id, version: 1 })).status).toBe(
      "active",
    );
    const again = await activateContract(null, { clientId: ID.clientA1, contractId: id, version: 2 });
    expect(again).toMatchObject({ ok: false, code: "invalid" });
    const stale = await terminateContract(null, { clientId: ID.clientA1, contractId: id, version: 1 });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    expect(data(await terminateContract(null, { clientId: ID.clientA1, contractId: id, version: 2 })).status).toBe(
      "terminated",
    );
    const amend = await amendContract(null, {
      clientId: ID.clientA1,
      contractId: id,
      version: 3,
      document: sampleVersion(),
      note: "x",
    });
    expect(amend).toMatchObject({ ok: false, code: "invalid" });
  });

  it("client users see their own client's non-draft contracts only; operators their assigned clients", async () => {
    const draft = await create();
    const active = await create();
    data(await activateContract(null, { clientId: ID.clientA1, contractId: active.id, version: 1 }));
    const own: ClientScope = { kind: "own", clientId: ID.clientA1 };
    const list = await withTenant(t.db, ID.agencyA, (tx) =>
      listClientContracts(tx, { agencyId: ID.agencyA, clientId: ID.clientA1, scope: own }),
    );
    expect(list.every((c) => c.status !== "draft")).toBe(true);
    expect(list.map((c) => c.id)).toContain(active.id);
    await expect(read(draft.id, own)).rejects.toThrow("not found");
    await expect(read(active.id, { kind: "own", clientId: ID.clientA2 })).rejects.toThrow("not found");
    await expect(
      read(draft.id, { kind: "assigned", membershipId: PEOPLE.operatorAssigned.membershipId }),
    ).resolves.toMatchObject({ id: draft.id });
    await expect(
      read(draft.id, { kind: "assigned", membershipId: PEOPLE.operatorUnassigned.membershipId }),
    ).rejects.toThrow("not found");
  });

  it("keeps checklist decisions across an amendment only for items whose terms did not change", async () => {
    const { id, versionId } = await create();
    for (const item of [1, 5]) {
      data(
        await decideChecklistItem(null, {
          clientId: ID.clientA1,
          contractId: id,
          versionId,
          item,
          status: "confirmed",
          note: `項目${item}確認`,
        }),
      );
    }
    const next = sampleVersion();
    next.fees.monthlyFeeLines[1] = { label: "月次レポート", amount: 60_000 };
    const amended = data(
      await amendContract(null, { clientId: ID.clientA1, contractId: id, version: 1, document: next, note: "改定" }),
    );
    expect([amended.checklistKept, amended.checklistDropped]).toEqual([1, 1]);
    const items = await withTenant(t.db, ID.agencyA, (tx) =>
      listChecklistItems(tx, { agencyId: ID.agencyA, contractVersionId: amended.versionId }),
    );
    expect(items.map((i) => [i.item, i.status, i.note, i.checkedByName])).toEqual([
      [5, "confirmed", "項目5確認", "manager"],
    ]);
    // A decision for the version that is no longer current conflicts.
    const stale = await decideChecklistItem(null, {
      clientId: ID.clientA1,
      contractId: id,
      versionId,
      item: 2,
      status: "needs_action",
      note: "",
    });
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
  });

  it("saves a month's actuals with a version check, and refuses figures the contract cannot take", async () => {
    const { id } = await create();
    const first = data(
      await saveActuals(null, {
        clientId: ID.clientA1,
        contractId: id,
        month: "2026-05",
        version: 0,
        actuals: { sales: "4,000,000", orders: "800", adRevenue: "1200000", adSpend: "250000" },
      }),
    );
    expect(first.version).toBe(1);
    const stored = await withTenant(t.db, ID.agencyA, (tx) =>
      getContractActuals(tx, { agencyId: ID.agencyA, contractId: id, month: "2026-05" }),
    );
    expect(stored?.actuals).toEqual({ sales: 4_000_000, orders: 800, adRevenue: 1_200_000, adSpend: 250_000 });
    const again = await saveActuals(null, {
      clientId: ID.clientA1,
      contractId: id,
      month: "2026-05",
      version: 0,
      actuals: { sales: "1" },
    });
    expect(again).toMatchObject({ ok: false, code: "conflict" });
    const before = await snapshot(t.db);
    const negative = await saveActuals(null, {
      clientId: ID.clientA1,
      contractId: id,
      month: "2026-05",
      version: 1,
      actuals: { sales: "-5" },
    });
    expect(negative).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { "actuals.sales": [expect.any(String)] },
    });
    const unknownSla = await saveActuals(null, {
      clientId: ID.clientA1,
      contractId: id,
      month: "2026-05",
      version: 1,
      actuals: { missedSlaItems: ["no_such_item"] },
    });
    expect(unknownSla).toMatchObject({ ok: false, code: "invalid" });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("keeps the agency's registration number (T + 13 digits) and refuses a malformed one", async () => {
    signInAs("owner");
    const bad = await saveInvoiceSettings(null, { invoiceRegistrationNumber: "T12345" });
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { invoiceRegistrationNumber: [expect.stringContaining("13桁")] },
    });
    expect(
      data(await saveInvoiceSettings(null, { invoiceRegistrationNumber: "Ｔ１２３４５６７８９０１２３" })),
    ).toEqual({
      invoiceRegistrationNumber: "T1234567890123",
    });
    const settings = await withTenant(t.db, ID.agencyA, (tx) => getAgencySettings(tx, { agencyId: ID.agencyA }));
    expect(settings.invoiceRegistrationNumber).toBe("T1234567890123");
    expect(settings.hiringTriggers).toEqual([450_000, 600_000]);
    signInAs("manager");
    const denied = await saveInvoiceSettings(null, { invoiceRegistrationNumber: "T1234567890123" });
    expect(denied.ok ? "ok" : denied.code).toBe("not_found");
  });
});

describe("amendments take effect from a month", () => {
  it("bills each month with the version in force then, and refuses an amendment effective before the last", async () => {
    const { id } = await create();
    const raised = sampleVersion();
    raised.fees.monthlyFeeLines = [{ label: "運営代行（改定）", amount: 500_000 }];
    data(
      await amendContract(null, {
        clientId: ID.clientA1,
        contractId: id,
        version: await currentVersion(id),
        document: raised,
        note: "7月から改定",
        effectiveMonth: "2026-07",
      }),
    );
    const inForce = (month: string) =>
      withTenant(t.db, ID.agencyA, (tx) => versionsInForce(tx, { agencyId: ID.agencyA, contractIds: [id], month }));
    expect((await inForce("2026-06")).get(id)?.number).toBe(1);
    expect((await inForce("2026-07")).get(id)?.number).toBe(2);
    expect((await inForce("2026-12")).get(id)?.document.fees.monthlyFeeLines[0]?.amount).toBe(500_000);

    const before = await snapshot(t.db);
    const early = await amendContract(null, {
      clientId: ID.clientA1,
      contractId: id,
      version: await currentVersion(id),
      document: sampleVersion(),
      note: "遡って変更",
      effectiveMonth: "2026-05",
    });
    expect(early.ok ? "ok" : early.code === "invalid" && Object.keys(early.fieldErrors)).toEqual(["effectiveMonth"]);
    expect(await snapshot(t.db)).toEqual(before);
  });
});
