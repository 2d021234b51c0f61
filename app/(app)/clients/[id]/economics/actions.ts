"use server";
// P/L lines of a client (SPEC §5): add, edit in place, copy base to the other scenarios, delete, CSV import.
import { revalidatePath } from "next/cache";
import { ConflictError, FieldError, NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import {
  deletePlLine as deleteLine,
  getPlLine,
  getPlLineScenarios,
  insertPlLines,
  updatePlLineInputs,
} from "@/db/queries/economics";
import { type ActionContext, agencyAction } from "@/lib/actions/safe-action";
import { inputsOf } from "@/lib/economics/fields";
import { previewOf } from "@/lib/economics/import-preview";
import { SCENARIOS } from "@/lib/options";
import {
  copyBaseSchema,
  createPlLineSchema,
  plImportSchema,
  plLineKeySchema,
  updatePlLineSchema,
} from "@/lib/schemas/economics";
import { analyseImport } from "./import";

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
    const rows = await insertPlLines(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId,
      lines: SCENARIOS.map((scenario) => ({ ...line, scenario })),
      onDuplicate: () => new FieldError("sku", "economics.errors.duplicate_line"),
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
    const next = await updatePlLineInputs(ctx.tx, { agencyId: ctx.agencyId, id, version }, inputsOf(line));
    await ctx.audit({
      action: "pl.update",
      entity: "pl_line",
      entityId: id,
      before,
      after: { ...before, ...inputsOf(line) },
    });
    revalidatePath(path(clientId));
    return { id, version: next };
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
        await insertPlLines(ctx.tx, {
          agencyId: ctx.agencyId,
          clientId: key.clientId,
          lines: [{ channel: base.channel, sku: base.sku, scenario, ...inputsOf(base) }],
          onDuplicate: () => new ConflictError("pl_line"),
        });
        continue;
      }
      if (seen !== undefined && seen !== row.version) throw new ConflictError("pl_line");
      await updatePlLineInputs(ctx.tx, { agencyId: ctx.agencyId, id: row.id, version: row.version }, inputsOf(base));
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
    const removed = await deleteLine(ctx.tx, { agencyId: ctx.agencyId, ...key });
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
    await insertPlLines(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId,
      lines: [...analysis.rows.flatMap((r) => (r.status === "new" && r.value ? [r.value] : [])), ...analysis.fills],
      // Someone else added the same line meanwhile.
      onDuplicate: () => new ConflictError("pl_line"),
    });
    for (const r of analysis.rows) {
      if (r.status !== "changed" || !r.value || !r.existing) continue;
      await updatePlLineInputs(ctx.tx, { agencyId: ctx.agencyId, ...r.existing }, inputsOf(r.value));
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
