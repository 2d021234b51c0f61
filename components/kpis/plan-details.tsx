import { useTranslations } from "next-intl";
import type { KpiPlanRow } from "@/db/queries/kpis";
import { DEFAULT_VERDICT_SETTINGS } from "@/lib/domain/verdict";
import type { Locale } from "@/lib/i18n/locales";
import { typedText, VERDICT_SETTING_KEYS, VERDICT_SETTING_KINDS } from "@/lib/kpis/plan-view";
import { PlanSources } from "./plan-sources";

/**
 * The plan, read-only (what operators see): each KPI's source and audit, cadence, thresholds that differ —
 * translated here, rendered by PlanSources when opened.
 */
export function PlanDetails({ plan, locale }: { plan: KpiPlanRow; locale: Locale }) {
  const t = useTranslations();
  const changed = VERDICT_SETTING_KEYS.filter((k) => plan.verdictSettings[k] !== undefined);
  const audit = plan.thirdPartyAudit === null ? "unstated" : plan.thirdPartyAudit ? "yes" : "no";
  return (
    <PlanSources
      lang={locale}
      text={{
        title: t("kpiPage.planTitle"),
        facts: [
          {
            label: t("kpiPlan.cadence"),
            value: plan.reviewCadence ? t(`kpis.cadence.${plan.reviewCadence}`) : t("kpiPlan.notStated"),
          },
          { label: t("kpiPlan.thirdPartyAudit"), value: t(`kpiPlan.audit.${audit}`) },
          {
            label: t("kpiPlan.thresholdsTitle"),
            value:
              changed.length === 0
                ? t("kpiPlan.thresholdsDefault")
                : changed
                    .map((k) => {
                      const typed = (v: number | undefined) => typedText(VERDICT_SETTING_KINDS[k], v);
                      return `${t(`kpiPlan.settings.${k}`)}: ${typed(plan.verdictSettings[k])}（${typed(DEFAULT_VERDICT_SETTINGS[k])}）`;
                    })
                    .join("、"),
          },
        ],
        headers: [t("kpiPage.table.kpi"), t("kpiPlan.dataSource"), t("kpiPlan.audited")],
        rows: plan.items.map((item) => ({
          key: item.kpi,
          cells: [
            t(`kpis.kpi.${item.kpi}`),
            item.dataSource || t("kpiPlan.notStated"),
            item.thirdPartyAudited ? t("kpiPlan.audit.yes") : t("kpiPlan.audit.no"),
          ],
        })),
      }}
    />
  );
}
