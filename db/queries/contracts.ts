import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { ChecklistStatus } from "../../lib/domain/checklist";
import type { ContractStatus, ContractVersion } from "../../lib/domain/contract";
import type { InvoiceActuals } from "../../lib/domain/invoice";
import type { DbOrTx } from "../client";
import { ConflictError, NotFoundError } from "../errors";
import { clients, contractActuals, contractChecklistItems, contracts, contractVersions, users } from "../schema";
import type { ClientScope } from "../scope";
import { clientScopeCondition } from "./clients";
import { updateVersioned } from "./versioned";

/**
 * Contracts a member may see: the clients of their scope, and for a client user never a draft (a draft is
 * the agency's work in progress).
 */
function contractScope(scope: ClientScope): SQL | undefined {
  return and(clientScopeCondition(scope), scope.kind === "own" ? ne(contracts.status, "draft") : undefined);
}

const contractColumns = {
  id: contracts.id,
  clientId: contracts.clientId,
  clientName: clients.name,
  title: contracts.title,
  status: contracts.status,
  version: contracts.version,
  currentVersionId: contracts.currentVersionId,
  updatedAt: contracts.updatedAt,
  versionNumber: contractVersions.number,
  document: contractVersions.document,
};

function contractsWithCurrent(db: DbOrTx) {
  return db
    .select(contractColumns)
    .from(contracts)
    .innerJoin(clients, and(eq(clients.agencyId, contracts.agencyId), eq(clients.id, contracts.clientId)))
    .innerJoin(
      contractVersions,
      and(eq(contractVersions.agencyId, contracts.agencyId), eq(contractVersions.id, contracts.currentVersionId)),
    );
}

export type ContractSummary = Awaited<ReturnType<typeof listClientContracts>>[number];

/** A client's contracts, each with its current version, newest first. */
export async function listClientContracts(db: DbOrTx, p: { agencyId: string; clientId: string; scope: ClientScope }) {
  return contractsWithCurrent(db)
    .where(and(eq(contracts.agencyId, p.agencyId), eq(contracts.clientId, p.clientId), contractScope(p.scope)))
    .orderBy(desc(contracts.updatedAt), asc(contracts.id));
}

/**
 * Every contract of the agency the member may see with its current version (for term alerts, the client
 * list's badges and the start page); `statuses` narrows it (e.g. active only).
 */
export async function listAgencyContracts(
  db: DbOrTx,
  p: { agencyId: string; scope: ClientScope; statuses?: ContractStatus[]; clientIds?: string[] },
) {
  if (p.clientIds && p.clientIds.length === 0) return [];
  return contractsWithCurrent(db)
    .where(
      and(
        eq(contracts.agencyId, p.agencyId),
        contractScope(p.scope),
        p.statuses ? inArray(contracts.status, p.statuses) : undefined,
        p.clientIds ? inArray(contracts.clientId, p.clientIds) : undefined,
      ),
    )
    .orderBy(asc(clients.name), asc(contracts.id));
}

/**
 * The client list's and the start page's view of contracts the member may see, in one query: the current
 * version's terms only (the term alerts need nothing else of the document) and how many of its checklist
 * items are decided (confirmed or not applicable). `statuses` and `clientIds` narrow it.
 */
export async function listContractTerms(
  db: DbOrTx,
  p: { agencyId: string; scope: ClientScope; statuses?: ContractStatus[]; clientIds?: string[] },
) {
  if (p.clientIds && p.clientIds.length === 0) return [];
  return db
    .select({
      id: contracts.id,
      clientId: contracts.clientId,
      clientName: clients.name,
      title: contracts.title,
      status: contracts.status,
      currentVersionId: contracts.currentVersionId,
      document: sql<
        Pick<ContractVersion, "terms">
      >`jsonb_build_object('terms', ${contractVersions.document} -> 'terms')`,
      checklistDone: sql<number>`(select count(*)::int from contract_checklist_items ci
        where ci.agency_id = "contracts"."agency_id" and ci.contract_version_id = "contracts"."current_version_id"
        and ci.status in ('confirmed', 'not_applicable'))`,
    })
    .from(contracts)
    .innerJoin(clients, and(eq(clients.agencyId, contracts.agencyId), eq(clients.id, contracts.clientId)))
    .innerJoin(
      contractVersions,
      and(eq(contractVersions.agencyId, contracts.agencyId), eq(contractVersions.id, contracts.currentVersionId)),
    )
    .where(
      and(
        eq(contracts.agencyId, p.agencyId),
        contractScope(p.scope),
        p.statuses ? inArray(contracts.status, p.statuses) : undefined,
        p.clientIds ? inArray(contracts.clientId, p.clientIds) : undefined,
      ),
    )
    .orderBy(asc(clients.name), asc(contracts.id));
}

/** One contract the member may see, with its current version; NotFoundError otherwise. */
export async function getContractOrThrow(
  db: DbOrTx,
  p: { agencyId: string; clientId?: string; contractId: string; scope: ClientScope },
) {
  const [row] = await contractsWithCurrent(db).where(
    and(
      eq(contracts.agencyId, p.agencyId),
      eq(contracts.id, p.contractId),
      p.clientId ? eq(contracts.clientId, p.clientId) : undefined,
      contractScope(p.scope),
    ),
  );
  if (!row) throw new NotFoundError("contract");
  return row;
}

/**
 * For each contract, the version that bills `month`: the latest (highest number) whose effective month is on
 * or before it (the first version, without one, bills from the start) — lib/domain/contract-term.ts
 * versionInForce, in one query for any number of contracts.
 */
export async function versionsInForce(
  db: DbOrTx,
  p: { agencyId: string; contractIds: readonly string[]; month: string },
): Promise<Map<string, { versionId: string; number: number; document: ContractVersion }>> {
  if (p.contractIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([contractVersions.contractId], {
      contractId: contractVersions.contractId,
      versionId: contractVersions.id,
      number: contractVersions.number,
      document: contractVersions.document,
    })
    .from(contractVersions)
    .where(
      and(
        eq(contractVersions.agencyId, p.agencyId),
        inArray(contractVersions.contractId, [...p.contractIds]),
        sql`(${contractVersions.effectiveMonth} is null or ${contractVersions.effectiveMonth} <= ${p.month})`,
      ),
    )
    .orderBy(contractVersions.contractId, desc(contractVersions.number));
  return new Map(rows.map(({ contractId, ...version }) => [contractId, version]));
}

/**
 * Every version of some contracts with the month each takes effect: what a run of months needs to bill each
 * month with the version in force (lib/domain/contract-term.ts versionInForce).
 */
export async function listVersionsForBilling(db: DbOrTx, p: { agencyId: string; contractIds: readonly string[] }) {
  if (p.contractIds.length === 0) return [];
  return db
    .select({
      contractId: contractVersions.contractId,
      number: contractVersions.number,
      effectiveMonth: contractVersions.effectiveMonth,
      document: contractVersions.document,
    })
    .from(contractVersions)
    .where(and(eq(contractVersions.agencyId, p.agencyId), inArray(contractVersions.contractId, [...p.contractIds])));
}

/** The latest effective month among a contract's versions (null when only the first version exists). */
export async function latestEffectiveMonth(db: DbOrTx, p: { agencyId: string; contractId: string }) {
  const [row] = await db
    .select({ month: sql<string | null>`max(${contractVersions.effectiveMonth})` })
    .from(contractVersions)
    .where(and(eq(contractVersions.agencyId, p.agencyId), eq(contractVersions.contractId, p.contractId)));
  return row?.month ?? null;
}

/** Every version of a contract, newest first, with who made it. */
export async function listContractVersions(db: DbOrTx, p: { agencyId: string; contractId: string }) {
  return db
    .select({
      id: contractVersions.id,
      number: contractVersions.number,
      note: contractVersions.note,
      document: contractVersions.document,
      effectiveMonth: contractVersions.effectiveMonth,
      createdAt: contractVersions.createdAt,
      createdByName: users.name,
    })
    .from(contractVersions)
    .leftJoin(users, eq(users.id, contractVersions.createdBy))
    .where(and(eq(contractVersions.agencyId, p.agencyId), eq(contractVersions.contractId, p.contractId)))
    .orderBy(desc(contractVersions.number));
}

export type ContractVersionEntry = Awaited<ReturnType<typeof listContractVersions>>[number];

/**
 * A new contract and its version 1, in one go. The contract row is written first (without a current version),
 * then the version, then the pointer.
 */
export async function insertContract(
  db: DbOrTx,
  p: {
    agencyId: string;
    clientId: string;
    title: string;
    document: ContractVersion;
    note: string;
    createdBy: string;
  },
): Promise<{ id: string; versionId: string }> {
  const versionId = randomUUID();
  const [row] = await db
    .insert(contracts)
    .values({ agencyId: p.agencyId, clientId: p.clientId, title: p.title, currentVersionId: versionId })
    .returning({ id: contracts.id });
  if (!row) throw new Error("contract not inserted");
  await db.insert(contractVersions).values({
    id: versionId,
    agencyId: p.agencyId,
    contractId: row.id,
    number: 1,
    document: p.document,
    note: p.note,
    createdBy: p.createdBy,
  });
  return { id: row.id, versionId };
}

/**
 * An amendment: a new version that becomes current, provided the contract is still at the version the
 * author read. The version-checked update comes first, so of two concurrent amendments of the same version
 * the second waits for the first and then finds the version moved on (ConflictError, nothing written).
 */
export async function amendContract(
  db: DbOrTx,
  p: {
    agencyId: string;
    contractId: string;
    version: number;
    document: ContractVersion;
    note: string;
    /** The first month the amendment bills ("YYYY-MM"). */
    effectiveMonth: string;
    createdBy: string;
  },
): Promise<{ versionId: string; number: number; version: number }> {
  const versionId = randomUUID();
  const version = await updateVersioned(
    db,
    contracts,
    { agencyId: p.agencyId, id: p.contractId, version: p.version },
    { currentVersionId: versionId },
    { entity: "contract" },
  );
  const [last] = await db
    .select({ number: sql<number>`coalesce(max(${contractVersions.number}), 0)::int` })
    .from(contractVersions)
    .where(and(eq(contractVersions.agencyId, p.agencyId), eq(contractVersions.contractId, p.contractId)));
  const number = (last?.number ?? 0) + 1;
  await db.insert(contractVersions).values({
    id: versionId,
    agencyId: p.agencyId,
    contractId: p.contractId,
    number,
    document: p.document,
    note: p.note,
    effectiveMonth: p.effectiveMonth,
    createdBy: p.createdBy,
  });
  return { versionId, number, version };
}

/** Version-checked status change (activate, terminate, expire); returns the new version. */
export async function setContractStatus(
  db: DbOrTx,
  p: { agencyId: string; contractId: string; version: number; status: ContractStatus },
): Promise<number> {
  return updateVersioned(
    db,
    contracts,
    { agencyId: p.agencyId, id: p.contractId, version: p.version },
    { status: p.status },
    { entity: "contract" },
  );
}

// ── Checklist ────────────────────────────────────────────────────────────────────────────────────────

export async function listChecklistItems(db: DbOrTx, p: { agencyId: string; contractVersionId: string }) {
  return db
    .select({
      item: contractChecklistItems.item,
      status: contractChecklistItems.status,
      note: contractChecklistItems.note,
      checkedBy: contractChecklistItems.checkedBy,
      checkedByName: users.name,
      checkedAt: contractChecklistItems.checkedAt,
    })
    .from(contractChecklistItems)
    .leftJoin(users, eq(users.id, contractChecklistItems.checkedBy))
    .where(
      and(
        eq(contractChecklistItems.agencyId, p.agencyId),
        eq(contractChecklistItems.contractVersionId, p.contractVersionId),
      ),
    )
    .orderBy(asc(contractChecklistItems.item));
}

export type ChecklistRecord = Awaited<ReturnType<typeof listChecklistItems>>[number];

/** A manager's decision on one item of one version (replacing an earlier one); returns the row before. */
export async function saveChecklistItem(
  db: DbOrTx,
  p: {
    agencyId: string;
    contractVersionId: string;
    item: number;
    status: ChecklistStatus;
    note: string;
    checkedBy: string;
  },
) {
  const [before] = await db
    .select({ status: contractChecklistItems.status, note: contractChecklistItems.note })
    .from(contractChecklistItems)
    .where(
      and(
        eq(contractChecklistItems.agencyId, p.agencyId),
        eq(contractChecklistItems.contractVersionId, p.contractVersionId),
        eq(contractChecklistItems.item, p.item),
      ),
    );
  const values = { status: p.status, note: p.note, checkedBy: p.checkedBy, checkedAt: new Date() };
  await db
    .insert(contractChecklistItems)
    .values({ agencyId: p.agencyId, contractVersionId: p.contractVersionId, item: p.item, ...values })
    .onConflictDoUpdate({
      target: [contractChecklistItems.contractVersionId, contractChecklistItems.item],
      set: values,
    });
  return before ?? null;
}

/** Copies decisions kept across an amendment to the new version, keeping who and when. */
export async function copyChecklistItems(
  db: DbOrTx,
  p: {
    agencyId: string;
    contractVersionId: string;
    items: { item: number; status: ChecklistStatus; note: string; checkedBy: string | null; checkedAt: Date }[];
  },
) {
  if (p.items.length === 0) return;
  await db.insert(contractChecklistItems).values(
    p.items.map((i) => ({
      agencyId: p.agencyId,
      contractVersionId: p.contractVersionId,
      item: i.item,
      status: i.status,
      note: i.note,
      checkedBy: i.checkedBy,
      checkedAt: i.checkedAt,
    })),
  );
}

/**
 * Removes decisions of one version's checklist (item 2 when the client's KPI plan changed: what was confirmed
 * is no longer what the plan says). Returns what was removed, for the audit row.
 */
export async function deleteChecklistItems(
  db: DbOrTx,
  p: { agencyId: string; contractVersionId: string; items: number[] },
) {
  if (p.items.length === 0) return [];
  return db
    .delete(contractChecklistItems)
    .where(
      and(
        eq(contractChecklistItems.agencyId, p.agencyId),
        eq(contractChecklistItems.contractVersionId, p.contractVersionId),
        inArray(contractChecklistItems.item, p.items),
      ),
    )
    .returning({
      item: contractChecklistItems.item,
      status: contractChecklistItems.status,
      note: contractChecklistItems.note,
    });
}

/** How many items of each contract's current version are decided (confirmed or not applicable). */
export async function checklistDoneCounts(db: DbOrTx, p: { agencyId: string; contractVersionIds: string[] }) {
  if (p.contractVersionIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({
      versionId: contractChecklistItems.contractVersionId,
      done: sql<number>`count(*) filter (where ${contractChecklistItems.status} in ('confirmed', 'not_applicable'))::int`,
    })
    .from(contractChecklistItems)
    .where(
      and(
        eq(contractChecklistItems.agencyId, p.agencyId),
        inArray(contractChecklistItems.contractVersionId, p.contractVersionIds),
      ),
    )
    .groupBy(contractChecklistItems.contractVersionId);
  return new Map(rows.map((r) => [r.versionId, r.done]));
}

// ── Actuals ──────────────────────────────────────────────────────────────────────────────────────────

export async function getContractActuals(db: DbOrTx, p: { agencyId: string; contractId: string; month: string }) {
  const [row] = await db
    .select({ id: contractActuals.id, actuals: contractActuals.actuals, version: contractActuals.version })
    .from(contractActuals)
    .where(
      and(
        eq(contractActuals.agencyId, p.agencyId),
        eq(contractActuals.contractId, p.contractId),
        eq(contractActuals.month, p.month),
      ),
    );
  return row ?? null;
}

/**
 * Saves a month's actuals. `version` is what the author read: 0 when there was no row (a concurrent first
 * save then conflicts on the unique month), otherwise the row's version, checked as every other edit.
 */
export async function saveContractActuals(
  db: DbOrTx,
  p: {
    agencyId: string;
    clientId: string;
    contractId: string;
    month: string;
    version: number;
    actuals: InvoiceActuals;
  },
): Promise<{ id: string; version: number }> {
  const existing = await getContractActuals(db, p);
  if (p.version === 0) {
    if (existing) throw new ConflictError("contract_actuals");
    const [row] = await db
      .insert(contractActuals)
      .values({
        agencyId: p.agencyId,
        clientId: p.clientId,
        contractId: p.contractId,
        month: p.month,
        actuals: p.actuals,
      })
      .onConflictDoNothing()
      .returning({ id: contractActuals.id, version: contractActuals.version });
    if (!row) throw new ConflictError("contract_actuals");
    return row;
  }
  if (!existing) throw new NotFoundError("contract_actuals");
  const version = await updateVersioned(
    db,
    contractActuals,
    { agencyId: p.agencyId, id: existing.id, version: p.version },
    { actuals: p.actuals },
    { entity: "contract_actuals" },
  );
  return { id: existing.id, version };
}
