// KPI values as the KPI page shows them, by unit: yen "￥1,234", rates "3.25%", ratings "★4.23", days, counts.
// Plain functions: server components and the charts (client) format the same way.

import type { Change, KpiUnit } from "@/lib/domain/kpi";
import { bpToPercentText } from "@/lib/fields/parse";
import { formatYen } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";

const counts = new Map<Locale, Intl.NumberFormat>();

function formatCount(value: number, locale: Locale): string {
  let f = counts.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === "ja" ? "ja-JP" : "en-JP", { maximumFractionDigits: 0 });
    counts.set(locale, f);
  }
  return f.format(value);
}

export type ValueUnit = KpiUnit | "yen_per_order" | "rating_hundredths";

export function formatKpi(unit: ValueUnit, value: number, locale: Locale): string {
  switch (unit) {
    case "yen":
      return formatYen(value, locale);
    case "yen_per_order":
      return locale === "ja" ? `${formatYen(value, locale)}/件` : `${formatYen(value, locale)}/order`;
    case "bp":
      return `${bpToPercentText(value)}%`;
    case "hundredths":
    case "rating_hundredths":
      return `★${(value / 100).toFixed(2)}`;
    case "days":
      return locale === "ja" ? `${formatCount(value, locale)}日` : `${formatCount(value, locale)} days`;
    case "count":
      return formatCount(value, locale);
  }
}

/** A short axis label: yen in 万 (ja) or k (en) above 10,000. */
export function formatAxis(unit: ValueUnit, value: number, locale: Locale): string {
  if (unit === "yen" && Math.abs(value) >= 10_000) {
    return locale === "ja"
      ? `￥${formatCount(Math.round(value / 10_000), locale)}万`
      : `¥${formatCount(Math.round(value / 1000), locale)}k`;
  }
  return formatKpi(unit, value, locale);
}

/** Achievement bp → "104.3%". */
export function formatAchievement(bp: number): string {
  return `${(bp / 100).toFixed(1)}%`;
}

/**
 * A change for its unit: rates and ratings by how much they moved ("+0.25pt", "+0.05"), everything else
 * relative ("+5.2%"; "—" when the previous value was 0).
 */
export function formatChange(unit: KpiUnit, c: Change): string {
  const sign = (n: number) => (n > 0 ? "+" : n < 0 ? "−" : "±");
  if (unit === "bp") return `${sign(c.delta)}${bpToPercentText(Math.abs(c.delta))}pt`;
  if (unit === "hundredths") return `${sign(c.delta)}${(Math.abs(c.delta) / 100).toFixed(2)}`;
  if (c.relativeBp === null) return "—";
  return `${sign(c.relativeBp)}${(Math.abs(c.relativeBp) / 100).toFixed(1)}%`;
}
