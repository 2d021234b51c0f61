"use server";
// The weekly entry of one client (SPEC §6): saves a week's cells in one transaction, against the version
// the person read; a week saved by someone else in between answers a conflict carrying the week as it
// now stands, so the grid can show both values per cell.
import { revalidatePath } from "next/cache";
import { ConflictError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { saveKpiWeek } from "@/db/queries/kpis";
import { agencyAction, InvalidInput } from "@/lib/actions/safe-action";
import { isoWeekKey, monthKey, monthOfIsoWeek, parseIsoWeekKey } from "@/lib/domain/calendar";
import { validateWeekCells } from "@/lib/domain/kpi";
import { changedCells, type EntryCell, type EntryWeek, entryErrorKey, weekStartKey } from "@/lib/kpis/entry";
import { loadEntryWeek, loadPlanMeasures } from "@/lib/kpis/entry-load";
import type { Channel } from "@/lib/options";
import { saveWeekSchema } from "@/lib/schemas/kpis";

export const saveWeek = agencyAction({
  name: "kpis.saveWeek",
  permission: "kpis.enter",
  schema: saveWeekSchema,
  async run({ clientId, isoWeek, version, cells }, ctx) {
    const { agencyId } = ctx;
    const client = await getClientOrThrow(ctx.tx, { agencyId, clientId, scope: ctx.member.scope });
    const measures = await loadPlanMeasures(ctx.tx, { agencyId, clientId });
    if (measures === null) throw new InvalidInput({ cells: [ctx.t("kpiEntry.errors.noPlan")] });
    const checked = validateWeekCells(isoWeek, cells, { channels: client.channels, measures });
    if (!checked.ok) {
      const fieldErrors: Record<string, string[]> = {};
      for (const e of checked.errors) {
        const message = ctx.t(`kpiEntry.${entryErrorKey(e.code)}` as "kpiEntry.errors.invalid", e.params);
        fieldErrors[e.field] = [...(fieldErrors[e.field] ?? []), message];
      }
      throw new InvalidInput(fieldErrors);
    }
    const week = parseIsoWeekKey(isoWeek);
    if (week === null) throw new InvalidInput({ isoWeek: [ctx.t("kpiEntry.errors.noSuchWeek")] });
    // Read before writing, for the audit's "before"; if the week moves on in between, saveKpiWeek's own
    // version check (under the week's row lock) refuses the save.
    const before = await loadEntryWeek(ctx.tx, { agencyId, clientId, isoWeek });
    if (before.version !== version) throw new ConflictError("kpi_week");
    const saved = await saveKpiWeek(ctx.tx, {
      agencyId,
      clientId,
      isoWeek: isoWeekKey(week),
      weekStart: weekStartKey(week),
      month: monthKey(monthOfIsoWeek(week)),
      version,
      userId: ctx.member.userId,
      cells: checked.value.cells.map((c) => ({ ...c, channel: c.channel as Channel })),
    });
    const after = await loadEntryWeek(ctx.tx, { agencyId, clientId, isoWeek });
    const changes = changedCells(before.cells, after.cells);
    await ctx.audit({
      action: "kpi.week.save",
      entity: "kpi_week",
      entityId: clientId,
      before: {
        isoWeek,
        version: before.version,
        cells: changes.map(({ channel, measure, before: v }) => cell(channel, measure, v)),
      },
      after: {
        isoWeek,
        version: saved.version,
        cells: changes.map(({ channel, measure, after: v }) => cell(channel, measure, v)),
      },
    });
    revalidatePath(`/clients/${clientId}/kpis`);
    return { week: after, changed: saved.changed };
  },
  /** The week as it now stands, for the person to compare with their own. */
  async conflict({ clientId, isoWeek }, { tx, agencyId, member }): Promise<EntryWeek> {
    await getClientOrThrow(tx, { agencyId, clientId, scope: member.scope });
    return loadEntryWeek(tx, { agencyId, clientId, isoWeek });
  },
});

const cell = (channel: string, measure: EntryCell["measure"], value: number | null) => ({ channel, measure, value });
