import "server-only";
// The agency's margin per client and month (SPEC §9) for one client or many: hours × the rate in force and
// the direct costs summed in SQL (db/queries/margins.ts), revenue from the invoice engine over the clients'
// contracts and saved actuals read in batches (./revenue.ts), the margin by the pure rule
// (lib/domain/margin.ts marginOfTotals). Callers have checked margins.read.

import type { DbOrTx } from "@/db/client";
import { getAgencySettings } from "@/db/queries/agency";
import { listAgencyContracts, listVersionsForBilling } from "@/db/queries/contracts";
import { directCostsByMonth, labourCosts, listActualsByMonth, slaMeasureSums } from "@/db/queries/margins";
import { type Margin, marginOfTotals } from "@/lib/domain/margin";
import { type BillingContract, type MonthRevenue, monthRevenue, NO_REVENUE, slaReadsFigures } from "./revenue";

export interface ClientMonthMargin {
  revenue: MonthRevenue;
  margin: Margin;
}

/** "YYYY-MM" months from `from` to `to`, inclusive, oldest first. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (let i = 0; i < 240; i++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    if (key > to) break;
    out.push(key);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const key = (clientId: string, month: string) => `${clientId}\u0000${month}`;

/**
 * Every client's margin for each month of a range: six queries whatever the number of clients and months.
 * `clientIds` undefined: every client of the agency.
 */
export async function loadMargins(
  tx: DbOrTx,
  p: { agencyId: string; clientIds?: readonly string[]; fromMonth: string; toMonth: string },
): Promise<Map<string, ClientMonthMargin>> {
  return (await loadMarginsAndContracts(tx, p)).margins;
}

/** As loadMargins, with the contracts it billed (their current versions), for the portfolio's columns. */
export async function loadMarginsAndContracts(
  tx: DbOrTx,
  p: { agencyId: string; clientIds?: readonly string[]; fromMonth: string; toMonth: string },
) {
  const result = new Map<string, ClientMonthMargin>();
  if (p.clientIds?.length === 0) return { margins: result, contracts: [] };
  const range = { agencyId: p.agencyId, fromMonth: p.fromMonth, toMonth: p.toMonth, clientIds: p.clientIds };
  const [agency, contracts, labour, direct] = await Promise.all([
    getAgencySettings(tx, { agencyId: p.agencyId }),
    listAgencyContracts(tx, {
      agencyId: p.agencyId,
      scope: { kind: "all" },
      statuses: ["active", "expired", "terminated"],
      clientIds: p.clientIds ? [...p.clientIds] : undefined,
    }),
    labourCosts(tx, range),
    directCostsByMonth(tx, range),
  ]);
  const slaClients = [...new Set(contracts.filter((c) => slaReadsFigures(c.document)).map((c) => c.clientId))];
  const [actuals, sums, versions] = await Promise.all([
    listActualsByMonth(tx, { ...range, contractIds: contracts.map((c) => c.id) }),
    slaMeasureSums(tx, { ...range, clientIds: slaClients }),
    listVersionsForBilling(tx, { agencyId: p.agencyId, contractIds: contracts.map((c) => c.id) }),
  ]);
  const versionsOf = new Map<string, BillingContract["versions"] & object>();
  for (const v of versions) versionsOf.set(v.contractId, [...(versionsOf.get(v.contractId) ?? []), v]);
  const actualsOf = new Map(actuals.map((a) => [key(a.contractId, a.month), a.actuals]));
  const sumsOf = new Map(sums.map((s) => [key(s.clientId, s.month), s]));
  const labourOf = new Map(labour.map((l) => [key(l.clientId, l.month), l]));
  const directOf = new Map(direct.map((d) => [key(d.clientId, d.month), d.total]));
  const contractsOf = new Map<string, BillingContract[]>();
  for (const c of contracts) {
    const billing: BillingContract = { ...c, versions: versionsOf.get(c.id) };
    contractsOf.set(c.clientId, [...(contractsOf.get(c.clientId) ?? []), billing]);
  }
  const clientIds = p.clientIds ?? [
    ...new Set([
      ...contracts.map((c) => c.clientId),
      ...labour.map((l) => l.clientId),
      ...direct.map((d) => d.clientId),
    ]),
  ];
  const months = monthRange(p.fromMonth, p.toMonth);
  for (const clientId of clientIds) {
    const own = contractsOf.get(clientId) ?? [];
    for (const month of months) {
      const revenue =
        own.length === 0
          ? NO_REVENUE
          : monthRevenue({
              contracts: own,
              month,
              actualsOf: (contractId) => actualsOf.get(key(contractId, month)) ?? null,
              sums: sumsOf.get(key(clientId, month)),
              agency,
            });
      const l = labourOf.get(key(clientId, month));
      const margin = marginOfTotals({
        revenue: revenue.revenue,
        minutes: l?.minutes ?? 0,
        labourCost: l?.labourCost ?? 0,
        directCost: directOf.get(key(clientId, month)) ?? 0,
        // The SQL knows that some minutes have no rate, not whose: the client's page names them.
        unratedMembers: (l?.unratedMinutes ?? 0) > 0 ? ["?"] : [],
      });
      result.set(key(clientId, month), { revenue, margin });
    }
  }
  return { margins: result, contracts };
}

export const marginKey = key;
