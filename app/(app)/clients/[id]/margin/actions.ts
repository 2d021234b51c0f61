"use server";
// A client's direct costs per month (tools, outsourced photography, …): owners and managers.
import { revalidatePath } from "next/cache";
import { getClientOrThrow } from "@/db/queries/clients";
import { deleteDirectCost, insertDirectCost } from "@/db/queries/margins";
import { agencyAction } from "@/lib/actions/safe-action";
import { addDirectCostSchema, deleteDirectCostSchema } from "@/lib/schemas/margins";

export const addDirectCost = agencyAction({
  name: "margins.addDirectCost",
  permission: "margins.write",
  schema: addDirectCostSchema,
  async run(input, ctx) {
    await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId: input.clientId, scope: ctx.member.scope });
    const id = await insertDirectCost(ctx.tx, { agencyId: ctx.agencyId, ...input });
    await ctx.audit({ action: "margins.directCost.add", entity: "direct_cost", entityId: id, after: input });
    revalidatePath(`/clients/${input.clientId}/margin`);
    return { id };
  },
});

export const removeDirectCost = agencyAction({
  name: "margins.deleteDirectCost",
  permission: "margins.write",
  schema: deleteDirectCostSchema,
  async run({ clientId, id }, ctx) {
    await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
    const before = await deleteDirectCost(ctx.tx, { agencyId: ctx.agencyId, clientId, id });
    await ctx.audit({ action: "margins.directCost.delete", entity: "direct_cost", entityId: id, before });
    revalidatePath(`/clients/${clientId}/margin`);
    return { id };
  },
});
