// The KPI table of a report as CSV: UTF-8 with a BOM (Excel reads the Japanese), or Shift_JIS (Windows-31J,
// what Excel on Japanese Windows opens directly). Numbers are plain: yen as integers, rates as percent.
import iconv from "iconv-lite";
import type { ReportSnapshot } from "@/lib/domain/report";

type T = (key: string, params?: Record<string, string | number>) => string;

function plain(value: number | null, unit: string): string {
  if (value === null) return "";
  if (unit === "bp" || unit === "hundredths") return (value / 100).toFixed(2);
  return String(value);
}

function cell(v: string): string {
  // A leading =, +, - or @ would make a spreadsheet read a formula.
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?[0-9.]+$/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text (without a BOM). */
export function kpiCsvText(snapshot: ReportSnapshot, t: T): string {
  const rows = snapshot.kpis.map((k) => [
    t(`kpis.kpi.${k.kpi}`),
    t(`reports.units.${k.unit}`),
    plain(k.actual, k.unit),
    plain(k.target, k.unit),
    k.achievementBp === null ? "" : (k.achievementBp / 100).toFixed(2),
    k.status ? t(`kpis.status.${k.status}`) : "",
    k.momRelativeBp === null ? plain(k.momDelta, k.unit) : `${(k.momRelativeBp / 100).toFixed(2)}%`,
    k.yoyRelativeBp === null ? plain(k.yoyDelta, k.unit) : `${(k.yoyRelativeBp / 100).toFixed(2)}%`,
  ]);
  return `${[t("reports.csvHeader"), ...rows.map((r) => r.map(cell).join(","))].join("\r\n")}\r\n`;
}

export function kpiCsv(snapshot: ReportSnapshot, t: T, encoding: "utf-8" | "shift_jis"): Uint8Array {
  const text = kpiCsvText(snapshot, t);
  if (encoding === "shift_jis") return new Uint8Array(iconv.encode(text, "windows-31j"));
  return new TextEncoder().encode(`\uFEFF${text}`);
}
