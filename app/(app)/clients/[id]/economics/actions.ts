"use server";
// P/L lines of a client (SPEC §5): add, edit in place, copy base to the other scenarios, delete, CSV import.
import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { getClientOrThrow } from "@/db/queries/clients";
import { getPlLine, getPlLineScenarios, inputsOf } from "@/db/queries/economics";
import { plLines } from "@/db/schema";
import { ConflictError, FieldError, isUniqueViolation, NotFoundError } from "@/lib/actions/errors";
import { type ActionContext, agencyAction } from "@/lib/actions/safe-action";
import type { PlLineValues } from "@/lib/economics/line";
import { SCENARIOS } from "@/lib/options";
import {
  copyBaseSchema,
  createPlLineSchema,
  plImportSchema,
  plLineKeySchema,
  updatePlLineSchema,
} from "@/lib/schemas/economics";
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

/**
 * Gives the pessimistic and optimistic scenarios the base inputs (creating a scenario the line lacks). The
 * versions the user saw must still be current, so a colleague's edit in between is not silently lost.
 */
export const copyBaseToScenarios = agencyAction({
  name: "economics.copyBase",
  permission: "economics.write",
  schema: copyBaseSchema,
  async run({ versions, ...key }, ctx) {
    await ownClient(ctx, key.clientId);
    const rows = await getPlLineScenarios(ctx.tx, { agencyId: ctx.agencyId, ...key });
    const base = rows.find((r) => r.scenario === "base");
    if (!base) throw new NotFoundError("pl_line");
    for (const scenario of ["pessimistic", "optimistic"] as const) {
      const row = rows.find((r) => r.scenario === scenario);
      const seen = versions?.[scenario];
      if (!row) {
        if (seen) throw new ConflictError("pl_line");
        await ctx.tx.insert(plLines).values({ agencyId: ctx.agencyId, ...key, scenario, ...inputsOf(base) });
        continue;
      }
      if (seen !== undefined && seen !== row.version) throw new ConflictError("pl_line");
      const updated = await ctx.tx
        .update(plLines)
        .set({ ...inputsOf(base), version: sql`${plLines.version} + 1`, updatedAt: new Date() })
        .where(and(eq(plLines.agencyId, ctx.agencyId), eq(plLines.id, row.id), eq(plLines.version, row.version)))
        .returning({ id: plLines.id });
      if (updated.length === 0) throw new ConflictError("pl_line");
    }
    await ctx.audit({
      action: "pl.copyBase",
      entity: "pl_line",
      entityId: base.id,
      before: rows,
      after: inputsOf(base),
    });
    revalidatePath(path(key.clientId));
    return { copied: 2 };
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
 * file twice changes nothing. With the preview's token, a commit refuses when the file or the stored lines
 * changed since the preview; every update also checks the version it read.
 */
export const importPlLines = agencyAction({
  name: "economics.import",
  permission: "economics.write",
  schema: plImportSchema,
  async run({ clientId, file, previewToken }, ctx) {
    const analysis = await analyseImport(ctx, clientId, file);
    if (analysis.counts.errors > 0) throw new FieldError("file", "economics.import.fixErrors");
    if (previewToken && previewToken !== analysis.token) throw new ConflictError("pl_line");
    const toRow = (value: PlLineValues) => ({
      agencyId: ctx.agencyId,
      clientId,
      channel: value.channel,
      sku: value.sku,
      scenario: value.scenario,
      ...inputsOf(value),
    });
    const inserts = [
      ...analysis.rows.flatMap((r) => (r.status === "new" && r.value ? [toRow(r.value)] : [])),
      ...analysis.fills.map(toRow),
    ];
    for (let i = 0; i < inserts.length; i += 500) {
      await ctx.tx
        .insert(plLines)
        .values(inserts.slice(i, i + 500))
        .catch((error: unknown) => {
          // Someone else added the same line meanwhile.
          if (isUniqueViolation(error, "pl_lines_line_key")) throw new ConflictError("pl_line");
          throw error;
        });
    }
    for (const r of analysis.rows) {
      if (r.status !== "changed" || !r.value || !r.existing) continue;
      const updated = await ctx.tx
        .update(plLines)
        .set({ ...inputsOf(r.value), version: sql`${plLines.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(plLines.agencyId, ctx.agencyId),
            eq(plLines.id, r.existing.id),
            eq(plLines.version, r.existing.version),
          ),
        )
        .returning({ id: plLines.id });
      if (updated.length === 0) throw new ConflictError("pl_line");
    }
    const { new: inserted, changed: updated, unchanged, filled } = analysis.counts;
    const result = { inserted, updated, unchanged, filled };
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
