// How a report's numbers read: a KPI value in its unit, a change, an achievement. Pure; the page, the PDF
// and the CSV share it.
import type { KpiUnit } from "@/lib/domain/kpi";
import { formatYen, formatNumber as num } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

/** A value in its unit: ¥1,234 · 1,234 · 12.34% · 45日 · 4.23. */
export function formatKpiValue(value: number | null, unit: KpiUnit | string, locale: Locale): string {
  if (value === null) return "—";
  switch (unit) {
    case "yen":
      return formatYen(value, locale);
    case "bp":
      return `${num(value / 100, locale, 2)}%`;
    case "hundredths":
      return num(value / 100, locale, 2);
    case "days":
      return locale === "ja" ? `${num(value, locale)}日` : `${num(value, locale)} days`;
    default:
      return num(value, locale);
  }
}

/** A change: the relative one when there is one (+12.3%), otherwise the difference in the unit. */
export function formatChange(
  delta: number | null,
  relativeBp: number | null,
  unit: KpiUnit | string,
  locale: Locale,
): string {
  if (delta === null) return "—";
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  if (relativeBp !== null) return `${sign}${num(Math.abs(relativeBp) / 100, locale, 1)}%`;
  if (unit === "bp") return `${sign}${num(Math.abs(delta) / 100, locale, 2)}pt`;
  return `${sign}${formatKpiValue(Math.abs(delta), unit, locale)}`;
}

export function formatPercentBp(bp: number | null, locale: Locale): string {
  return bp === null ? "—" : `${num(bp / 100, locale, 1)}%`;
}
