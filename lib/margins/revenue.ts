// A client's revenue for a month as SPEC §9 defines it: the month's invoice before tax (§4.2), billed by the
// same engine and with the same inputs as the invoice page (lib/contracts/actuals.ts billMonth, the SLA
// results of lib/contracts/sla-month.ts) — for many clients and months at once, from rows read in batches.

import { billMonth } from "@/lib/contracts/actuals";
import { NO_SLA_SUMS, type SlaKpiSums } from "@/lib/contracts/sla-feed";
import { slaMonthOf } from "@/lib/contracts/sla-month";
import type { ContractStatus, ContractVersion } from "@/lib/domain/contract";
import { versionInForce } from "@/lib/domain/contract-term";
import type { InvoiceActuals } from "@/lib/domain/invoice";

export interface BillingContract {
  id: string;
  clientId: string;
  status: ContractStatus;
  /** The current version. */
  document: ContractVersion;
  /** Every version with the month it takes effect; a month bills with the version in force then. */
  versions?: readonly { number: number; effectiveMonth: string | null; document: ContractVersion }[];
}

/** The document that bills `month`: the version in force then (the current one when versions are not given). */
function documentFor(contract: BillingContract, month: string): ContractVersion {
  return (contract.versions && versionInForce(contract.versions, month)?.document) ?? contract.document;
}

export interface MonthRevenue {
  /** The invoices' taxable total; null when no contract bills the month. */
  revenue: number | null;
  /** The monthly fee section (prorated), the performance section, and the rest (initial, additional − credits). */
  monthlyFee: number;
  performanceFee: number;
  /** The contract whose invoice it is (the active one where there are several), for links. */
  contractId: string | null;
  /** What that contract's invoice was billed from (the what-if re-bills it with other terms). */
  basis: { document: ContractVersion; actuals: InvoiceActuals | null; revenue: number } | null;
}

export const NO_REVENUE: MonthRevenue = {
  revenue: null,
  monthlyFee: 0,
  performanceFee: 0,
  contractId: null,
  basis: null,
};

/** Whether a contract's SLA reads the weekly figures (only those clients' SLA sums need reading). */
export function slaReadsFigures(document: ContractVersion): boolean {
  return document.sla?.items.some((i) => i.measure === "response_rate" || i.measure === "resolution_rate") ?? false;
}

/**
 * The month's revenue of one client from its contracts (drafts never bill): the sum of every invoice its
 * contracts issue for the month.
 */
export function monthRevenue(p: {
  contracts: readonly BillingContract[];
  month: string;
  actualsOf: (contractId: string) => InvoiceActuals | null;
  sums: SlaKpiSums | undefined;
  agency: { taxRounding: "floor" | "round" | "ceil" };
}): MonthRevenue {
  let revenue: number | null = null;
  let monthlyFee = 0;
  let performanceFee = 0;
  let contractId: string | null = null;
  let basis: MonthRevenue["basis"] = null;
  for (const contract of p.contracts) {
    if (contract.status === "draft") continue;
    const document = documentFor(contract, p.month);
    const sla = slaMonthOf({
      sla: document.sla,
      month: p.month,
      sums: p.sums ?? NO_SLA_SUMS,
      actuals: p.actualsOf(contract.id),
    });
    const outcome = billMonth(document, p.month, sla.actuals, p.agency);
    if (!outcome.ok || outcome.value.kind !== "invoice") continue;
    const totals = outcome.value.invoice.totals;
    revenue = (revenue ?? 0) + totals.taxable;
    monthlyFee += totals.monthly;
    performanceFee += totals.performance;
    if (contractId === null || contract.status === "active") {
      contractId = contract.id;
      basis = { document, actuals: sla.actuals, revenue: totals.taxable };
    }
  }
  return { revenue, monthlyFee, performanceFee, contractId, basis };
}
