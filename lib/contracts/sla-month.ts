import "server-only";
import type { DbOrTx } from "@/db/client";
import { kpiAggregates } from "@/db/queries/kpis";
import type { SlaTerms } from "@/lib/domain/contract";
import type { InvoiceActuals } from "@/lib/domain/invoice";
import { NO_SLA_SUMS, type SlaKpiSums, slaMonthResults, withSlaResults } from "./sla-feed";

const MEASURES = {
  inquiries: "inquiries",
  answered_in_target: "answeredInTarget",
  incidents: "incidents",
  incidents_resolved_in_time: "resolvedInTime",
} as const;

/** A client's month of the four SLA measures, summed over its weeks and channels (one indexed range scan). */
export async function loadSlaKpiSums(
  tx: DbOrTx,
  p: { agencyId: string; clientId: string; month: string },
): Promise<SlaKpiSums> {
  const rows = await kpiAggregates(tx, {
    agencyId: p.agencyId,
    clientIds: [p.clientId],
    fromMonth: p.month,
    toMonth: p.month,
  });
  const sums: SlaKpiSums = { ...NO_SLA_SUMS };
  for (const row of rows) {
    const key = MEASURES[row.measure as keyof typeof MEASURES];
    if (key) sums[key] = (sums[key] ?? 0) + row.value;
  }
  return sums;
}

/**
 * The month's SLA results for a contract's SLA and the actuals to bill with: the saved actuals whose missed
 * SLA items are the results' (weekly figures where entered, the manager's ticks otherwise).
 */
export async function loadSlaMonth(
  tx: DbOrTx,
  p: { agencyId: string; clientId: string; month: string; sla: SlaTerms | null; actuals: InvoiceActuals | null },
) {
  if (!p.sla || p.sla.items.length === 0) return { results: null, actuals: p.actuals };
  return slaMonthOf({ ...p, sums: await loadSlaKpiSums(tx, p) });
}

/** As loadSlaMonth, from sums already read (the portfolio reads many clients' at once). */
export function slaMonthOf(p: {
  sla: SlaTerms | null;
  month: string;
  sums: SlaKpiSums;
  actuals: InvoiceActuals | null;
}) {
  if (!p.sla || p.sla.items.length === 0) return { results: null, actuals: p.actuals };
  const results = slaMonthResults(p.sla, p.month, p.sums, p.actuals?.missedSlaItems);
  return { results, actuals: withSlaResults(p.actuals, results.missed) };
}
