import "server-only";
import { createHash } from "node:crypto";
import { FieldError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { keyOf, listPlLines, type PlLineRow } from "@/db/queries/economics";
import type { ActionContext } from "@/lib/actions/safe-action";
import { decodeCsvBytes, type ParsedRow, parsePlCsv } from "@/lib/economics/csv";
import { sameInputs } from "@/lib/economics/fields";
import type { AnalysedRow, ImportRowStatus } from "@/lib/economics/import-preview";
import type { PlLineValues } from "@/lib/economics/line";
import { SCENARIOS } from "@/lib/options";

/**
 * Reads an uploaded P/L CSV against the client's current lines: every row is new, changed, unchanged or in
 * error; a line the file brings in only some scenarios gets the others copied from the file's base row (every
 * line exists in all three, SPEC §5). `token` fingerprints the file and the stored rows it touches, so that a
 * commit can refuse when either changed since the preview. Writes nothing.
 */
export async function analyseImport(ctx: ActionContext, clientId: string, file: File) {
  await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new FieldError("file", `economics.import.fileErrors.${decoded.code}`);
  const parsed = parsePlCsv(decoded.text);
  if (!parsed.ok) {
    const detail = parsed.detail as { columns?: string[]; max?: number; line?: number } | undefined;
    throw new FieldError("file", `economics.import.fileErrors.${parsed.code}`, {
      columns: detail?.columns?.join(", ") ?? "",
      max: detail?.max ?? 0,
      line: detail?.line ?? 0,
    });
  }
  const stored = await listPlLines(ctx.tx, { agencyId: ctx.agencyId, clientId });
  const existing = new Map(stored.map((row) => [keyOf(row), row]));
  const rows: AnalysedRow[] = parsed.rows.map((row) => analyseRow(ctx, row, existing));
  const fills = missingScenarios(rows, existing);
  const touched = new Set(rows.flatMap((r) => (r.value ? [`${r.value.channel}\u0000${r.value.sku}`] : [])));
  const token = createHash("sha256")
    .update(bytes)
    .update(
      stored
        .filter((r) => touched.has(`${r.channel}\u0000${r.sku}`))
        .map((r) => `${r.id}:${r.version}`)
        .sort()
        .join(","),
    )
    .digest("hex");
  const count = (status: ImportRowStatus) => rows.filter((r) => r.status === status).length;
  return {
    rows,
    fills,
    token,
    counts: {
      total: rows.length,
      new: count("new"),
      changed: count("changed"),
      unchanged: count("unchanged"),
      errors: count("error"),
      filled: fills.length,
    },
  };
}

function analyseRow(ctx: ActionContext, row: ParsedRow, existing: Map<string, PlLineRow>): AnalysedRow {
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
    existing: { id: current.id, version: current.version },
    problems: [],
  };
}

/** Scenarios of a line that neither the database nor the file has: copies of the file's base (or first) row. */
function missingScenarios(rows: AnalysedRow[], existing: Map<string, PlLineRow>): PlLineValues[] {
  const byLine = new Map<string, PlLineValues[]>();
  for (const r of rows) {
    if (!r.value) continue;
    const key = `${r.value.channel}\u0000${r.value.sku}`;
    byLine.set(key, [...(byLine.get(key) ?? []), r.value]);
  }
  const fills: PlLineValues[] = [];
  for (const values of byLine.values()) {
    const source = values.find((v) => v.scenario === "base") ?? values[0];
    if (!source) continue;
    for (const scenario of SCENARIOS) {
      const key = { channel: source.channel, sku: source.sku, scenario };
      if (values.some((v) => v.scenario === scenario) || existing.has(keyOf(key))) continue;
      fills.push({ ...source, scenario });
    }
  }
  return fills;
}
