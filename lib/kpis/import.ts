import "server-only";
import { createHash } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import { FieldError } from "@/db/errors";
import { type KpiClientRow, listKpiClients, listKpiEntries, listKpiWeekVersions } from "@/db/queries/kpis";
import type { ClientScope } from "@/db/scope";
import { MEASURE_KEYS, type MeasureKey, measuresForPlan, validateWeekCells } from "@/lib/domain/kpi";
import { decodeCsvBytes } from "@/lib/economics/csv";
import type { Translator } from "@/lib/i18n/messages";
import type { Channel } from "@/lib/options";
import { type KpiCsvRow, parseKpiCsv } from "./csv";
import type { KpiImportAnalysis, KpiImportRow, KpiImportStatus } from "./import-preview";
import { monthOfWeek, weekDates } from "./week-view";

/** One (client, week) the import writes: the cells that differ from what is stored, and the version read. */
export interface ImportWeek {
  clientId: string;
  isoWeek: string;
  weekStart: string;
  month: string;
  version: number;
  cells: { channel: Channel; measure: MeasureKey; value: number }[];
}

const cellKey = (channel: string, measure: string) => `${channel}\u0000${measure}`;
const weekKey = (clientId: string, isoWeek: string) => `${clientId}\u0000${isoWeek}`;

/**
 * Reads an uploaded KPI CSV against what the member may enter and what is stored: every row is new, changed,
 * unchanged or in error, and a row for a client the member may not enter (unknown code, another agency's,
 * not assigned) is refused by the code it names. Each (client, week) is checked as the grid would save it —
 * the file's cells over the stored ones — so "answered within target ≤ inquiries" holds across the two.
 * `token` fingerprints the file and the versions of the weeks it touches. Writes nothing.
 */
export async function analyseKpiImport(
  ctx: { tx: DbOrTx; agencyId: string; scope: ClientScope; t: Translator },
  file: File,
): Promise<KpiImportAnalysis & { weeks: ImportWeek[] }> {
  const { t } = ctx;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) throw new FieldError("file", `kpiCsv.fileErrors.${decoded.code}`);
  const parsed = parseKpiCsv(decoded.text);
  if (!parsed.ok) {
    const detail = parsed.detail as { columns?: string[]; max?: number; line?: number } | undefined;
    throw new FieldError("file", `kpiCsv.fileErrors.${parsed.code}`, {
      columns: detail?.columns?.join(", ") || MEASURE_KEYS.slice(0, 3).join(", "),
      max: detail?.max ?? 0,
      line: detail?.line ?? 0,
    });
  }
  const codes = [...new Set(parsed.rows.map((r) => r.clientCode).filter((c) => c !== ""))];
  const clients = await listKpiClients(ctx.tx, { agencyId: ctx.agencyId, scope: ctx.scope, codes });
  const byCode = new Map(clients.map((c) => [c.code, c]));
  const measureName = (m: string) => t(`kpis.measures.${m}` as "kpis.measures.revenue");

  // Row checks that need the client: known and enterable, its channel, its plan.
  const rows: (KpiImportRow & { source: KpiCsvRow; client: KpiClientRow | null })[] = parsed.rows.map((row) => {
    const problems = row.errors.map((e) => rowProblem(t, row, e.code, e.column, e.duplicateOfLine, measureName));
    const client = byCode.get(row.clientCode) ?? null;
    if (row.clientCode !== "" && !client) {
      problems.unshift(t("kpiCsv.errors.client_refused", { line: row.line, code: row.clientCode }));
    } else if (client) {
      const planMeasures = client.kpis ? measuresForPlan(client.kpis.map((i) => i.kpi)) : null;
      if (!planMeasures) problems.push(t("kpiCsv.errors.no_plan", { line: row.line, code: client.code }));
      else {
        for (const measure of Object.keys(row.values) as MeasureKey[]) {
          if (!planMeasures.includes(measure)) {
            problems.push(
              t("kpiCsv.errors.not_in_plan", { line: row.line, code: client.code, measure: measureName(measure) }),
            );
          }
        }
      }
      if (row.errors.every((e) => e.code !== "invalid_channel") && !client.channels.includes(row.channel as Channel)) {
        problems.push(
          t("kpiCsv.errors.channel_not_of_client", { line: row.line, code: client.code, channel: row.channel }),
        );
      }
    }
    return {
      line: row.line,
      clientCode: row.clientCode,
      clientName: client?.name ?? null,
      isoWeek: row.isoWeek,
      channel: row.channel,
      status: problems.length > 0 ? "error" : "unchanged",
      problems,
      source: row,
      client,
    };
  });

  // Each (client, week) the clean rows touch, against what is stored.
  const groups = new Map<string, { client: KpiClientRow; isoWeek: string; rows: typeof rows }>();
  for (const row of rows) {
    if (row.status === "error" || !row.client) continue;
    const key = weekKey(row.client.id, row.isoWeek);
    const group = groups.get(key) ?? { client: row.client, isoWeek: row.isoWeek, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const weeksTouched = [...groups.values()].map((g) => ({ clientId: g.client.id, isoWeek: g.isoWeek }));
  const fileWeeks = weeksTouched.map((w) => w.isoWeek).sort();
  const [stored, versions] = await Promise.all([
    weeksTouched.length === 0
      ? []
      : listKpiEntries(ctx.tx, {
          agencyId: ctx.agencyId,
          clientIds: [...new Set(weeksTouched.map((w) => w.clientId))],
          fromWeek: fileWeeks[0] ?? "",
          toWeek: fileWeeks[fileWeeks.length - 1] ?? "",
        }),
    listKpiWeekVersions(ctx.tx, { agencyId: ctx.agencyId, weeks: weeksTouched }),
  ]);
  const storedOf = new Map<string, Map<string, number>>();
  for (const e of stored) {
    const key = weekKey(e.clientId, e.isoWeek);
    const cells = storedOf.get(key) ?? new Map<string, number>();
    cells.set(cellKey(e.channel, e.measure), e.value);
    storedOf.set(key, cells);
  }
  const versionOf = new Map(versions.map((v) => [weekKey(v.clientId, v.isoWeek), v.version]));

  const weeks: ImportWeek[] = [];
  for (const [key, group] of groups) {
    const planMeasures = measuresForPlan((group.client.kpis ?? []).map((i) => i.kpi));
    const current = storedOf.get(key) ?? new Map<string, number>();
    // The week as it would be saved: stored cells (of the plan and the client's channels), the file's on top.
    const merged = new Map<string, { channel: string; measure: MeasureKey; value: number; line: number | null }>();
    for (const [k, value] of current) {
      const [channel = "", measure = ""] = k.split("\u0000");
      if (!group.client.channels.includes(channel as Channel) || !planMeasures.includes(measure as MeasureKey))
        continue;
      merged.set(k, { channel, measure: measure as MeasureKey, value, line: null });
    }
    const lineOfChannel = new Map<string, number>();
    for (const row of group.rows) {
      lineOfChannel.set(row.channel, row.line);
      for (const [measure, value] of Object.entries(row.source.values) as [MeasureKey, number][]) {
        merged.set(cellKey(row.channel, measure), { channel: row.channel, measure, value, line: row.line });
      }
    }
    const cells = [...merged.values()];
    const checked = validateWeekCells(
      group.isoWeek,
      cells.map((c) => ({ channel: c.channel, measure: c.measure, value: c.value })),
      { channels: group.client.channels, measures: planMeasures },
    );
    if (!checked.ok) {
      for (const error of checked.errors) {
        const index = Number(/^cells\.(\d+)\./.exec(error.field)?.[1] ?? -1);
        const cell = cells[index];
        const line = cell ? (cell.line ?? lineOfChannel.get(cell.channel) ?? null) : null;
        const row = group.rows.find((r) => r.line === line) ?? group.rows[0];
        if (!row) continue;
        const message = t.has(`kpis.errors.${error.code}` as "kpis.errors.conflict")
          ? t(`kpis.errors.${error.code}` as "kpis.errors.exceeds_whole", { max: error.params?.max ?? 0 })
          : t(`contracts.errors.${error.code}` as "contracts.errors.invalid_format");
        row.problems.push(
          t("kpiCsv.errors.value", { line: row.line, measure: cell ? measureName(cell.measure) : "", message }),
        );
        row.status = "error";
      }
      continue;
    }
    const changes: ImportWeek["cells"] = [];
    for (const row of group.rows) {
      let changed = 0;
      let existed = 0;
      for (const [measure, value] of Object.entries(row.source.values) as [MeasureKey, number][]) {
        const before = current.get(cellKey(row.channel, measure));
        if (before !== undefined) existed++;
        if (before !== value) {
          changed++;
          changes.push({ channel: row.channel as Channel, measure, value });
        }
      }
      row.status = changed === 0 ? "unchanged" : existed === 0 ? "new" : "changed";
    }
    if (changes.length > 0) {
      weeks.push({
        clientId: group.client.id,
        isoWeek: group.isoWeek,
        weekStart: weekDates(group.isoWeek).start,
        month: monthOfWeek(group.isoWeek),
        version: versionOf.get(key) ?? 0,
        cells: changes,
      });
    }
  }

  const token = createHash("sha256")
    .update(bytes)
    .update(
      [...versionOf]
        .map(([k, v]) => `${k}:${v}`)
        .sort()
        .join(","),
    )
    .digest("hex");
  const count = (status: KpiImportStatus) => rows.filter((r) => r.status === status).length;
  return {
    rows: rows.map(({ source: _source, client: _client, ...row }) => row),
    weeks,
    token,
    counts: {
      total: rows.length,
      new: count("new"),
      changed: count("changed"),
      unchanged: count("unchanged"),
      errors: count("error"),
    },
  };
}

function rowProblem(
  t: Translator,
  row: KpiCsvRow,
  code: KpiCsvRow["errors"][number]["code"],
  column: string | null,
  first: number | undefined,
  measureName: (m: string) => string,
): string {
  const line = row.line;
  switch (code) {
    case "client_code_required":
      return t("kpiCsv.errors.client_code_required", { line });
    case "invalid_week":
      return t("kpiCsv.errors.invalid_week", { line, week: row.isoWeek });
    case "invalid_channel":
      return t("kpiCsv.errors.invalid_channel", { line, channel: row.channel });
    case "duplicate":
      return t("kpiCsv.errors.duplicate", { line, first: first ?? 0 });
    case "extra_cells":
      return t("kpiCsv.errors.extra_cells", { line });
    default:
      return t("kpiCsv.errors.value", {
        line,
        measure: column ? measureName(column) : "",
        message: t(`kpiCsv.errors.${code}`),
      });
  }
}
