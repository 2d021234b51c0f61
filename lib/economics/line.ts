import type { PlLineValues } from "@/db/schema/economics";
import type { LineInput } from "@/lib/domain/unit-economics";
import { validateLineInput } from "@/lib/domain/unit-economics";
import { type CellErrorCode, type CellValue, formatCell, readCell } from "@/lib/fields/cells";
import { cellOfEnginePath, type InputColumn, PL_FIELDS, PL_INPUTS } from "./fields";

export type { PlLineValues } from "@/db/schema/economics";
export type { CellErrorCode } from "@/lib/fields/cells";
export { INPUT_COLUMNS, type InputColumn } from "./fields";

/**
 * A P/L line's cells as the forms and the CSV carry them, read by the field table (./fields.ts) into exact
 * integers (yen, basis points) with a code per bad cell; then the unit-economics engine's own validation
 * runs, so that nothing the engine would refuse is ever stored.
 */
export type RawPlLine = Partial<Record<InputColumn, string | undefined>>;
export type CellErrors = Partial<Record<InputColumn, CellErrorCode>>;
export type ReadResult = { ok: true; value: PlLineValues } | { ok: false; errors: CellErrors };

const adModeField = PL_INPUTS.find((f) => f.name === "ad_mode");

export function readPlLine(raw: RawPlLine): ReadResult {
  const errors: CellErrors = {};
  const values: Partial<Record<keyof PlLineValues, CellValue>> = {};
  // Only the fields of the chosen advertising mode are read; the others are ignored (and stored empty).
  const mode = adModeField ? readCell(adModeField, raw.ad_mode) : null;
  for (const field of PL_FIELDS) {
    if (field.adMode && (!mode?.ok || mode.value !== field.adMode)) {
      values[field.column] = null;
      continue;
    }
    const read = readCell(field, raw[field.name as InputColumn]);
    if (read.ok) values[field.column] = read.value;
    else errors[field.name as InputColumn] = read.code;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const line = values as PlLineValues;
  // The engine has the last word on ranges (e.g. a CPC ÷ CVR that exceeds any sane per-order amount).
  const engine = validateLineInput(toEngineInput(line));
  if (!engine.ok) {
    for (const e of engine.errors) errors[cellOfEnginePath(e.field)] ??= engineCode(e.code);
    return { ok: false, errors };
  }
  return { ok: true, value: line };
}

function engineCode(code: string): CellErrorCode {
  switch (code) {
    case "must_be_positive":
      return "must_be_positive";
    case "must_not_be_negative":
      return "negative";
    case "rate_above_100_percent":
      return "rate_above_100_percent";
    case "too_long":
      return "too_long";
    case "above_maximum":
    case "derived_cpa_above_maximum":
    case "result_out_of_range":
    case "too_many_items":
      return "too_large";
    default:
      return "invalid";
  }
}

/** The stored line as the unit-economics engine takes it: each field's `engine` path, ads by mode. */
export function toEngineInput(v: Omit<PlLineValues, "channel" | "sku" | "scenario" | "monthlyOrders">): LineInput {
  const input: Record<string, unknown> = {};
  const ads: Record<string, unknown> = {};
  for (const field of PL_INPUTS) {
    if (!field.engine) continue;
    const value = v[field.column as keyof typeof v];
    if (!field.engine.startsWith("ads.")) input[field.engine] = value;
    else if (!field.adMode) ads[field.engine.slice(4)] = value;
    else if (field.adMode === v.adMode) ads[field.engine.slice(4)] = value ?? 0;
  }
  return { ...input, ads } as LineInput;
}

/** A line's inputs as text cells that `readPlLine` reads back to the same values (forms and CSV alike). */
export function toCells(v: PlLineValues): Record<InputColumn, string> {
  return Object.fromEntries(PL_FIELDS.map((f) => [f.name, formatCell(f, v[f.column])])) as Record<InputColumn, string>;
}
