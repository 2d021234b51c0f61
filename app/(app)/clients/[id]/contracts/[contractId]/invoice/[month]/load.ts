import "server-only";
import { NotFoundError } from "@/db/errors";
import { getAgencyProfile } from "@/db/queries/agency";
import { getContractActuals, versionsInForce } from "@/db/queries/contracts";
import type { ReadContext } from "@/lib/actions/agency-read";
import { billMonth } from "@/lib/contracts/actuals";
import { loadSlaMonth } from "@/lib/contracts/sla-month";
import { MONTH } from "@/lib/schemas/contracts";
import { loadContract } from "../../load";

/**
 * Everything the month's invoice shows: the contract's version in force that month (an amendment bills from
 * its effective month on) billed with the month's actuals and SLA results.
 */
export async function loadInvoice(ctx: ReadContext, clientId: string, contractId: string, month: string) {
  if (!MONTH.test(month)) throw new NotFoundError("invoice");
  const { client, contract } = await loadContract(ctx, clientId, contractId);
  const agency = await getAgencyProfile(ctx.tx, { agencyId: ctx.agencyId });
  const actuals = await getContractActuals(ctx.tx, { agencyId: ctx.agencyId, contractId, month });
  const inForce = await versionsInForce(ctx.tx, { agencyId: ctx.agencyId, contractIds: [contractId], month });
  const document = inForce.get(contractId)?.document ?? contract.document;
  // SLA items measured by the weekly KPI figures follow them; the rest follow the saved ticks.
  const sla = await loadSlaMonth(ctx.tx, {
    agencyId: ctx.agencyId,
    clientId,
    month,
    sla: document.sla,
    actuals: actuals?.actuals ?? null,
  });
  const outcome = billMonth(document, month, sla.actuals, agency.settings);
  // A stored version always bills (validated on the way in); saved actuals were checked against it.
  if (!outcome.ok) throw new Error(`invoice ${contractId} ${month}: ${JSON.stringify(outcome.errors)}`);
  return {
    client,
    contract,
    agency,
    actuals,
    outcome: outcome.value,
    slaResults: sla.results,
    versionNumber: inForce.get(contractId)?.number ?? contract.versionNumber,
    slaItems: document.sla?.items.map((i) => ({ key: i.key, label: i.label })) ?? [],
  };
}
