import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/misc";
import type { KpiPlanRow } from "@/db/queries/kpis";
import { DEFAULT_VERDICT_SETTINGS } from "@/lib/domain/verdict";
import type { Locale } from "@/lib/i18n/locales";
import { typedText, VERDICT_SETTING_KEYS, VERDICT_SETTING_KINDS } from "@/lib/kpis/plan-view";

/** The plan, read-only (what operators see): each KPI's source and audit, cadence, thresholds that differ. */
export function PlanDetails({ plan, locale }: { plan: KpiPlanRow; locale: Locale }) {
  const t = useTranslations();
  const changed = VERDICT_SETTING_KEYS.filter((k) => plan.verdictSettings[k] !== undefined);
  const audit = plan.thirdPartyAudit === null ? "unstated" : plan.thirdPartyAudit ? "yes" : "no";
  return (
    <Card className="p-4">
      <details>
        <summary className="cursor-pointer text-base font-semibold">{t("kpiPage.planTitle")}</summary>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("kpiPlan.cadence")}</dt>
            <dd>{plan.reviewCadence ? t(`kpis.cadence.${plan.reviewCadence}`) : t("kpiPlan.notStated")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("kpiPlan.thirdPartyAudit")}</dt>
            <dd>{t(`kpiPlan.audit.${audit}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("kpiPlan.thresholdsTitle")}</dt>
            <dd>
              {changed.length === 0
                ? t("kpiPlan.thresholdsDefault")
                : changed
                    .map((k) => {
                      const typed = (v: number | undefined) => typedText(VERDICT_SETTING_KINDS[k], v);
                      return `${t(`kpiPlan.settings.${k}`)}: ${typed(plan.verdictSettings[k])}（${typed(DEFAULT_VERDICT_SETTINGS[k])}）`;
                    })
                    .join("、")}
            </dd>
          </div>
        </dl>
        <table className="mt-3 min-w-full text-sm" lang={locale}>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("kpiPage.table.kpi")}
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                {t("kpiPlan.dataSource")}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t("kpiPlan.audited")}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.items.map((item) => (
              <tr key={item.kpi} className="border-t border-slate-100">
                <td className="py-1 pr-3">{t(`kpis.kpi.${item.kpi}`)}</td>
                <td className="py-1 pr-3">{item.dataSource || t("kpiPlan.notStated")}</td>
                <td className="py-1">{item.thirdPartyAudited ? t("kpiPlan.audit.yes") : t("kpiPlan.audit.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}
