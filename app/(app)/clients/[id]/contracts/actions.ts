"use server";
// Client contracts (SPEC §4, §8): create (or copy), amend with history, activate/terminate, the checklist
// decisions and a month's actuals for the invoice.
import { revalidatePath } from "next/cache";
import { ConflictError, FieldError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import {
  amendContract as amend,
  copyChecklistItems,
  getContractOrThrow,
  insertContract,
  latestEffectiveMonth,
  listChecklistItems,
  saveChecklistItem,
  saveContractActuals,
  setContractStatus,
  versionsInForce,
} from "@/db/queries/contracts";
import { type ActionContext, agencyAction } from "@/lib/actions/safe-action";
import { checkActuals } from "@/lib/contracts/actuals";
import { tokyoToday } from "@/lib/contracts/view";
import { carryForward } from "@/lib/domain/checklist";
import type { ContractStatus } from "@/lib/domain/contract";
import {
  amendContractSchema,
  checklistItemSchema,
  contractStatusSchema,
  copyContractSchema,
  createContractSchema,
  domainErrorKey,
  saveActualsSchema,
} from "@/lib/schemas/contracts";

const path = (clientId: string) => `/clients/${clientId}/contracts`;

async function ownClient(ctx: ActionContext, clientId: string) {
  return getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
}

async function ownContract(ctx: ActionContext, clientId: string, contractId: string) {
  await ownClient(ctx, clientId);
  return getContractOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, contractId, scope: ctx.member.scope });
}

/** A new contract (a draft) with its version 1. */
export const createContract = agencyAction({
  name: "contracts.create",
  permission: "contracts.write",
  schema: createContractSchema,
  async run({ clientId, title, document, note }, ctx) {
    await ownClient(ctx, clientId);
    const created = await insertContract(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId,
      title,
      document,
      note,
      createdBy: ctx.member.userId,
    });
    await ctx.audit({
      action: "contract.create",
      entity: "contract",
      entityId: created.id,
      after: { title, document },
    });
    revalidatePath(path(clientId));
    return created;
  },
});

/** A new draft for this client holding the current terms of another contract of the agency. */
export const copyContract = agencyAction({
  name: "contracts.copy",
  permission: "contracts.write",
  schema: copyContractSchema,
  async run({ clientId, sourceContractId, title }, ctx) {
    await ownClient(ctx, clientId);
    const source = await getContractOrThrow(ctx.tx, {
      agencyId: ctx.agencyId,
      contractId: sourceContractId,
      scope: ctx.member.scope,
    });
    const created = await insertContract(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId,
      title,
      document: source.document,
      note: ctx.t("contracts.copiedFrom", { title: source.title, client: source.clientName }),
      createdBy: ctx.member.userId,
    });
    await ctx.audit({
      action: "contract.copy",
      entity: "contract",
      entityId: created.id,
      after: { title, sourceContractId, document: source.document },
    });
    revalidatePath(path(clientId));
    return created;
  },
});

/**
 * An amendment: the edited terms become a new current version, if the contract is still at the version
 * the author read (otherwise a conflict, nothing written). Checklist decisions carry over only for items
 * whose terms did not change.
 */
export const amendContract = agencyAction({
  name: "contracts.amend",
  permission: "contracts.write",
  schema: amendContractSchema,
  async run({ clientId, contractId, version, document, note, effectiveMonth }, ctx) {
    const contract = await ownContract(ctx, clientId, contractId);
    if (contract.status === "terminated" || contract.status === "expired") {
      throw new FieldError("document", "contracts.errors.closed");
    }
    if (contract.version !== version) throw new ConflictError("contract");
    // From this month unless said otherwise; never before an earlier amendment takes effect.
    const from = effectiveMonth ?? tokyoToday().slice(0, 7);
    const earliest = await latestEffectiveMonth(ctx.tx, { agencyId: ctx.agencyId, contractId });
    if (earliest !== null && from < earliest) {
      throw new FieldError("effectiveMonth", "contracts.errors.effective_before_previous", { month: earliest });
    }
    const amended = await amend(ctx.tx, {
      agencyId: ctx.agencyId,
      contractId,
      version,
      document,
      note,
      effectiveMonth: from,
      createdBy: ctx.member.userId,
    });
    const previousItems = contract.currentVersionId
      ? await listChecklistItems(ctx.tx, { agencyId: ctx.agencyId, contractVersionId: contract.currentVersionId })
      : [];
    const { kept, dropped } = carryForward(contract.document, document, previousItems);
    await copyChecklistItems(ctx.tx, { agencyId: ctx.agencyId, contractVersionId: amended.versionId, items: kept });
    await ctx.audit({
      action: "contract.amend",
      entity: "contract",
      entityId: contractId,
      before: { version: contract.versionNumber, document: contract.document },
      after: {
        version: amended.number,
        note,
        effectiveMonth: from,
        document,
        checklistKept: kept.map((k) => k.item),
        checklistDropped: dropped.map((d) => ({ item: d.confirmation.item, changed: d.changedFields })),
      },
    });
    revalidatePath(path(clientId));
    return { ...amended, checklistKept: kept.length, checklistDropped: dropped.length };
  },
});

function statusAction(name: string, from: ContractStatus, to: ContractStatus) {
  return agencyAction({
    name,
    permission: "contracts.write",
    schema: contractStatusSchema,
    async run({ clientId, contractId, version }, ctx) {
      const contract = await ownContract(ctx, clientId, contractId);
      if (contract.status !== from) throw new FieldError("_form", `contracts.errors.not_${from}`);
      const next = await setContractStatus(ctx.tx, { agencyId: ctx.agencyId, contractId, version, status: to });
      await ctx.audit({
        action: `contract.${to}`,
        entity: "contract",
        entityId: contractId,
        before: { status: from },
        after: { status: to },
      });
      revalidatePath(path(clientId));
      return { version: next, status: to };
    },
  });
}

/** A draft comes into force. */
export const activateContract = statusAction("contracts.activate", "draft", "active");
/** An active contract is ended. */
export const terminateContract = statusAction("contracts.terminate", "active", "terminated");

/** Confirms or overrides one checklist item of the current version, with a note; who and when are kept. */
export const decideChecklistItem = agencyAction({
  name: "contracts.checklist",
  permission: "contracts.write",
  schema: checklistItemSchema,
  async run({ clientId, contractId, versionId, item, status, note }, ctx) {
    const contract = await ownContract(ctx, clientId, contractId);
    // The page showed an earlier version: what was judged is no longer the contract's terms.
    if (contract.currentVersionId !== versionId) throw new ConflictError("contract");
    const before = await saveChecklistItem(ctx.tx, {
      agencyId: ctx.agencyId,
      contractVersionId: versionId,
      item,
      status,
      note,
      checkedBy: ctx.member.userId,
    });
    await ctx.audit({
      action: "contract.checklist",
      entity: "contract",
      entityId: contractId,
      before,
      after: { versionId, item, status, note },
    });
    revalidatePath(`${path(clientId)}/${contractId}/checklist`);
    return { item, status };
  },
});

/** Keeps a month's actuals (the fee simulator's figures); checked against the contract by the invoice engine. */
export const saveActuals = agencyAction({
  name: "contracts.saveActuals",
  permission: "contracts.write",
  schema: saveActualsSchema,
  async run({ clientId, contractId, month, version, actuals }, ctx) {
    const contract = await ownContract(ctx, clientId, contractId);
    // Checked against the version that bills the month (an amendment counts from its effective month).
    const inForce = await versionsInForce(ctx.tx, { agencyId: ctx.agencyId, contractIds: [contractId], month });
    const checked = checkActuals(inForce.get(contractId)?.document ?? contract.document, month, actuals);
    if (!checked.ok) {
      const [first] = checked.errors;
      throw new FieldError(first?.field ?? "actuals", domainErrorKey(first?.code ?? "invalid_type"));
    }
    const saved = await saveContractActuals(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId,
      contractId,
      month,
      version,
      actuals: checked.value,
    });
    await ctx.audit({
      action: "contract.actuals",
      entity: "contract",
      entityId: contractId,
      after: { month, actuals: checked.value },
    });
    revalidatePath(`${path(clientId)}/${contractId}/invoice/${month}`);
    return saved;
  },
});
