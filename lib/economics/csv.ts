import Papa from "papaparse";
import { computeLine, ordersNeeded } from "@/lib/domain/unit-economics";
import { isTextKind } from "@/lib/fields/cells";
import { CHANNELS, SCENARIOS } from "@/lib/options";
import { PL_FIELDS } from "./fields";
import {
  type CellErrorCode,
  INPUT_COLUMNS,
  type InputColumn,
  type PlLineValues,
  type RawPlLine,
  type ReadResult,
  readPlLine,
  toCells,
  toEngineInput,
} from "./line";

/**
 * P/L lines ⇄ CSV (SPEC §5), in the article's spreadsheet columns: the inputs, then the figures the engine
 * computes from them. Import reads the inputs only (computed columns are ignored, so an exported file
 * re-imports); export writes both. Pure: no database, React or Next.
 */

// ─── Bytes → text ────────────────────────────────────────────────────────────────────────────────────────

export type DecodedCsv =
  | { ok: true; text: string; encoding: "utf-8" | "shift_jis" }
  | { ok: false; code: "empty_file" | "not_text" };

/**
 * An uploaded file's bytes as text: UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise
 * Shift_JIS (what Excel on Japanese Windows saves as "CSV"). Control bytes other than tab, LF, VT, FF and CR
 * (NUL in binary files, ESC in ISO-2022-JP) or bytes that neither encoding accepts mean `not_text`.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // Bytes below 0x20 are never part of a multi-byte character in UTF-8 or Shift_JIS, so this check is exact.
  for (const b of body) if (b < 0x20 && (b < 0x09 || b > 0x0d)) return { ok: false, code: "not_text" };
  const decoded = decodeAs(body, "utf-8") ?? decodeAs(body, "shift_jis");
  if (!decoded) return { ok: false, code: "not_text" };
  // trim() also removes U+FEFF, so a file of BOMs and blanks (full-width spaces included) is empty.
  if (decoded.text.trim() === "") return { ok: false, code: "empty_file" };
  return { ok: true, ...decoded };
}

function decodeAs(
  bytes: Uint8Array,
  encoding: "utf-8" | "shift_jis",
): { text: string; encoding: "utf-8" | "shift_jis" } | null {
  try {
    // ignoreBOM keeps a second BOM as text (trimmed later) instead of silently dropping it.
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    return null;
  }
}

// ─── Columns ─────────────────────────────────────────────────────────────────────────────────────────────

export const COMPUTED_COLUMNS = [
  "gross_profit",
  "fee",
  "points",
  "ad_cost",
  "variable_costs_excluding_ads",
  "contribution_per_order",
  "allowed_cpa",
  "orders_needed_for_450k",
  "orders_needed_for_600k",
] as const;

export type ComputedColumn = (typeof COMPUTED_COLUMNS)[number];

/** Every column of an exported file, in order: the inputs, then the computed figures. */
export const PL_CSV_COLUMNS = [...INPUT_COLUMNS, ...COMPUTED_COLUMNS] as const;

export type PlCsvColumn = (typeof PL_CSV_COLUMNS)[number];

/** Columns an imported file must have; the other input columns read as empty cells when absent. */
export const REQUIRED_COLUMNS = [
  "channel",
  "sku",
  "aov",
  "gross_margin_rate",
  "fee_rate",
] as const satisfies readonly InputColumn[];

export const DEFAULT_MAX_ROWS = 5_000;

/** The monthly profit levels of the two orders-needed columns (their names carry the amounts). */
const PROFIT_LEVEL_COLUMNS = [
  ["orders_needed_for_450k", 450_000],
  ["orders_needed_for_600k", 600_000],
] as const;

// ─── Import ──────────────────────────────────────────────────────────────────────────────────────────────

/** Row problems beyond one cell's value: the key repeats an earlier row, or data sits under no header. */
export type RowErrorCode = CellErrorCode | "duplicate" | "extra_cells";

export type RowError = {
  /** null when the problem is not one input column's (extra_cells). */
  column: InputColumn | null;
  code: RowErrorCode;
  /** duplicate: the line of the first row with the same (channel, sku, scenario). */
  duplicateOfLine?: number;
};

export type ParsedRow = {
  /** 1-based physical line of the file where the row starts (the header's line is 1 in a plain file). */
  line: number;
  /** Every input column's trimmed cell ("" when the column is absent or the cell empty). */
  raw: RawPlLine;
  /** readPlLine's answer for the row alone. */
  result: ReadResult;
  /** Errors readPlLine cannot see: duplicate (on the later row, column "sku") and extra_cells. */
  rowErrors: RowError[];
  /** All of the row's errors: readPlLine's cell errors in column order, then rowErrors. */
  errors: RowError[];
  /** The values to store; null unless the row is free of errors. */
  value: PlLineValues | null;
};

export type PlCsvFailure =
  | { ok: false; code: "empty_file"; detail?: undefined }
  | { ok: false; code: "no_rows"; detail?: undefined }
  /** `columns`: required columns absent from the header; `unknown`: header names not recognised (may be empty). */
  | { ok: false; code: "missing_columns"; detail: { columns: InputColumn[]; unknown: string[] } }
  /** Header names (as written, trimmed) that are neither input nor computed columns. */
  | { ok: false; code: "unknown_columns"; detail: { columns: string[] } }
  | { ok: false; code: "too_many_rows"; detail: { max: number } }
  | {
      ok: false;
      code: "malformed";
      detail: {
        line: number;
        reason: "unclosed_quote" | "invalid_quote" | "duplicate_columns";
        /** duplicate_columns: the input columns named more than once. */
        columns?: InputColumn[];
      };
    };

export type PlCsvParse = PlCsvFailure | { ok: true; rows: ParsedRow[]; validCount: number; errorCount: number };

/**
 * Reads a P/L CSV: the first non-blank record is the header (names matched case-insensitively after trimming),
 * blank records (every cell blank, e.g. ",,,,") are skipped, cells are trimmed and each row goes through
 * readPlLine. File-level problems answer a failure; row-level problems are reported per row and never stop
 * the other rows from being read.
 */
export function parsePlCsv(text: string, opts: { maxRows?: number } = {}): PlCsvParse {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, code: "empty_file" };

  const lineAt = lineCounter(body);
  const state: { header: HeaderColumn[] | null; failure: PlCsvFailure | null; rowStart: number } = {
    header: null,
    failure: null,
    rowStart: 0,
  };
  const records: { line: number; cells: string[] }[] = [];

  Papa.parse<string[]>(body, {
    delimiter: ",",
    quoteChar: '"',
    skipEmptyLines: false,
    step: (results, parser) => {
      const start = state.rowStart;
      state.rowStart = results.meta.cursor;
      const line = lineAt(start);
      const error = results.errors[0];
      if (error) {
        state.failure = {
          ok: false,
          code: "malformed",
          detail: {
            line: lineAt(Math.max(start, error.index ?? start)),
            reason: error.code === "MissingQuotes" ? "unclosed_quote" : "invalid_quote",
          },
        };
        parser.abort();
        return;
      }
      const cells = results.data;
      if (cells.every((c) => c.trim() === "")) return;
      if (!state.header) {
        const header = readHeader(cells, line);
        if (header.ok) state.header = header.columns;
        else {
          state.failure = header;
          parser.abort();
        }
        return;
      }
      if (records.length >= maxRows) {
        state.failure = { ok: false, code: "too_many_rows", detail: { max: maxRows } };
        parser.abort();
        return;
      }
      records.push({ line, cells });
    },
  });

  if (state.failure) return state.failure;
  // Only blank records (",,,"): nothing in the file.
  if (!state.header) return { ok: false, code: "empty_file" };
  if (records.length === 0) return { ok: false, code: "no_rows" };

  const header = state.header;
  const firstLineOfKey = new Map<string, number>();
  const rows: ParsedRow[] = records.map(({ line, cells }) => {
    const raw = Object.fromEntries(INPUT_COLUMNS.map((c) => [c, ""])) as Record<InputColumn, string>;
    let extraCells = false;
    cells.forEach((cell, i) => {
      const value = cell.trim();
      const column = header[i];
      if (column === undefined || column === "blank") {
        if (value !== "") extraCells = true;
      } else if (column !== "computed") {
        raw[column] = TEXT_COLUMNS.has(column) ? unescapeText(value) : value;
      }
    });
    const result = readPlLine(raw);
    const rowErrors: RowError[] = [];
    const key = lineKey(raw);
    if (key !== null) {
      const first = firstLineOfKey.get(key);
      if (first === undefined) firstLineOfKey.set(key, line);
      else rowErrors.push({ column: "sku", code: "duplicate", duplicateOfLine: first });
    }
    if (extraCells) rowErrors.push({ column: null, code: "extra_cells" });
    const cellErrors: RowError[] = [];
    if (!result.ok) {
      for (const column of INPUT_COLUMNS) {
        const code = result.errors[column];
        if (code) cellErrors.push({ column, code });
      }
    }
    const errors = [...cellErrors, ...rowErrors];
    return {
      line,
      raw,
      result,
      rowErrors,
      errors,
      value: result.ok && errors.length === 0 ? result.value : null,
    };
  });
  const validCount = rows.filter((r) => r.value !== null).length;
  return { ok: true, rows, validCount, errorCount: rows.length - validCount };
}

/** What each header cell names: an input column, a computed column (ignored) or nothing (blank). */
type HeaderColumn = InputColumn | "computed" | "blank";

function readHeader(cells: string[], line: number): { ok: true; columns: HeaderColumn[] } | PlCsvFailure {
  const inputs = new Map<string, InputColumn>(INPUT_COLUMNS.map((c) => [c, c]));
  const computed = new Set<string>(COMPUTED_COLUMNS);
  const seen = new Set<InputColumn>();
  const duplicates: InputColumn[] = [];
  const unknown: string[] = [];
  const columns = cells.map((cell): HeaderColumn => {
    const name = cell.trim();
    const key = name.toLowerCase();
    const input = inputs.get(key);
    if (input) {
      if (seen.has(input) && !duplicates.includes(input)) duplicates.push(input);
      seen.add(input);
      return input;
    }
    if (computed.has(key)) return "computed";
    if (name !== "") unknown.push(name);
    return "blank";
  });
  if (duplicates.length > 0) {
    return { ok: false, code: "malformed", detail: { line, reason: "duplicate_columns", columns: duplicates } };
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) return { ok: false, code: "missing_columns", detail: { columns: missing, unknown } };
  if (unknown.length > 0) return { ok: false, code: "unknown_columns", detail: { columns: unknown } };
  return { ok: true, columns };
}

/** The (channel, sku, scenario) key a row would be stored under, or null when it has no valid key. */
function lineKey(raw: Record<InputColumn, string>): string | null {
  const channel = raw.channel;
  const scenario = raw.scenario === "" ? "base" : raw.scenario;
  if (!(CHANNELS as readonly string[]).includes(channel)) return null;
  if (!(SCENARIOS as readonly string[]).includes(scenario)) return null;
  if (raw.sku === "") return null;
  return JSON.stringify([channel, raw.sku, scenario]);
}

/** The 1-based line of each offset; offsets must not decrease. CRLF, LF and lone CR each end a line. */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset) => {
    for (; pos < offset && pos < text.length; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(pos + 1) !== 0x0a)) line++;
    }
    return line;
  };
}

/** Free-text columns (SKU, other costs): the ones a spreadsheet could read as a formula. */
const TEXT_COLUMNS = new Set<string>(PL_FIELDS.filter((f) => isTextKind(f.kind)).map((f) => f.name));

// Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with = + - @ tab or CR would
// run as a formula in Excel, so export prefixes it with an apostrophe (shown as text). A leading apostrophe
// is escaped the same way so that import, which removes one apostrophe before those characters, is exact.
const NEEDS_ESCAPE = /^[=+\-@\t\r']/;
const ESCAPED = /^'[=+\-@\t\r']/;

function escapeText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

function unescapeText(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}

// ─── Export ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The lines as a CSV Excel opens correctly (UTF-8 BOM, CRLF): inputs written so that they re-import to the
 * same values, then the engine's figures. A line the engine refuses gets empty computed cells.
 */
export function toPlCsv(lines: readonly PlLineValues[]): string {
  const data = lines.map((line) => {
    const cells = { ...inputCells(line), ...computedCells(line) };
    return PL_CSV_COLUMNS.map((column) => cells[column]);
  });
  const csv = Papa.unparse(
    { fields: [...PL_CSV_COLUMNS], data },
    { delimiter: ",", quoteChar: '"', escapeChar: '"', newline: "\r\n", header: true, quotes: false },
  );
  return `\uFEFF${csv}\r\n`;
}

/** The input cells, with text that a spreadsheet would run as a formula made inert. */
function inputCells(line: PlLineValues): Record<InputColumn, string> {
  const cells = toCells(line);
  for (const column of INPUT_COLUMNS) if (TEXT_COLUMNS.has(column)) cells[column] = escapeText(cells[column]);
  return cells;
}

function computedCells(line: PlLineValues): Record<ComputedColumn, string> {
  const figures = computeLine(toEngineInput(line));
  const cells = Object.fromEntries(COMPUTED_COLUMNS.map((c) => [c, ""])) as Record<ComputedColumn, string>;
  if (!figures.ok) return cells;
  const f = figures.value;
  cells.gross_profit = String(f.grossProfit);
  cells.fee = String(f.feeAmount);
  cells.points = String(f.pointsAmount);
  cells.ad_cost = String(f.adCostPerOrder);
  cells.variable_costs_excluding_ads = String(f.variableCostsExcludingAds);
  cells.contribution_per_order = String(f.contributionPerOrder);
  // No budget at the target is the (zero or negative) amount itself, as the article's sheet shows it.
  cells.allowed_cpa = f.allowedCpa === null ? "" : String(f.allowedCpa.amount);
  for (const [column, profit] of PROFIT_LEVEL_COLUMNS) {
    const orders = ordersNeeded(f.contributionPerOrder, profit);
    cells[column] = !orders.ok ? "" : orders.value.kind === "orders" ? String(orders.value.orders) : "unreachable";
  }
  return cells;
}
