"use server";
// P/L lines of a client (SPEC §5): add, edit in place, copy base to the other scenarios, delete, CSV import.
import { and, eq, inArray, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getClientOrThrow } from "@/db/queries/clients";
import { getPlLine, getPlLineScenarios, inputsOf } from "@/db/queries/economics";
import { plLines } from "@/db/schema";
import { ConflictError, FieldError, isUniqueViolation, NotFoundError } from "@/lib/actions/errors";
import { type ActionContext, agencyAction } from "@/lib/actions/safe-action";
import { SCENARIOS } from "@/lib/options";
import { createPlLineSchema, plImportSchema, plLineKeySchema, updatePlLineSchema } from "@/lib/schemas/economics";
import { analyseImport, previewOf } from "./import";

/** The client must be one the member may see; otherwise everything answers "not found". */
async function ownClient(ctx: ActionContext, clientId: string) {
  return getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
}

const path = (clientId: string) => `/clients/${clientId}/economics`;

/** A new line starts with the same inputs in all three scenarios; the manager then adjusts them. */
export const createPlLine = agencyAction({
  name: "economics.createLine",
  permission: "economics.write",
  schema: createPlLineSchema,
  async run({ clientId, line }, ctx) {
    await ownClient(ctx, clientId);
    const rows = await ctx.tx
      .insert(plLines)
      .values(
        SCENARIOS.map((scenario) => ({
          agencyId: ctx.agencyId,
          clientId,
          channel: line.channel,
          sku: line.sku,
          scenario,
          ...inputsOf(line),
        })),
      )
      .returning({ id: plLines.id, scenario: plLines.scenario })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, "pl_lines_line_key"))
          throw new FieldError("sku", "economics.errors.duplicate_line");
        throw error;
      });
    await ctx.audit({
      action: "pl.create",
      entity: "pl_line",
      entityId: rows.find((r) => r.scenario === "base")?.id,
      after: line,
    });
    revalidatePath(path(clientId));
    return { ids: rows.map((r) => r.id) };
  },
});

/** Saves one scenario of one line; the version it was read at must still be current. */
export const updatePlLine = agencyAction({
  name: "economics.updateLine",
  permission: "economics.write",
  schema: updatePlLineSchema,
  async run({ clientId, id, version, line }, ctx) {
    await ownClient(ctx, clientId);
    const before = await getPlLine(ctx.tx, { agencyId: ctx.agencyId, clientId, id });
    if (!before) throw new NotFoundError("pl_line");
    const [updated] = await ctx.tx
      .update(plLines)
      .set({ ...inputsOf(line), version: sql`${plLines.version} + 1`, updatedAt: new Date() })
      .where(and(eq(plLines.agencyId, ctx.agencyId), eq(plLines.id, id), eq(plLines.version, version)))
      .returning({ id: plLines.id, version: plLines.version });
    if (!updated) throw new ConflictError("pl_line");
    await ctx.audit({
      action: "pl.update",
      entity: "pl_line",
      entityId: id,
      before,
      after: { ...before, ...inputsOf(line) },
    });
    revalidatePath(path(clientId));
    return { id, version: updated.version };
  },
});

/** Overwrites the pessimistic and optimistic inputs of a line with its base inputs. */
export const copyBaseToScenarios = agencyAction({
  name: "economics.copyBase",
  permission: "economics.write",
  schema: plLineKeySchema,
  async run(key, ctx) {
    await ownClient(ctx, key.clientId);
    const rows = await getPlLineScenarios(ctx.tx, { agencyId: ctx.agencyId, ...key });
    const base = rows.find((r) => r.scenario === "base");
    if (!base) throw new NotFoundError("pl_line");
    const others = rows.filter((r) => r.scenario !== "base").map((r) => r.id);
    if (others.length > 0) {
      await ctx.tx
        .update(plLines)
        .set({ ...inputsOf(base), version: sql`${plLines.version} + 1`, updatedAt: new Date() })
        .where(and(eq(plLines.agencyId, ctx.agencyId), inArray(plLines.id, others)));
    }
    await ctx.audit({
      action: "pl.copyBase",
      entity: "pl_line",
      entityId: base.id,
      before: rows,
      after: inputsOf(base),
    });
    revalidatePath(path(key.clientId));
    return { updated: others.length };
  },
});

/** Removes a line in all its scenarios. */
export const deletePlLine = agencyAction({
  name: "economics.deleteLine",
  permission: "economics.write",
  schema: plLineKeySchema,
  async run(key, ctx) {
    await ownClient(ctx, key.clientId);
    const removed = await ctx.tx
      .delete(plLines)
      .where(
        and(
          eq(plLines.agencyId, ctx.agencyId),
          eq(plLines.clientId, key.clientId),
          eq(plLines.channel, key.channel),
          eq(plLines.sku, key.sku),
        ),
      )
      .returning({ id: plLines.id, scenario: plLines.scenario });
    if (removed.length === 0) throw new NotFoundError("pl_line");
    await ctx.audit({
      action: "pl.delete",
      entity: "pl_line",
      entityId: removed[0]?.id,
      before: { ...key, rows: removed },
    });
    revalidatePath(path(key.clientId));
    return { deleted: removed.length };
  },
});

/** Reads a CSV and shows what importing it would do; writes nothing. */
export const previewPlImport = agencyAction({
  name: "economics.previewImport",
  permission: "economics.write",
  schema: plImportSchema,
  readOnly: true,
  async run({ clientId, file }, ctx) {
    return previewOf(await analyseImport(ctx, clientId, file));
  },
});

/**
 * Imports a CSV: all rows or none. Rows identical to what is stored are left alone, so importing the same
 * file twice changes nothing.
 */
export const importPlLines = agencyAction({
  name: "economics.import",
  permission: "economics.write",
  schema: plImportSchema,
  async run({ clientId, file }, ctx) {
    const analysis = await analyseImport(ctx, clientId, file);
    if (analysis.counts.errors > 0) throw new FieldError("file", "economics.import.fixErrors");
    const inserts = analysis.rows.flatMap((r) =>
      r.status === "new" && r.value
        ? [
            {
              agencyId: ctx.agencyId,
              clientId,
              channel: r.value.channel,
              sku: r.value.sku,
              scenario: r.value.scenario,
              ...inputsOf(r.value),
            },
          ]
        : [],
    );
    for (let i = 0; i < inserts.length; i += 500) {
      await ctx.tx.insert(plLines).values(inserts.slice(i, i + 500));
    }
    for (const r of analysis.rows) {
      if (r.status !== "changed" || !r.value || !r.existingId) continue;
      await ctx.tx
        .update(plLines)
        .set({ ...inputsOf(r.value), version: sql`${plLines.version} + 1`, updatedAt: new Date() })
        .where(and(eq(plLines.agencyId, ctx.agencyId), eq(plLines.id, r.existingId)));
    }
    const result = {
      inserted: analysis.counts.new,
      updated: analysis.counts.changed,
      unchanged: analysis.counts.unchanged,
    };
    await ctx.audit({
      action: "pl.import",
      entity: "client",
      entityId: clientId,
      after: { file: file.name, ...result },
    });
    revalidatePath(path(clientId));
    return result;
  },
});
