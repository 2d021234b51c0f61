"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { BrowserOnly } from "@/components/ui/browser-only";
import { inputClass } from "@/components/ui/field";
import type { KpiUnit } from "@/lib/domain/kpi";
import { messageFiller } from "@/lib/i18n/fill";
import { toLocale } from "@/lib/i18n/locales";
import { formatAxis, formatKpi } from "./format";

export interface ChartKpi {
  key: string;
  label: string;
  unit: KpiUnit;
  monthly: (number | null)[];
  monthlyTargets: (number | null)[];
  weekly: (number | null)[];
  weeklyTarget: number | null;
}

/** One KPI at a time (chosen with a select): its weeks this month and its last 12 months, against target. */
export function KpiCharts({ kpis, months, weeks }: { kpis: ChartKpi[]; months: string[]; weeks: string[] }) {
  const t = useTranslations("kpiPage.charts");
  const locale = toLocale(useLocale());
  const selectId = useId();
  const [selected, setSelected] = useState(kpis[0]?.key ?? "");
  const kpi = kpis.find((k) => k.key === selected) ?? kpis[0];
  if (!kpi) return null;
  const format = (v: unknown) => (typeof v === "number" ? formatKpi(kpi.unit, v, locale) : "—");
  const axis = (v: number) => formatAxis(kpi.unit, v, locale);
  const weekly = weeks.map((week, i) => ({ period: week.slice(5), value: kpi.weekly[i] ?? null }));
  const monthly = months.map((month, i) => ({
    period: month,
    value: kpi.monthly[i] ?? null,
    target: kpi.monthlyTargets[i] ?? null,
  }));
  const names: Record<string, string> = { value: t("actual"), target: t("target") };
  // Plain {name} messages filled by replacement: the ICU formatter would parse each one again on every request.
  const weeklyTitle = messageFiller(t.raw("weekly"), (v) => t("weekly", v))({ kpi: kpi.label });
  const monthlyTitle = messageFiller(t.raw("monthly"), (v) => t("monthly", v))({ kpi: kpi.label });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="text-sm font-medium text-slate-700">
          {t("choose")}
        </label>
        <select
          id={selectId}
          value={kpi.key}
          onChange={(e) => setSelected(e.target.value)}
          className={`${inputClass} w-auto`}
          data-testid="chart-kpi"
        >
          {kpis.map((k) => (
            <option key={k.key} value={k.key}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <figure aria-label={weeklyTitle}>
          <h3 className="mb-2 text-sm font-semibold">{weeklyTitle}</h3>
          <div className="h-64 w-full">
            <BrowserOnly>
              <ResponsiveContainer>
                <ComposedChart data={weekly} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="period" tick={{ fontSize: 11 }} />
                  <YAxis tickFormatter={axis} tick={{ fontSize: 11 }} width={72} />
                  <Tooltip formatter={(v, name) => [format(v), names[String(name)] ?? String(name)]} />
                  <Bar dataKey="value" fill="#4f46e5" radius={[3, 3, 0, 0]} isAnimationActive={false} />
                  {kpi.weeklyTarget !== null ? (
                    <ReferenceLine y={kpi.weeklyTarget} stroke="#f59e0b" strokeDasharray="6 3" />
                  ) : null}
                </ComposedChart>
              </ResponsiveContainer>
            </BrowserOnly>
          </div>
          <figcaption className="text-xs text-slate-500">
            {kpi.weeklyTarget !== null
              ? messageFiller(t.raw("weeklyTarget"), (v) => t("weeklyTarget", v))({ target: format(kpi.weeklyTarget) })
              : t("noTarget")}
            <span className="sr-only">{weekly.map((w) => `${w.period}: ${format(w.value)}`).join("; ")}</span>
          </figcaption>
        </figure>
        <figure aria-label={monthlyTitle}>
          <h3 className="mb-2 text-sm font-semibold">{monthlyTitle}</h3>
          <div className="h-64 w-full">
            <BrowserOnly>
              <ResponsiveContainer>
                <ComposedChart data={monthly} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="period" tick={{ fontSize: 11 }} />
                  <YAxis tickFormatter={axis} tick={{ fontSize: 11 }} width={72} />
                  <Tooltip formatter={(v, name) => [format(v), names[String(name)] ?? String(name)]} />
                  <Legend formatter={(value: string) => names[value] ?? value} />
                  <Bar dataKey="value" fill="#4f46e5" radius={[3, 3, 0, 0]} isAnimationActive={false} />
                  <Line
                    dataKey="target"
                    stroke="#f59e0b"
                    strokeDasharray="6 3"
                    dot={false}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </BrowserOnly>
          </div>
          <figcaption className="sr-only">
            {monthly.map((m) => `${m.period}: ${format(m.value)} / ${format(m.target)}`).join("; ")}
          </figcaption>
        </figure>
      </div>
    </div>
  );
}
