"use client";

import { useLocale, useTranslations } from "next-intl";
import { useDisclosure } from "@/components/ui/use-disclosure";
import type { KpiUnit, KpiValue } from "@/lib/domain/kpi";
import { toLocale } from "@/lib/i18n/locales";
import type { Channel } from "@/lib/options";
import { KpiValueText } from "./kpi-value";

/**
 * The plan's KPIs per sales channel for the month (contribution: the channel's orders × its base line), behind a
 * disclosure: the month's table above already has the totals, and the breakdown is rendered when opened.
 */
export function ChannelBreakdown({
  title,
  channels,
  rows,
}: {
  title: string;
  channels: readonly Channel[];
  rows: { kpi: string; unit: KpiUnit; values: KpiValue[] }[];
}) {
  const { open, props } = useDisclosure();
  return (
    <details {...props}>
      <summary className="cursor-pointer text-base font-semibold">{title}</summary>
      {open ? <BreakdownTable channels={channels} rows={rows} /> : null}
    </details>
  );
}

function BreakdownTable({
  channels,
  rows,
}: {
  channels: readonly Channel[];
  rows: { kpi: string; unit: KpiUnit; values: KpiValue[] }[];
}) {
  const t = useTranslations();
  const tk = useTranslations("kpis");
  const locale = toLocale(useLocale());
  if (channels.length === 0) return <p className="mt-3 text-sm text-slate-500">{t("kpiPage.noChannels")}</p>;
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="channel-breakdown">
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="th">
              {t("kpiPage.table.kpi")}
            </th>
            {channels.map((c) => (
              <th key={c} scope="col" className="th text-right">
                {t(`channels.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.kpi}>
              <th scope="row" className="cell text-left font-medium">
                {t(`kpis.kpi.${row.kpi}` as "kpis.kpi.sales")}
              </th>
              {row.values.map((value, i) => (
                <td key={channels[i]} className="cell num">
                  <KpiValueText unit={row.unit} value={value} t={tk} locale={locale} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
