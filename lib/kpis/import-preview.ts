/** An imported KPI CSV's rows against the stored weeks (see lib/kpis/import.ts). Shared with the form. */
export type KpiImportStatus = "new" | "changed" | "unchanged" | "error";

export type KpiImportRow = {
  line: number;
  clientCode: string;
  /** null when the code names no client the member may enter. */
  clientName: string | null;
  isoWeek: string;
  channel: string;
  status: KpiImportStatus;
  problems: string[];
};

export type KpiImportAnalysis = {
  rows: KpiImportRow[];
  token: string;
  counts: { total: number; new: number; changed: number; unchanged: number; errors: number };
};

/** What an import wrote. */
export type KpiImportResult = { weeks: number; changed: number; unchanged: number };

const PREVIEW_ROWS = 200;

/** What the preview sends back to the browser: the counts, the token, and the first rows (errors first). */
export function kpiPreviewOf(analysis: KpiImportAnalysis) {
  const ordered = [...analysis.rows].sort(
    (a, b) => Number(b.status === "error") - Number(a.status === "error") || a.line - b.line,
  );
  return {
    counts: analysis.counts,
    token: analysis.token,
    rows: ordered.slice(0, PREVIEW_ROWS),
    hiddenRows: Math.max(0, ordered.length - PREVIEW_ROWS),
  };
}

export type KpiImportPreview = ReturnType<typeof kpiPreviewOf>;
