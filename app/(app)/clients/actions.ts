"use server";
// Create, edit and end clients (owners and managers).
import { revalidatePath } from "next/cache";
import { FieldError } from "@/db/errors";
import {
  getClientOrThrow,
  insertClient,
  setClientAssignments,
  staffMembershipIds,
  updateClientFields,
} from "@/db/queries/clients";
import { type ActionContext, agencyAction } from "@/lib/actions/safe-action";
import { createClientSchema, endClientSchema, updateClientSchema } from "@/lib/schemas/client";

type Assignments = { managerMembershipId: string | null; operatorMembershipIds: string[] };

async function checkAssignments(ctx: ActionContext, input: Assignments) {
  const ids = [...input.operatorMembershipIds, ...(input.managerMembershipId ? [input.managerMembershipId] : [])];
  if (ids.length === 0) return;
  // Owners and managers can manage a client; anyone on the staff can operate one.
  const managers = await staffMembershipIds(ctx.tx, {
    agencyId: ctx.agencyId,
    ids: input.managerMembershipId ? [input.managerMembershipId] : [],
    roles: ["owner", "manager"],
  });
  if (input.managerMembershipId && !managers.has(input.managerMembershipId)) {
    throw new FieldError("managerMembershipId", "validation.invalidOption");
  }
  const staff = await staffMembershipIds(ctx.tx, {
    agencyId: ctx.agencyId,
    ids: input.operatorMembershipIds,
    roles: ["owner", "manager", "operator"],
  });
  if (input.operatorMembershipIds.some((id) => !staff.has(id))) {
    throw new FieldError("operatorMembershipIds", "validation.invalidOption");
  }
}

export const createClient = agencyAction({
  name: "clients.create",
  permission: "clients.write",
  schema: createClientSchema,
  async run(input, ctx) {
    await checkAssignments(ctx, input);
    const { managerMembershipId, operatorMembershipIds, ...fields } = input;
    const created = await insertClient(ctx.tx, { agencyId: ctx.agencyId, fields });
    await setClientAssignments(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId: created.id,
      managerMembershipId,
      operatorMembershipIds,
    });
    await ctx.audit({ action: "client.create", entity: "client", entityId: created.id, after: input });
    revalidatePath("/clients");
    return { id: created.id, version: 1 };
  },
});

export const updateClient = agencyAction({
  name: "clients.update",
  permission: "clients.write",
  schema: updateClientSchema,
  async run(input, ctx) {
    const before = await getClientOrThrow(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId: input.id,
      scope: ctx.member.scope,
    });
    await checkAssignments(ctx, input);
    const { id, version, managerMembershipId, operatorMembershipIds, ...fields } = input;
    const next = await updateClientFields(ctx.tx, { agencyId: ctx.agencyId, id, version, fields });
    await setClientAssignments(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId: id,
      managerMembershipId,
      operatorMembershipIds,
    });
    await ctx.audit({ action: "client.update", entity: "client", entityId: id, before, after: input });
    revalidatePath("/clients");
    revalidatePath(`/clients/${id}`);
    return { id, version: next };
  },
});

/** Ending keeps the client and its history; it only moves the status to "ended". */
export const endClient = agencyAction({
  name: "clients.end",
  permission: "clients.write",
  schema: endClientSchema,
  async run(input, ctx) {
    const before = await getClientOrThrow(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId: input.id,
      scope: ctx.member.scope,
    });
    const next = await updateClientFields(ctx.tx, {
      agencyId: ctx.agencyId,
      id: input.id,
      version: input.version,
      fields: { status: "ended" },
    });
    await ctx.audit({
      action: "client.end",
      entity: "client",
      entityId: input.id,
      before: { status: before.status },
      after: { status: "ended" },
    });
    revalidatePath("/clients");
    revalidatePath(`/clients/${input.id}`);
    return { id: input.id, version: next };
  },
});
