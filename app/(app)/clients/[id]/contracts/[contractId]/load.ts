import "server-only";
import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { getContractOrThrow } from "@/db/queries/contracts";
import type { ReadContext } from "@/lib/actions/agency-read";

/** The client and one of its contracts, as the member may see them (anything else: not found). */
export async function loadContract(ctx: ReadContext, clientId: string, contractId: string) {
  if (!z.uuid().safeParse(clientId).success || !z.uuid().safeParse(contractId).success) {
    throw new NotFoundError("contract");
  }
  const client = await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.scope });
  const contract = await getContractOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, contractId, scope: ctx.scope });
  return { client, contract };
}
