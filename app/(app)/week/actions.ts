"use server";
// The operator's week (SPEC §6, §9): one's own hours per client and week; KPI figures by CSV (preview, then
// all rows or none).
import { revalidatePath } from "next/cache";
import { ConflictError, FieldError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { listTimeEntries, saveKpiWeek, saveTimeEntry } from "@/db/queries/kpis";
import { agencyAction } from "@/lib/actions/safe-action";
import { analyseKpiImport } from "@/lib/kpis/import";
import { type KpiImportResult, kpiPreviewOf } from "@/lib/kpis/import-preview";
import { monthOfWeek } from "@/lib/kpis/week-view";
import { kpiImportSchema, saveHoursSchema } from "@/lib/schemas/week";

/**
 * Sets the member's own hours on a client for a week, checked against the version they read (0: none yet).
 * Operators only for their assigned clients; another's client answers "not found".
 */
export const saveHours = agencyAction({
  name: "week.saveHours",
  permission: "time.enter",
  schema: saveHoursSchema,
  async run({ clientId, isoWeek, hours: minutes, version }, ctx) {
    await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
    const membershipId = ctx.member.membership.id;
    const [before] = await listTimeEntries(ctx.tx, {
      agencyId: ctx.agencyId,
      isoWeek,
      membershipId,
      clientIds: [clientId],
    });
    const next = await saveTimeEntry(ctx.tx, {
      agencyId: ctx.agencyId,
      membershipId,
      clientId,
      isoWeek,
      month: monthOfWeek(isoWeek),
      minutes,
      version,
    });
    await ctx.audit({
      action: "time.save",
      entity: "time_entry",
      entityId: clientId,
      before: before ? { isoWeek, minutes: before.minutes } : null,
      after: { isoWeek, minutes },
    });
    revalidatePath("/week");
    return { version: next, minutes };
  },
});

/** Reads a KPI CSV and shows what importing it would do; writes nothing. */
export const previewKpiImport = agencyAction({
  name: "kpis.previewImport",
  permission: "kpis.enter",
  schema: kpiImportSchema,
  readOnly: true,
  async run({ file }, ctx) {
    return kpiPreviewOf(await analyseKpiImport({ ...ctx, scope: ctx.member.scope }, file));
  },
});

/**
 * Imports a KPI CSV: all rows or none. Each week saves only the cells that differ from what is stored, against
 * the version read in this transaction, so importing the same file twice changes nothing; a week saved by
 * someone else in between makes the whole import a conflict. With the preview's token, a commit also refuses
 * when the file or the stored weeks changed since the preview.
 */
export const importKpis = agencyAction({
  name: "kpis.import",
  permission: "kpis.enter",
  schema: kpiImportSchema,
  async run({ file, previewToken }, ctx) {
    const analysis = await analyseKpiImport({ ...ctx, scope: ctx.member.scope }, file);
    if (analysis.counts.errors > 0) {
      const problems = analysis.rows.flatMap((r) => r.problems);
      throw new FieldError("file", "kpiCsv.refused", {
        problems: problems.slice(0, 5).join(" / ") + (problems.length > 5 ? " …" : ""),
      });
    }
    if (previewToken && previewToken !== analysis.token) throw new ConflictError("kpi_week");
    // One lock order for every import (client, week), so that two imports of overlapping files never deadlock.
    const weeks = [...analysis.weeks].sort(
      (a, b) => a.clientId.localeCompare(b.clientId) || a.isoWeek.localeCompare(b.isoWeek),
    );
    for (const week of weeks) {
      await saveKpiWeek(ctx.tx, {
        agencyId: ctx.agencyId,
        clientId: week.clientId,
        isoWeek: week.isoWeek,
        weekStart: week.weekStart,
        month: week.month,
        version: week.version,
        userId: ctx.member.userId,
        cells: week.cells,
      });
    }
    const result: KpiImportResult = {
      weeks: analysis.weeks.length,
      changed: analysis.counts.new + analysis.counts.changed,
      unchanged: analysis.counts.unchanged,
    };
    await ctx.audit({
      action: "kpi.import",
      entity: "kpi_week",
      after: {
        file: file.name,
        ...result,
        weeks: analysis.weeks.map((w) => ({ clientId: w.clientId, isoWeek: w.isoWeek, cells: w.cells.length })),
      },
    });
    revalidatePath("/week");
    return result;
  },
});
