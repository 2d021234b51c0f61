import type { ContractStatus, ContractVersion } from "@/lib/domain/contract";
import { type TermStatus, termStatus } from "@/lib/domain/contract-term";

/** The term status on `today`, or null when the stored dates cannot be read (never expected of a valid version). */
export function termOf(document: Pick<ContractVersion, "terms">, today: string): TermStatus | null {
  const status = termStatus(document.terms, today);
  return status.ok ? status.value : null;
}

/** A contract that needs attention within 30 days: active and with a term alert. */
export function isDue(c: { status: ContractStatus; document: Pick<ContractVersion, "terms"> }, today: string): boolean {
  if (c.status !== "active") return false;
  return (termOf(c.document, today)?.alerts.length ?? 0) > 0;
}

/**
 * The status people see (SPEC §4.1: expiry follows the end date and auto-renewal by itself): an active
 * contract whose term has ended, after any automatic renewals, reads as expired without anyone setting it.
 */
export function shownStatus(status: ContractStatus, term: TermStatus | null): ContractStatus {
  return status === "active" && term?.phase === "ended" ? "expired" : status;
}
