"use server";
// Create, edit and end clients (owners and managers).
import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getClientOrThrow, setClientAssignments, staffMembershipIds } from "@/db/queries/clients";
import { clients } from "@/db/schema";
import { ConflictError, FieldError, isUniqueViolation } from "@/lib/actions/errors";
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

function codeTaken(error: unknown): never {
  if (isUniqueViolation(error, "clients_agency_code_key")) throw new FieldError("code", "validation.codeTaken");
  throw error;
}

export const createClient = agencyAction({
  name: "clients.create",
  permission: "clients.write",
  schema: createClientSchema,
  async run(input, ctx) {
    await checkAssignments(ctx, input);
    const { managerMembershipId, operatorMembershipIds, ...fields } = input;
    const [created] = await ctx.tx
      .insert(clients)
      .values({ ...fields, agencyId: ctx.agencyId })
      .returning({ id: clients.id })
      .catch(codeTaken);
    if (!created) throw new Error("insert returned no row");
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
    const [updated] = await ctx.tx
      .update(clients)
      .set({ ...fields, version: sql`${clients.version} + 1`, updatedAt: new Date() })
      .where(and(eq(clients.agencyId, ctx.agencyId), eq(clients.id, id), eq(clients.version, version)))
      .returning({ id: clients.id, version: clients.version })
      .catch(codeTaken);
    if (!updated) throw new ConflictError("client");
    await setClientAssignments(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId: id,
      managerMembershipId,
      operatorMembershipIds,
    });
    await ctx.audit({ action: "client.update", entity: "client", entityId: id, before, after: input });
    revalidatePath("/clients");
    revalidatePath(`/clients/${id}`);
    return { id, version: updated.version };
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
    const [updated] = await ctx.tx
      .update(clients)
      .set({ status: "ended", version: sql`${clients.version} + 1`, updatedAt: new Date() })
      .where(and(eq(clients.agencyId, ctx.agencyId), eq(clients.id, input.id), eq(clients.version, input.version)))
      .returning({ id: clients.id, version: clients.version });
    if (!updated) throw new ConflictError("client");
    await ctx.audit({
      action: "client.end",
      entity: "client",
      entityId: input.id,
      before: { status: before.status },
      after: { status: "ended" },
    });
    revalidatePath("/clients");
    revalidatePath(`/clients/${input.id}`);
    return { id: input.id, version: updated.version };
  },
});
