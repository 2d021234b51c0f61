import type { Locale } from "@/lib/i18n/locales";
import { messages } from "@/lib/i18n/messages";

/**
 * The names a report document shows for KPIs, KPI statuses, verdicts and P/L levers: plain strings from the
 * catalogue, sent beside the snapshot, so that the document (a client component) needs neither the KPI nor the
 * P/L catalogue in the page's payload.
 */
export type ReportLabels = {
  kpi: Readonly<Record<string, string>>;
  status: Readonly<Record<string, string>>;
  verdict: Readonly<Record<string, string>>;
  levers: Readonly<Record<string, string>>;
};

export function reportLabels(locale: Locale): ReportLabels {
  const m = messages[locale];
  return { kpi: m.kpis.kpi, status: m.kpis.status, verdict: m.kpis.verdict, levers: m.economics.levers };
}
