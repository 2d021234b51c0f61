import "server-only";
// A client's margin for one month, in detail (the margin page): the pure rule over the month's time
// entries and rates (lib/domain/margin.ts computeMargin, which names members without a rate), the direct
// costs itemised, and what the pricing what-if starts from.

import { getAgencySettings } from "@/db/queries/agency";
import { getClientOrThrow } from "@/db/queries/clients";
import { listCostRates, listDirectCosts, listMonthTime, listStaffForRates } from "@/db/queries/margins";
import type { ReadContext } from "@/lib/actions/agency-read";
import { type CostRate, computeMargin } from "@/lib/domain/margin";
import { loadMargins, marginKey } from "./load";
import { NO_REVENUE } from "./revenue";
import type { WhatIfBase } from "./what-if";

export async function loadClientMargin(ctx: ReadContext, clientId: string, month: string) {
  const { tx, agencyId } = ctx;
  const client = await getClientOrThrow(tx, { agencyId, clientId, scope: ctx.scope });
  const [time, rateRows, costs, staff, agency, margins] = await Promise.all([
    listMonthTime(tx, { agencyId, month, clientIds: [clientId] }),
    listCostRates(tx, { agencyId }),
    listDirectCosts(tx, { agencyId, clientId, month }),
    listStaffForRates(tx, { agencyId }),
    getAgencySettings(tx, { agencyId }),
    loadMargins(tx, { agencyId, clientIds: [clientId], fromMonth: month, toMonth: month }),
  ]);
  const revenue = margins.get(marginKey(clientId, month))?.revenue ?? NO_REVENUE;
  const rates: CostRate[] = rateRows.map((r) => ({
    scope: r.role ? { kind: "role", role: r.role } : { kind: "member", membershipId: r.membershipId ?? "" },
    yenPerHour: r.yenPerHour,
    effectiveFrom: r.effectiveFrom,
  }));
  const computed = computeMargin({ revenue: revenue.revenue, timeEntries: time, rates, directCosts: costs });
  // Stored rows always satisfy the rule's ranges (checked on the way in).
  if (!computed.ok) throw new Error(`margin ${clientId} ${month}: ${JSON.stringify(computed.errors)}`);
  const margin = computed.value;
  const nameOf = new Map(staff.map((s) => [s.membershipId, s.name]));
  const base: WhatIfBase = {
    month,
    document: revenue.basis?.document ?? null,
    actuals: revenue.basis?.actuals ?? null,
    taxRounding: agency.taxRounding,
    revenue: revenue.revenue,
    contractRevenue: revenue.basis?.revenue ?? 0,
    minutes: margin.minutes,
    labourCost: margin.labourCost,
    directCost: margin.directCost,
    unratedMembers: margin.unratedMembers,
  };
  return {
    client,
    margin,
    revenue,
    directCosts: costs,
    unratedNames: margin.unratedMembers.map((id) => nameOf.get(id) ?? id),
    whatIfBase: base,
  };
}
