import type { useTranslations } from "next-intl";
import type { KpiUnit, KpiValue } from "@/lib/domain/kpi";
import type { Locale } from "@/lib/i18n/locales";
import { formatKpi } from "./format";

/**
 * A KPI's value formatted by its unit, or why it has none (kpis.reason.*). The table passes its translator and
 * locale: a month's table and channel breakdown show over a hundred of these, and asking for them per cell is
 * most of their cost.
 */
export function KpiValueText({
  unit,
  value,
  t,
  locale,
}: {
  unit: KpiUnit;
  value: KpiValue;
  t: ReturnType<typeof useTranslations<"kpis">>;
  locale: Locale;
}) {
  // The cell holding it sets tabular figures (.num), so a value is plain text.
  if (value.value !== null) return formatKpi(unit, value.value, locale);
  let why: string;
  switch (value.reason) {
    case "not_entered":
      why = t("reason.not_entered", { measures: value.missing.map((m) => t(`measures.${m}`)).join("、") });
      break;
    case "zero_denominator":
      why = t("reason.zero_denominator", { denominator: t(`measures.${value.denominator}`) });
      break;
    case "no_contribution_basis":
      why = t("reason.no_contribution_basis");
      break;
  }
  return (
    <span className="text-xs text-slate-500" data-testid="kpi-no-value">
      — <span className="block">{why}</span>
    </span>
  );
}
