import type { PlLineValues } from "./line";

/** An imported CSV's rows against the stored lines (see analyseImport beside the economics actions). */
export type ImportRowStatus = "new" | "changed" | "unchanged" | "error";
export type AnalysedRow = {
  line: number;
  value: PlLineValues | null;
  status: ImportRowStatus;
  existing?: { id: string; version: number };
  problems: string[];
};

const PREVIEW_ROWS = 200;

export type ImportAnalysis = {
  rows: AnalysedRow[];
  token: string;
  counts: { total: number; new: number; changed: number; unchanged: number; errors: number; filled: number };
};

/** What an import wrote. */
export type ImportResult = { inserted: number; updated: number; unchanged: number; filled: number };

/** What the preview sends back to the browser: the counts, the token, and the first rows (errors first). */
export function previewOf(analysis: ImportAnalysis) {
  const ordered = [...analysis.rows].sort(
    (a, b) => Number(b.status === "error") - Number(a.status === "error") || a.line - b.line,
  );
  return {
    counts: analysis.counts,
    token: analysis.token,
    rows: ordered.slice(0, PREVIEW_ROWS).map((r) => ({
      line: r.line,
      channel: r.value?.channel ?? null,
      sku: r.value?.sku ?? null,
      scenario: r.value?.scenario ?? null,
      status: r.status,
      problems: r.problems,
    })),
    hiddenRows: Math.max(0, ordered.length - PREVIEW_ROWS),
  };
}

export type ImportPreview = ReturnType<typeof previewOf>;
