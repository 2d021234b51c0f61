import Papa from "papaparse";
import { isoWeekKey, parseIsoWeekKey } from "@/lib/domain/calendar";
import { MEASURE_KEYS, MEASURES, type MeasureKey } from "@/lib/domain/kpi";
import { parseYen } from "@/lib/fields/parse";
import { cleanText } from "@/lib/fields/text";
import { CHANNELS, type Channel } from "@/lib/options";

/**
 * Weekly KPI figures ⇄ CSV in the entry grid's shape (SPEC §6): one row per client, ISO week and channel,
 * then one column per base measure, named by its key. Pure: no database, React or Next.
 *
 *   client_code,iso_week,channel,revenue,orders,…,review_rating,reviews
 *   HANA,2026-W10,rakuten,1234500,321,…,4.23,57
 *
 * Values are what the grid shows: yen and counts as whole numbers ("1,234,500", "¥1,234,500" and full-width
 * digits are read too), the two scores (CSAT, review rating) in stars with up to two decimals ("4.23" is
 * stored as 423 hundredths). An empty cell leaves the stored value as it is; to clear a value use the grid.
 * decodeCsvBytes (lib/economics/csv.ts) reads UTF-8 with or without BOM and Excel's Shift_JIS.
 */

export const KEY_COLUMNS = ["client_code", "iso_week", "channel"] as const;
export type KeyColumn = (typeof KEY_COLUMNS)[number];

export const DEFAULT_MAX_ROWS = 5_000;

// ─── Values ──────────────────────────────────────────────────────────────────────────────────────────────

export type ValueErrorCode = "not_a_number" | "too_precise" | "must_not_be_negative";

/** A stored value as the CSV writes it: scores as stars ("4.23"), everything else as a plain integer. */
export function formatMeasureValue(measure: MeasureKey, value: number): string {
  if (MEASURES[measure].unit !== "hundredths") return String(value);
  const whole = Math.floor(value / 100);
  const fraction = String(value % 100).padStart(2, "0");
  return `${whole}.${fraction}`;
}

/** A cell as typed → the stored integer; "" is no value (null). */
export function parseMeasureValue(
  measure: MeasureKey,
  raw: string,
): { ok: true; value: number | null } | { ok: false; code: ValueErrorCode } {
  const s = raw
    .normalize("NFKC")
    .replace(/[¥円,\s]/g, "")
    .replace(/^\+/, "");
  if (s === "") return { ok: true, value: null };
  if (/^-\d/.test(s)) return { ok: false, code: "must_not_be_negative" };
  if (MEASURES[measure].unit === "hundredths") {
    const match = /^(\d{1,6})(?:\.(\d+))?$/.exec(s);
    if (!match) return { ok: false, code: "not_a_number" };
    const fraction = (match[2] ?? "").replace(/0+$/, "");
    if (fraction.length > 2) return { ok: false, code: "too_precise" };
    return { ok: true, value: Number(match[1]) * 100 + Number(fraction.padEnd(2, "0")) };
  }
  const parsed = parseYen(s);
  if (!parsed.ok) return { ok: false, code: parsed.code === "too_precise" ? "too_precise" : "not_a_number" };
  return { ok: true, value: parsed.value };
}

// ─── Import ──────────────────────────────────────────────────────────────────────────────────────────────

export type RowErrorCode =
  | ValueErrorCode
  | "client_code_required"
  | "invalid_week"
  | "invalid_channel"
  | "duplicate"
  | "extra_cells";

export type RowError = {
  /** The measure or key column the error is about; null when it is the row's (extra_cells). */
  column: MeasureKey | KeyColumn | null;
  code: RowErrorCode;
  /** duplicate: the line of the first row with the same client, week and channel. */
  duplicateOfLine?: number;
};

export type KpiCsvRow = {
  /** 1-based physical line of the file where the row starts. */
  line: number;
  clientCode: string;
  /** Normalised "YYYY-Www", or the cell as written when it is not a week. */
  isoWeek: string;
  channel: string;
  /** The measures the row gives a value for (empty cells are absent). */
  values: Partial<Record<MeasureKey, number>>;
  errors: RowError[];
};

export type KpiCsvFailure =
  | { ok: false; code: "empty_file"; detail?: undefined }
  | { ok: false; code: "no_rows"; detail?: undefined }
  | { ok: false; code: "missing_columns"; detail: { columns: string[] } }
  | { ok: false; code: "unknown_columns"; detail: { columns: string[] } }
  | { ok: false; code: "too_many_rows"; detail: { max: number } }
  | {
      ok: false;
      code: "malformed";
      detail: { line: number; reason: "unclosed_quote" | "invalid_quote" | "duplicate_columns"; columns?: string[] };
    };

export type KpiCsvParse = KpiCsvFailure | { ok: true; measures: MeasureKey[]; rows: KpiCsvRow[] };

type HeaderColumn = KeyColumn | MeasureKey | "blank";

/**
 * Reads a KPI CSV: the first non-blank record is the header (names matched case-insensitively), blank
 * records are skipped, cells are trimmed. File-level problems answer a failure; row-level problems are
 * listed per row. Whether a client may be entered and its plan asks for a measure is the importer's check.
 */
export function parseKpiCsv(text: string, opts: { maxRows?: number } = {}): KpiCsvParse {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, code: "empty_file" };
  const lineAt = lineCounter(body);
  const state: { header: HeaderColumn[] | null; failure: KpiCsvFailure | null; rowStart: number } = {
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
  if (!state.header) return { ok: false, code: "empty_file" };
  if (records.length === 0) return { ok: false, code: "no_rows" };
  const header = state.header;
  const measures = MEASURE_KEYS.filter((m) => header.includes(m));
  const firstLineOf = new Map<string, number>();
  const rows = records.map(({ line, cells }) => readRow(header, line, cells, firstLineOf));
  return { ok: true, measures, rows };
}

function readRow(header: HeaderColumn[], line: number, cells: string[], firstLineOf: Map<string, number>): KpiCsvRow {
  const errors: RowError[] = [];
  const key: Record<KeyColumn, string> = { client_code: "", iso_week: "", channel: "" };
  const values: Partial<Record<MeasureKey, number>> = {};
  let extra = false;
  cells.forEach((cell, i) => {
    const value = cell.trim();
    const column = header[i];
    if (column === undefined || column === "blank") {
      if (value !== "") extra = true;
      return;
    }
    if ((KEY_COLUMNS as readonly string[]).includes(column)) {
      key[column as KeyColumn] = value;
      return;
    }
    const measure = column as MeasureKey;
    const parsed = parseMeasureValue(measure, value);
    if (!parsed.ok) errors.push({ column: measure, code: parsed.code });
    else if (parsed.value !== null) values[measure] = parsed.value;
  });
  const code = cleanText(unescapeText(key.client_code), {});
  const clientCode = code.ok ? code.value : "";
  if (clientCode === "") errors.unshift({ column: "client_code", code: "client_code_required" });
  const week = parseIsoWeekKey(key.iso_week.normalize("NFKC").toUpperCase());
  const isoWeek = week ? isoWeekKey(week) : key.iso_week;
  if (!week) errors.unshift({ column: "iso_week", code: "invalid_week" });
  const channel = key.channel.toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(channel))
    errors.unshift({ column: "channel", code: "invalid_channel" });
  if (clientCode !== "" && week && (CHANNELS as readonly string[]).includes(channel)) {
    const k = JSON.stringify([clientCode, isoWeek, channel]);
    const first = firstLineOf.get(k);
    if (first === undefined) firstLineOf.set(k, line);
    else errors.push({ column: "channel", code: "duplicate", duplicateOfLine: first });
  }
  if (extra) errors.push({ column: null, code: "extra_cells" });
  return { line, clientCode, isoWeek, channel, values, errors };
}

function readHeader(cells: string[], line: number): { ok: true; columns: HeaderColumn[] } | KpiCsvFailure {
  const known = new Set<string>([...KEY_COLUMNS, ...MEASURE_KEYS]);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const unknown: string[] = [];
  const columns = cells.map((cell): HeaderColumn => {
    const name = cell.trim().replace(/^\uFEFF/, "");
    const key = name.toLowerCase();
    if (known.has(key)) {
      if (seen.has(key) && !duplicates.includes(key)) duplicates.push(key);
      seen.add(key);
      return key as HeaderColumn;
    }
    if (name !== "") unknown.push(name);
    return "blank";
  });
  if (duplicates.length > 0) {
    return { ok: false, code: "malformed", detail: { line, reason: "duplicate_columns", columns: duplicates } };
  }
  const missing = KEY_COLUMNS.filter((c) => !seen.has(c));
  if (missing.length > 0) return { ok: false, code: "missing_columns", detail: { columns: missing } };
  if (unknown.length > 0) return { ok: false, code: "unknown_columns", detail: { columns: unknown } };
  if (!MEASURE_KEYS.some((m) => seen.has(m))) return { ok: false, code: "missing_columns", detail: { columns: [] } };
  return { ok: true, columns };
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

// A client code is the only free text in the file: one that starts with = + - @ would run as a formula in
// Excel (OWASP "CSV injection"), so export prefixes it with an apostrophe and import removes it.
const NEEDS_ESCAPE = /^[=+\-@\t\r']/;
const ESCAPED = /^'[=+\-@\t\r']/;
const escapeText = (value: string) => (NEEDS_ESCAPE.test(value) ? `'${value}` : value);
const unescapeText = (value: string) => (ESCAPED.test(value) ? value.slice(1) : value);

// ─── Export ──────────────────────────────────────────────────────────────────────────────────────────────

export interface KpiCsvWeekRow {
  clientCode: string;
  isoWeek: string;
  channel: Channel;
  values: Partial<Record<MeasureKey, number>>;
}

/** The rows as a CSV Excel opens correctly (UTF-8 BOM, CRLF), with the given measure columns in table order. */
export function toKpiCsv(rows: readonly KpiCsvWeekRow[], measures: readonly MeasureKey[]): string {
  const columns = MEASURE_KEYS.filter((m) => measures.includes(m));
  const data = rows.map((row) => [
    escapeText(row.clientCode),
    row.isoWeek,
    row.channel,
    ...columns.map((m) => {
      const value = row.values[m];
      return value === undefined ? "" : formatMeasureValue(m, value);
    }),
  ]);
  const csv = Papa.unparse(
    { fields: [...KEY_COLUMNS, ...columns], data },
    { delimiter: ",", quoteChar: '"', escapeChar: '"', newline: "\r\n", header: true, quotes: false },
  );
  return `\uFEFF${csv}\r\n`;
}

/**
 * The export's rows: every client × week × channel, in that order, with the stored values of the plan's
 * measures (a week not entered yet is a row of blanks to fill in), and the columns the plans ask for.
 */
export function kpiCsvRowsOf(
  clients: readonly { id: string; code: string; channels: readonly Channel[]; measures: readonly MeasureKey[] }[],
  entries: readonly { clientId: string; isoWeek: string; channel: Channel; measure: MeasureKey; value: number }[],
  weeks: readonly string[],
): { rows: KpiCsvWeekRow[]; measures: MeasureKey[] } {
  const stored = new Map<string, Partial<Record<MeasureKey, number>>>();
  for (const e of entries) {
    const key = `${e.clientId}\u0000${e.isoWeek}\u0000${e.channel}`;
    const values = stored.get(key) ?? {};
    values[e.measure] = e.value;
    stored.set(key, values);
  }
  const rows: KpiCsvWeekRow[] = [];
  const used = new Set<MeasureKey>();
  for (const client of clients) {
    for (const m of client.measures) used.add(m);
    for (const isoWeek of weeks) {
      for (const channel of client.channels) {
        const all = stored.get(`${client.id}\u0000${isoWeek}\u0000${channel}`) ?? {};
        const values: Partial<Record<MeasureKey, number>> = {};
        for (const m of client.measures) if (all[m] !== undefined) values[m] = all[m];
        rows.push({ clientCode: client.code, isoWeek, channel, values });
      }
    }
  }
  return { rows, measures: MEASURE_KEYS.filter((m) => used.has(m)) };
}
