import { checklistCompletion } from "@/lib/domain/checklist";
import type { ContractStatus, ContractVersion } from "@/lib/domain/contract";
import { isDue, termOf } from "./term";

type Row = {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  status: ContractStatus;
  currentVersionId: string | null;
  /** The current version's terms (all the term alerts read). */
  document: Pick<ContractVersion, "terms">;
};

/**
 * Per client, the contract the list shows: the active one (else the newest listed). `done` maps a version
 * id to its decided checklist items.
 */
export function contractBadges(rows: Row[], done: Map<string, number>, today: string) {
  const byClient = new Map<string, { due: boolean; checklistDone: number; checklistOf: number }>();
  for (const row of rows) {
    const existing = byClient.get(row.clientId);
    if (existing && row.status !== "active") continue;
    const { of } = checklistCompletion([]);
    byClient.set(row.clientId, {
      due: isDue(row, today),
      checklistDone: (row.currentVersionId && done.get(row.currentVersionId)) || 0,
      checklistOf: of,
    });
  }
  return byClient;
}

/** Active contracts with a term alert within 30 days, soonest first. */
export function dueContracts(rows: Row[], today: string) {
  return rows
    .filter((r) => isDue(r, today))
    .map((r) => {
      const term = termOf(r.document, today);
      const alerts = term?.alerts ?? [];
      return { ...r, alerts, soonest: Math.min(...alerts.map((a) => a.daysLeft)) };
    })
    .sort((a, b) => a.soonest - b.soonest);
}
