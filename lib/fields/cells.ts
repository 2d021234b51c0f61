import { bpToPercentText, formatOtherCosts, parseOtherCosts, parsePercentToBp, parseYen } from "./parse";
import { cleanText } from "./text";

/**
 * One input as forms, grids and CSV files carry it: a text cell. A feature declares its inputs once, in a
 * field table (`lib/economics/fields.ts` is the example to copy): for each input its form/CSV name, the
 * stored column, its kind and its rules. Reading a cell (`readCell`) and writing one back (`formatCell`) are
 * the same for every table, so "3.6" is 3.6 % and "¥1,234" is 1234 yen wherever people type them.
 */
export type FieldKind =
  /** whole yen ("¥7,800", "７８００円") */
  | "yen"
  /** a percentage typed as percent, stored as basis points ("3.6" → 360) */
  | "rate"
  /** a whole number of things (orders, hours in minutes) */
  | "count"
  /** one line of text */
  | "text"
  /** one of `options` */
  | "enum"
  /** named yen amounts in one cell: "FBA fulfilment:430; storage:70" */
  | "costs";

export type FieldDef<Name extends string = string, Column extends string = string> = {
  /** The name in forms and CSV headers, and the catalogue key under the feature's `fields.` namespace. */
  name: Name;
  /** The stored column (the drizzle table's property). */
  column: Column;
  kind: FieldKind;
  /** An empty cell: refused ("required"), stored as null ("null"), or this default. */
  empty: "required" | "null" | number | string | readonly [];
  /** Inclusive bounds in the stored unit (yen, basis points, count). */
  min?: number;
  max?: number;
  maxLength?: number;
  options?: readonly string[];
};

/** Stable codes; the UI translates them. */
export type CellErrorCode =
  | "required"
  | "not_a_number"
  | "too_precise"
  | "negative"
  | "must_be_positive"
  | "rate_above_100_percent"
  | "too_large"
  | "too_long"
  | "invalid_option"
  | "invalid_other_costs"
  | "control_character"
  | "bidi_control"
  | "invalid";

export type CellValue = number | string | null | { name: string; amount: number }[];
export type CellRead = { ok: true; value: CellValue } | { ok: false; code: CellErrorCode };

const RATE_MAX = 10_000; // 100 %

/** A text cell → the stored value, or the one reason it cannot be stored. */
export function readCell(field: FieldDef, raw: string | undefined): CellRead {
  // Every cell is text first: the one text rule (NFC, trimmed, no control or bidi characters) applies.
  // Named costs may sit one per line in a cell, as people paste them from a sheet.
  const cleaned = cleanText(raw ?? "", { multiline: field.kind === "costs" });
  if (!cleaned.ok) return { ok: false, code: cleaned.problem };
  const text = cleaned.value;
  if (text === "") {
    if (field.empty === "required") return { ok: false, code: "required" };
    if (field.empty === "null") return { ok: true, value: null };
    return { ok: true, value: Array.isArray(field.empty) ? [] : (field.empty as number | string) };
  }
  switch (field.kind) {
    case "yen":
    case "count":
      return bounded(field, parseYen(text));
    case "rate":
      return bounded(field, parsePercentToBp(text));
    case "enum":
      return field.options?.includes(text) ? { ok: true, value: text } : { ok: false, code: "invalid_option" };
    case "text":
      return text.length > (field.maxLength ?? 500) ? { ok: false, code: "too_long" } : { ok: true, value: text };
    case "costs": {
      const costs = parseOtherCosts(text);
      return costs.ok ? { ok: true, value: costs.value } : { ok: false, code: "invalid_other_costs" };
    }
  }
}

function bounded(field: FieldDef, parsed: ReturnType<typeof parseYen>): CellRead {
  if (!parsed.ok) return parsed;
  const min = field.min ?? 0;
  if (parsed.value < min) return { ok: false, code: min > 0 ? "must_be_positive" : "negative" };
  const max = field.max ?? (field.kind === "rate" ? RATE_MAX : Number.MAX_SAFE_INTEGER);
  if (parsed.value > max) {
    return { ok: false, code: field.kind === "rate" && max === RATE_MAX ? "rate_above_100_percent" : "too_large" };
  }
  return { ok: true, value: parsed.value };
}

/** The stored value → the text cell that `readCell` reads back to the same value. */
export function formatCell(field: FieldDef, value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  switch (field.kind) {
    case "rate":
      return bpToPercentText(value as number);
    case "costs":
      return formatOtherCosts(value as { name: string; amount: number }[]);
    default:
      return String(value);
  }
}

/** Free-text cells, which CSV export must guard against spreadsheet formula injection. */
export const isTextKind = (kind: FieldKind) => kind === "text" || kind === "costs";
