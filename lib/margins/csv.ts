// The portfolio as CSV: one row per client, yen and minutes as whole numbers, margin % in basis points'
// percent with two decimals; blanks where there is no figure.

import type { PortfolioDetails, PortfolioRow } from "./portfolio";

export const PORTFOLIO_CSV_COLUMNS = [
  "client_code",
  "client_name",
  "month",
  "monthly_fee",
  "performance_fee",
  "revenue",
  "hours",
  "delivery_cost",
  "margin",
  "margin_percent",
  "margin_status",
  "kpis_off_track",
  "verdict",
  "contract_end",
  "checklist_done",
] as const;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  // Quote what a spreadsheet would misread, and neutralise formulas.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof value === "string" ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function portfolioCsv(
  month: string,
  rows: readonly PortfolioRow[],
  details: ReadonlyMap<string, PortfolioDetails>,
): string {
  const lines = [PORTFOLIO_CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const d = details.get(r.clientId);
    lines.push(
      [
        r.code,
        r.name,
        month,
        r.monthlyFee,
        r.performanceFee,
        r.revenue,
        (r.minutes / 60).toFixed(2),
        r.deliveryCost,
        r.margin,
        r.marginBp === null ? null : (r.marginBp / 100).toFixed(2),
        r.marginStatus,
        d?.offTrack,
        d?.verdict,
        r.contractEnd,
        d?.checklistDone,
      ]
        .map(cell)
        .join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
