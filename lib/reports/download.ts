import "server-only";
// The report's downloads as HTTP responses: the PDF, and the KPI table as CSV (?enc=sjis for Excel's Shift_JIS).
import type { ReportSnapshot } from "@/lib/domain/report";
import type { Locale } from "@/lib/i18n/locales";
import { kpiCsv } from "./csv";
import { reportTranslator } from "./i18n";
import { type PdfBranding, renderReportPdf } from "./pdf";

const headers = (type: string, filename: string) => ({
  "content-type": type,
  "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
  "cache-control": "private, no-store",
});

export async function pdfResponse(
  snapshot: ReportSnapshot,
  revision: number,
  locale: Locale,
  brand?: PdfBranding,
): Promise<Response> {
  const pdf = await renderReportPdf(snapshot, locale, brand);
  return new Response(new Uint8Array(pdf), {
    headers: headers("application/pdf", `report-${snapshot.client.code}-${snapshot.month}-r${revision}.pdf`),
  });
}

export function csvResponse(snapshot: ReportSnapshot, revision: number, locale: Locale, enc: string | null): Response {
  const t = reportTranslator(locale);
  const sjis = enc === "sjis";
  const body = kpiCsv(snapshot, t, sjis ? "shift_jis" : "utf-8");
  const name = `kpi-${snapshot.client.code}-${snapshot.month}-r${revision}${sjis ? "-sjis" : ""}.csv`;
  return new Response(new Uint8Array(body), {
    headers: headers(`text/csv; charset=${sjis ? "shift_jis" : "utf-8"}`, name),
  });
}
