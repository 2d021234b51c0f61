// The weekly entry grid's cells (SPEC §6): reading what people type or paste into a cell, showing a stored
// value, pasting a block from a spreadsheet, and comparing the person's week with the one that won a
// conflict. Pure, so the grid (in the browser) and the save action (on the server) read cells alike.
import {
  addDays,
  dateKey,
  fromDayNumber,
  type IsoWeek,
  isoWeekKey,
  isoWeekOf,
  tokyoDateKey,
  type YearMonthDay,
} from "@/lib/domain/calendar";
import { MEASURES, type MeasureKey } from "@/lib/domain/kpi";
import { hundredthsText, parseHundredths, parseYen } from "@/lib/fields/parse";

export interface EntryCell {
  channel: string;
  measure: MeasureKey;
  value: number | null;
}

/** A week as stored: what the page reads, what a save answers, and what a conflict carries. */
export interface EntryWeek {
  version: number;
  cells: EntryCell[];
  updatedByName: string | null;
  updatedAt: string | null;
}

export type CellParse =
  | { ok: true; value: number | null }
  | { ok: false; code: "not_a_number" | "not_integer" | "too_precise" | "must_not_be_negative" };

export const cellKey = (channel: string, measure: string) => `${channel}:${measure}`;

// Counters people sometimes type after a figure ("12件", "3日").
const UNIT_SUFFIX = /[件個日回人点]$/;

/**
 * A cell as typed or pasted: "1,234,500", "¥1,234,500", "１２３", "12件"; a rating or CSAT score in
 * points ("4.23" → 423 hundredths). Empty means "no figure" (null); a negative figure is refused here.
 */
export function parseCell(measure: MeasureKey, raw: string | number | null | undefined): CellParse {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  const text = typeof raw === "number" ? String(raw) : raw.trim().replace(UNIT_SUFFIX, "");
  if (text === "") return { ok: true, value: null };
  const hundredths = MEASURES[measure].unit === "hundredths";
  const parsed = hundredths ? parseHundredths(text) : parseYen(text);
  if (!parsed.ok) {
    if (parsed.code !== "too_precise") return { ok: false, code: "not_a_number" };
    return { ok: false, code: hundredths ? "too_precise" : "not_integer" };
  }
  if (parsed.value < 0) return { ok: false, code: "must_not_be_negative" };
  return { ok: true, value: parsed.value + 0 };
}

const grouped = new Map<string, Intl.NumberFormat>();

/** A stored value as the grid shows it: thousands separators; ratings with two decimals ("4.23"). */
export function formatCell(measure: MeasureKey, value: number | null | undefined, locale = "ja"): string {
  if (value === null || value === undefined) return "";
  if (MEASURES[measure].unit === "hundredths") return hundredthsText(value);
  let f = grouped.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 0 });
    grouped.set(locale, f);
  }
  return f.format(value);
}

/**
 * A block copied from Excel or Google Sheets (tab-separated, one line per row) as rows of cell texts. A
 * trailing line break is dropped; a cell quoted by the spreadsheet loses its quotes.
 */
export function parsePastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) =>
    line.split("\t").map((cell) => {
      const trimmed = cell.trim();
      return /^".*"$/s.test(trimmed) ? trimmed.slice(1, -1).replace(/""/g, '"') : trimmed;
    }),
  );
}

/** Whether a paste is a block (several cells) rather than text for the one focused cell. */
export const isBlockPaste = (text: string) => /[\t\n\r]/.test(text.replace(/(\r?\n)+$/, "")) || /\r?\n$/.test(text);

export function valuesByKey(cells: readonly EntryCell[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const cell of cells) if (cell.value !== null) map.set(cellKey(cell.channel, cell.measure), cell.value);
  return map;
}

/** The cells whose value differs between two weeks (a missing cell is null), keyed by channel and measure. */
export function changedCells(
  before: readonly EntryCell[],
  after: readonly EntryCell[],
): { key: string; channel: string; measure: MeasureKey; before: number | null; after: number | null }[] {
  const from = valuesByKey(before);
  const to = valuesByKey(after);
  const seen = new Map<string, { channel: string; measure: MeasureKey }>();
  for (const c of [...before, ...after]) seen.set(cellKey(c.channel, c.measure), c);
  const out = [];
  for (const [key, { channel, measure }] of seen) {
    const a = from.get(key) ?? null;
    const b = to.get(key) ?? null;
    if (a !== b) out.push({ key, channel, measure, before: a, after: b });
  }
  return out;
}

/** The validation codes the entry grid has messages for (`kpiEntry.errors.<code>`); others read as "invalid". */
const ENTRY_ERROR_CODES = new Set([
  "required",
  "invalid_type",
  "not_a_number",
  "not_integer",
  "too_precise",
  "must_not_be_negative",
  "below_minimum",
  "above_maximum",
  "invalid_option",
  "invalid_format",
  "duplicate",
  "too_many_items",
  "not_in_plan",
  "exceeds_whole",
  "requires_weight",
]);

/** The message key (inside the `kpiEntry` namespace) of a validation code from parseCell or validateWeekCells. */
export function entryErrorKey(code: string): `errors.${string}` {
  return ENTRY_ERROR_CODES.has(code) ? `errors.${code}` : "errors.invalid";
}

// ─── Weeks ────────────────────────────────────────────────────────────────────────────────────────────

/** The ISO week it is now in Asia/Tokyo (where the agencies work), as a key: "2026-W10". */
export function currentIsoWeekKey(now = new Date()): string {
  const [year, month, day] = tokyoDateKey(now).split("-").map(Number);
  return isoWeekKey(isoWeekOf(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1))));
}

/** Monday and Sunday of an ISO week. */
export function weekDays(week: IsoWeek): { monday: YearMonthDay; sunday: YearMonthDay } {
  // 4 January is always in week 1; its Monday starts week 1.
  const jan4 = Date.UTC(week.year, 0, 4);
  const jan4IsoDay = new Date(jan4).getUTCDay() || 7;
  const monday = fromDayNumber(jan4 / 86_400_000 + (week.week - 1) * 7 - (jan4IsoDay - 1));
  return { monday, sunday: addDays(monday, 6) };
}

/** Monday of an ISO week as "YYYY-MM-DD" (kpi_weeks.week_start). */
export const weekStartKey = (week: IsoWeek) => dateKey(weekDays(week).monday);

/** What a successful save answers: the week as now stored, and how many cells changed. */
export interface SavedWeek {
  week: EntryWeek;
  changed: number;
}

/** After a conflict, a cell where the stored week and the person's value differ, and which one they keep. */
export interface ConflictCell {
  mine: number | null;
  mineText: string;
  theirs: number | null;
  choice: "mine" | "theirs";
}
