import "server-only";
// The contract checklist's item 2 reads the client's KPI plan (SPEC §6, §8): its summary for the proposal,
// and, when the plan's definition changes, the item's stored decisions no longer hold.

import type { DbOrTx } from "@/db/client";
import { deleteChecklistItems, listChecklistItems, listClientContracts } from "@/db/queries/contracts";
import { getKpiPlan, listKpiTargets } from "@/db/queries/kpis";
import type { ClientScope } from "@/db/scope";
import { parseMonthKey } from "@/lib/domain/calendar";
import { carryForward, type KpiPlanSummary } from "@/lib/domain/checklist";
import { planSummary } from "@/lib/kpis/plan-view";

/** The client's plan as item 2 reads it for `month` ("YYYY-MM"); null when the client has no plan. */
export async function loadKpiPlanSummary(
  tx: DbOrTx,
  p: { agencyId: string; clientId: string; month: string },
): Promise<KpiPlanSummary | null> {
  const month = parseMonthKey(p.month);
  if (month === null) return null;
  const plan = await getKpiPlan(tx, { agencyId: p.agencyId, clientId: p.clientId });
  if (plan === null) return null;
  const targets = await listKpiTargets(tx, { ...p, fromMonth: p.month, toMonth: p.month });
  return planSummary(plan, targets, month);
}

/**
 * After the client's KPI plan changed: every contract's current checklist drops its item 2 decision
 * (carryForward with kpiPlanChanged, the same rule an amendment follows). Returns what was dropped, per
 * contract, for the audit row.
 */
export async function dropKpiChecklistDecisions(
  tx: DbOrTx,
  p: { agencyId: string; clientId: string; scope: ClientScope },
): Promise<{ contractId: string; items: { item: number; status: string; note: string }[] }[]> {
  const dropped: { contractId: string; items: { item: number; status: string; note: string }[] }[] = [];
  for (const contract of await listClientContracts(tx, p)) {
    if (!contract.currentVersionId) continue;
    const records = await listChecklistItems(tx, {
      agencyId: p.agencyId,
      contractVersionId: contract.currentVersionId,
    });
    const result = carryForward(contract.document, contract.document, records, { kpiPlanChanged: true });
    const removed = await deleteChecklistItems(tx, {
      agencyId: p.agencyId,
      contractVersionId: contract.currentVersionId,
      items: result.dropped.map((d) => d.confirmation.item),
    });
    if (removed.length > 0) dropped.push({ contractId: contract.id, items: removed });
  }
  return dropped;
}
