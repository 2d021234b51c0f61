"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/misc";
import { kpiStatusTone } from "@/components/ui/tones";
import type { Change } from "@/lib/domain/kpi";
import { toLocale } from "@/lib/i18n/locales";
import type { KpiRow } from "@/lib/kpis/rollup";
import { formatAchievement, formatChange, formatKpi } from "./format";
import { KpiValueText } from "./kpi-value";

/** The month's KPI table: actual, target, achievement and status, month-on-month and year-on-year. */
export function KpiTable({ rows }: { rows: KpiRow[] }) {
  const t = useTranslations();
  const tk = useTranslations("kpis");
  const locale = toLocale(useLocale());
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200" data-testid="kpi-table">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="th">
              {t("kpiPage.table.kpi")}
            </th>
            <th scope="col" className="th">
              {t("kpiPage.table.tier")}
            </th>
            <th scope="col" className="th text-right">
              {t("kpiPage.table.actual")}
            </th>
            <th scope="col" className="th text-right">
              {t("kpiPage.table.target")}
            </th>
            <th scope="col" className="th text-right">
              {t("kpiPage.table.achievement")}
            </th>
            <th scope="col" className="th">
              {t("kpiPage.table.status")}
            </th>
            <th scope="col" className="th text-right">
              {t("kpiPage.table.mom")}
            </th>
            <th scope="col" className="th text-right">
              {t("kpiPage.table.yoy")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.kpi} data-testid={`kpi-row-${row.kpi}`}>
              <th scope="row" className="cell text-left font-medium">
                {t(`kpis.kpi.${row.kpi}`)}
                <span className="block text-xs font-normal text-slate-500">{t(`kpis.direction.${row.direction}`)}</span>
              </th>
              <td className="cell text-xs text-slate-600">{t(`kpis.tier.${row.tier}`)}</td>
              <td className="cell num" data-testid="kpi-actual">
                <KpiValueText unit={row.unit} value={row.actual} t={tk} locale={locale} />
              </td>
              <td className="cell num">
                {row.target === null ? (
                  <span className="text-xs text-slate-500">{t("kpiPage.table.noTarget")}</span>
                ) : (
                  formatKpi(row.unit, row.target, locale)
                )}
              </td>
              <td className="cell num">
                {row.achievement?.achievementBp != null ? formatAchievement(row.achievement.achievementBp) : "—"}
              </td>
              <td className="cell" data-testid="kpi-status">
                {row.achievement ? (
                  <Badge tone={kpiStatusTone[row.achievement.status]}>
                    {t(`kpis.status.${row.achievement.status}`)}
                  </Badge>
                ) : (
                  "—"
                )}
              </td>
              <ChangeCell change={row.monthOnMonth} unit={row.unit} direction={row.direction} />
              <ChangeCell change={row.yearOnYear} unit={row.unit} direction={row.direction} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A month-on-month or year-on-year change, coloured by whether it moved the right way. */
function ChangeCell({
  change,
  unit,
  direction,
}: {
  change: Change | null;
  unit: KpiRow["unit"];
  direction: KpiRow["direction"];
}) {
  if (change === null) return <td className="cell num text-slate-400">—</td>;
  const better = direction === "higher" ? change.delta > 0 : change.delta < 0;
  const worse = direction === "higher" ? change.delta < 0 : change.delta > 0;
  return (
    <td className={`cell num ${better ? "text-emerald-700" : worse ? "text-red-700" : "text-slate-600"}`}>
      {formatChange(unit, change)}
    </td>
  );
}
