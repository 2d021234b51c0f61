import { useLocale, useTranslations } from "next-intl";
import type { KpiUnit, KpiValue } from "@/lib/domain/kpi";
import { toLocale } from "@/lib/i18n/locales";
import { formatKpi } from "./format";

/** A KPI's value formatted by its unit, or why it has none (kpis.reason.*). */
export function KpiValueText({ unit, value }: { unit: KpiUnit; value: KpiValue }) {
  const t = useTranslations("kpis");
  const locale = toLocale(useLocale());
  if (value.value !== null) return <span className="tabular-nums">{formatKpi(unit, value.value, locale)}</span>;
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
