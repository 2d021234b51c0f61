import { z } from "zod";
import { parseIsoWeekKey } from "@/lib/domain/calendar";
import { MEASURE_KEYS } from "@/lib/domain/kpi";
import { parseCell } from "@/lib/kpis/entry";
import { CHANNELS } from "@/lib/options";

// Weekly KPIs (SPEC §6): the schemas of their actions. Rules that need the database (the client's
// channels, the plan's measures, a part never above its whole) are checked by lib/domain/kpi.ts's
// validateWeekCells in the action, at the same `cells.N.…` paths.

/** An ISO week key that exists ("2026-W53" does, "2025-W53" does not). */
export const isoWeek = z
  .string()
  .max(10)
  .refine((key) => parseIsoWeekKey(key) !== null, { message: "kpiEntry.errors.noSuchWeek" });

/** The version of a row the author read; 0 for "never saved". */
const versionRead = z.coerce.number().int().min(0).max(2_147_483_647);

/** A week's cell as the grid sends it: the text the person typed (or a number), read as an integer. */
const weekCell = z
  .object({
    channel: z.enum(CHANNELS),
    measure: z.enum(MEASURE_KEYS),
    value: z.union([z.string().max(50), z.number(), z.null()]),
  })
  .transform((cell, ctx) => {
    const parsed = parseCell(cell.measure, cell.value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `kpiEntry.errors.${parsed.code}` });
      return z.NEVER;
    }
    return { ...cell, value: parsed.value };
  });

/** One client's week from the entry grid, checked against the version the author read. */
export const saveWeekSchema = z.object({
  clientId: z.uuid(),
  isoWeek,
  version: versionRead,
  cells: z.array(weekCell).max(CHANNELS.length * MEASURE_KEYS.length),
});
export type SaveWeekInput = z.input<typeof saveWeekSchema>;
