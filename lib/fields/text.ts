/**
 * One rule for every piece of text people type (SPEC §10; the security review's findings 5 and 6): Unicode
 * NFC, trimmed — of whitespace and of the zero-width characters that look like nothing; NUL, the other C0
 * and C1 control characters (newline and tab only in multi-line fields) and the bidirectional controls that
 * can make text read backwards are refused, not silently removed, so the person sees what was wrong. A
 * value made only of invisible characters reads as empty. Existing rows are not touched. Pure: forms (via
 * lib/schemas/fields.ts) and CSV cells (lib/fields/cells.ts) share it.
 */
export type TextProblem = "control_character" | "bidi_control";

// C0 except tab/LF/CR (allowed only in multi-line text), DEL and C1.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this rule's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/;
// Embeddings, overrides and isolates (LRE…RLO, LRI…PDI) and the marks LRM, RLM, ALM.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
// Zero-width space/non-joiner/joiner, word joiner, BOM: invisible on their own.
const INVISIBLE_EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

export function cleanText(
  raw: string,
  options: { multiline?: boolean } = {},
): { ok: true; value: string } | { ok: false; problem: TextProblem } {
  const value = raw.normalize("NFC").replace(INVISIBLE_EDGES, "");
  if (CONTROL.test(value) || (!options.multiline && LINE_BREAKS_AND_TABS.test(value))) {
    return { ok: false, problem: "control_character" };
  }
  if (BIDI.test(value)) return { ok: false, problem: "bidi_control" };
  return { ok: true, value };
}
