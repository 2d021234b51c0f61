import "server-only";
import { getClientOrThrow } from "@/db/queries/clients";
import { keyOf, listPlLines, sameInputs } from "@/db/queries/economics";
import { FieldError } from "@/lib/actions/errors";
import type { ActionContext } from "@/lib/actions/safe-action";
import { decodeCsvBytes, type ParsedRow, parsePlCsv } from "@/lib/economics/csv";
import type { PlLineValues } from "@/lib/economics/line";

export type ImportRowStatus = "new" | "changed" | "unchanged" | "error";
export type AnalysedRow = {
  line: number;
  value: PlLineValues | null;
  status: ImportRowStatus;
  existingId?: string;
  problems: string[];
};

const PREVIEW_ROWS = 200;

/**
 * Reads an uploaded P/L CSV against the client's current lines: every row is new, changed, unchanged or in
 * error. A file-level problem is reported against the file field. Writes nothing.
 */
export async function analyseImport(ctx: ActionContext, clientId: string, file: File) {
  await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) throw new FieldError("file", `economics.import.fileErrors.${decoded.code}`);
  const parsed = parsePlCsv(decoded.text);
  if (!parsed.ok) {
    const detail = parsed.detail as { columns?: string[]; max?: number } | undefined;
    throw new FieldError("file", `economics.import.fileErrors.${parsed.code}`, {
      columns: detail?.columns?.join(", ") ?? "",
      max: detail?.max ?? 0,
    });
  }
  const existing = new Map(
    (await listPlLines(ctx.tx, { agencyId: ctx.agencyId, clientId })).map((row) => [keyOf(row), row]),
  );
  const rows: AnalysedRow[] = parsed.rows.map((row) => analyseRow(ctx, row, existing));
  const count = (status: ImportRowStatus) => rows.filter((r) => r.status === status).length;
  return {
    rows,
    counts: {
      total: rows.length,
      new: count("new"),
      changed: count("changed"),
      unchanged: count("unchanged"),
      errors: count("error"),
    },
  };
}

function analyseRow(
  ctx: ActionContext,
  row: ParsedRow,
  existing: Map<string, PlLineValues & { id: string }>,
): AnalysedRow {
  if (!row.value) {
    const problems = row.errors.map((e) => {
      const field = e.column ? ctx.t(`economics.fields.${e.column}`) : "";
      const message = ctx.t.has(`economics.errors.${e.code}` as "economics.errors.invalid")
        ? ctx.t(`economics.errors.${e.code}` as "economics.errors.invalid")
        : ctx.t("economics.errors.invalid");
      return field ? `${field}: ${message}` : message;
    });
    return { line: row.line, value: null, status: "error", problems };
  }
  const current = existing.get(keyOf(row.value));
  if (!current) return { line: row.line, value: row.value, status: "new", problems: [] };
  return {
    line: row.line,
    value: row.value,
    status: sameInputs(current, row.value) ? "unchanged" : "changed",
    existingId: current.id,
    problems: [],
  };
}

/** What the preview sends back to the browser: the counts and the first rows (errors first). */
export function previewOf(analysis: Awaited<ReturnType<typeof analyseImport>>) {
  const ordered = [...analysis.rows].sort(
    (a, b) => Number(b.status === "error") - Number(a.status === "error") || a.line - b.line,
  );
  return {
    counts: analysis.counts,
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
