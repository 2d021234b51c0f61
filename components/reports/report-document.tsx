"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import type { ReportSnapshot } from "@/lib/domain/report";
import { formatYen } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { chartGeometry } from "@/lib/reports/chart";
import { formatChange, formatKpiValue, formatPercentBp } from "@/lib/reports/format";
import type { ReportLabels } from "@/lib/reports/labels";

const STATUS_TONE: Record<string, BadgeTone> = { on_track: "green", watch: "yellow", off_track: "red" };
const OUTCOME_TONE: Record<string, BadgeTone> = { met: "green", missed: "red", pending: "gray", no_data: "gray" };
const VERDICT_TONE: Record<string, BadgeTone> = { go: "green", hold: "yellow", stop: "red" };

function Section({ title, children, breakBefore }: { title: string; children: ReactNode; breakBefore?: boolean }) {
  return (
    <section className={`space-y-3 ${breakBefore ? "report-break" : ""}`}>
      <h2 className="border-b border-slate-200 pb-1 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Spark({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const w = 240;
  const h = 56;
  const g = chartGeometry(values, w, h);
  // The points as one path of zero-length round-capped strokes: a dot per value without an element per value.
  const dots = g.points.map((p) => `M${p.x} ${p.y}h0`).join("");
  return (
    <svg
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={label}
      className="bg-slate-50 text-indigo-600"
    >
      {g.lines.map((points) => (
        <polyline key={points} points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
      ))}
      {dots ? <path d={dots} stroke="currentColor" strokeWidth="4" strokeLinecap="round" /> : null}
    </svg>
  );
}

/** One report as its snapshot says: rendered from the JSON alone, never from today's data. */
export function ReportDocument({
  snapshot,
  labels,
  heading,
}: {
  snapshot: ReportSnapshot;
  labels: ReportLabels;
  heading?: ReactNode;
}) {
  const t = useTranslations("reports");
  const tc = useTranslations("channels");
  const locale = toLocale(useLocale());
  const yen = (n: number | null) => (n === null ? "—" : formatYen(n, locale));
  const kpiName = (kpi: string) => labels.kpi[kpi] ?? kpi;
  const channelName = (c: string) => tc(c as never);
  const s = snapshot;
  return (
    <article className="report-print space-y-8 rounded-lg bg-white p-6 ring-1 ring-slate-200">
      <header className="space-y-1">
        <p className="text-xs text-slate-500">{s.agencyName}</p>
        <h1 className="text-xl font-bold">{t("reportFor", { client: s.client.name, month: s.month })}</h1>
        {heading}
      </header>

      <Section title={t("sections.kpis")}>
        <div className="overflow-x-auto">
          <Table>
            <thead>
              <tr>
                <Th>{t("table.kpi")}</Th>
                <Th className="text-right">{t("table.actual")}</Th>
                <Th className="text-right">{t("table.target")}</Th>
                <Th className="text-right">{t("table.achievement")}</Th>
                <Th>{t("table.status")}</Th>
                <Th className="text-right">{t("table.mom")}</Th>
                <Th className="text-right">{t("table.yoy")}</Th>
              </tr>
            </thead>
            <tbody>
              {s.kpis.map((k) => (
                <tr key={k.kpi}>
                  <Td>{kpiName(k.kpi)}</Td>
                  <Td className="num">{formatKpiValue(k.actual, k.unit, locale)}</Td>
                  <Td className="num">{formatKpiValue(k.target, k.unit, locale)}</Td>
                  <Td className="num">{formatPercentBp(k.achievementBp, locale)}</Td>
                  <Td>
                    {k.status ? <Badge tone={STATUS_TONE[k.status]}>{labels.status[k.status] ?? k.status}</Badge> : "—"}
                  </Td>
                  <Td className="num">{formatChange(k.momDelta, k.momRelativeBp, k.unit, locale)}</Td>
                  <Td className="num">{formatChange(k.yoyDelta, k.yoyRelativeBp, k.unit, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </Section>

      <Section title={t("sections.trends")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {s.trends.series.map((series) => (
            <figure key={series.kpi} className="space-y-1">
              <figcaption className="text-sm font-medium">{kpiName(series.kpi)}</figcaption>
              <div className="flex flex-wrap gap-3">
                <div>
                  <p className="text-xs text-slate-500">{t("sections.monthly")}</p>
                  <Spark values={series.monthly} label={`${kpiName(series.kpi)} ${t("sections.monthly")}`} />
                </div>
                <div>
                  <p className="text-xs text-slate-500">{t("sections.weekly")}</p>
                  <Spark values={series.weekly} label={`${kpiName(series.kpi)} ${t("sections.weekly")}`} />
                </div>
              </div>
            </figure>
          ))}
        </div>
      </Section>

      <Section title={t("sections.channels")}>
        {s.channels.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noValue")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("table.channel")}</Th>
                <Th className="text-right">{t("table.sales")}</Th>
                <Th className="text-right">{t("table.orders")}</Th>
                <Th className="text-right">{t("table.aov")}</Th>
                <Th className="text-right">{t("table.adSpend")}</Th>
                <Th className="text-right">{t("table.contribution")}</Th>
              </tr>
            </thead>
            <tbody>
              {s.channels.map((c) => (
                <tr key={c.channel}>
                  <Td>{channelName(c.channel)}</Td>
                  <Td className="num">{yen(c.sales)}</Td>
                  <Td className="num">{formatKpiValue(c.orders, "count", locale)}</Td>
                  <Td className="num">{yen(c.aov)}</Td>
                  <Td className="num">{yen(c.adSpend)}</Td>
                  <Td className="num">{yen(c.contribution)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>

      <Section title={t("sections.economics")} breakBefore>
        <p className="text-sm font-medium">
          {s.economics.contribution === null
            ? t("noContribution")
            : t("monthlyContribution", { amount: yen(s.economics.contribution) })}
        </p>
        {s.economics.lines.length > 0 ? (
          <Table>
            <thead>
              <tr>
                <Th>{t("table.channel")}</Th>
                <Th>{t("table.sku")}</Th>
                <Th className="text-right">{t("table.perOrder")}</Th>
                <Th className="text-right">{t("table.monthlyOrders")}</Th>
              </tr>
            </thead>
            <tbody>
              {s.economics.lines.map((l) => (
                <tr key={`${l.channel}:${l.sku}`}>
                  <Td>{channelName(l.channel)}</Td>
                  <Td>{l.sku}</Td>
                  <Td className="num">{yen(l.contributionPerOrder)}</Td>
                  <Td className="num">{formatKpiValue(l.monthlyOrders, "count", locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : null}
      </Section>

      <Section title={t("sections.verdict")}>
        {s.verdict ? (
          <div className="space-y-2">
            <Badge tone={VERDICT_TONE[s.verdict.kind]}>{labels.verdict[s.verdict.kind] ?? s.verdict.kind}</Badge>
            <ul className="space-y-1 text-sm">
              {s.verdict.rules.map((r) => (
                <li key={r.code} className={s.verdict?.decidingRules.includes(r.code) ? "font-semibold" : ""}>
                  {t(`rules.${r.code}` as never)}: {t(`ruleOutcome.${r.outcome}`)}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("noVerdict")}</p>
        )}
      </Section>

      <Section title={t("sections.levers")}>
        {s.levers.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noLevers")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {s.levers.map((l) => (
              <li key={`${l.lever}:${l.channel}:${l.sku}`}>
                {labels.levers[l.lever] ?? l.lever}（{channelName(l.channel)} {l.sku}）: {t("table.perMonth")}{" "}
                <span className="tabular-nums">{yen(l.gainPerMonth)}</span> / {t("table.gainPerOrder")}{" "}
                <span className="tabular-nums">{yen(l.gainPerOrder)}</span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t("sections.sla")}>
        {s.sla ? (
          <Table>
            <thead>
              <tr>
                <Th>{t("table.item")}</Th>
                <Th>{t("table.result")}</Th>
                <Th className="text-right">{t("table.actual")}</Th>
                <Th className="text-right">{t("table.target")}</Th>
              </tr>
            </thead>
            <tbody>
              {s.sla.items.map((i) => (
                <tr key={i.key}>
                  <Td>{i.label}</Td>
                  <Td>
                    <Badge tone={OUTCOME_TONE[i.outcome]}>{t(`outcome.${i.outcome}`)}</Badge>
                  </Td>
                  <Td className="num">{formatPercentBp(i.actualBp, locale)}</Td>
                  <Td className="num">{i.deadline ?? formatPercentBp(i.targetBp, locale)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-slate-500">{t("noSla")}</p>
        )}
        <p className="text-sm">
          {t("previousReport", { month: s.previousReport.month, deadline: s.previousReport.deadline ?? "—" })}
          {s.previousReport.publishedOn
            ? `（${t("previousReportPublished", { date: s.previousReport.publishedOn })}）`
            : ""}{" "}
          <Badge tone={OUTCOME_TONE[s.previousReport.outcome]}>{t(`outcome.${s.previousReport.outcome}`)}</Badge>
        </p>
      </Section>

      <Section title={t("sections.invoice")} breakBefore>
        {s.invoice.kind === "none" ? (
          <p className="text-sm text-slate-500">{t(`noInvoice.${s.invoice.reason}`)}</p>
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-slate-600">
              {s.invoice.contractTitle} ·{" "}
              {t("invoiceTotals.period", { from: s.invoice.periodStart, to: s.invoice.periodEnd })}
            </p>
            <Table>
              <thead>
                <tr>
                  <Th>{t("table.item")}</Th>
                  <Th>{t("table.how")}</Th>
                  <Th className="text-right">{t("table.amount")}</Th>
                </tr>
              </thead>
              <tbody>
                {s.invoice.lines.map((l, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list, never reordered
                  <tr key={i}>
                    <Td>{l.label[locale]}</Td>
                    <Td className="text-xs text-slate-600">{l.how[locale]}</Td>
                    <Td className="num">{l.credit ? `−${yen(l.amount)}` : yen(l.amount)}</Td>
                  </tr>
                ))}
                <tr>
                  <Td colSpan={2}>{t("invoiceTotals.taxable", { rate: String(s.invoice.taxRateBp / 100) })}</Td>
                  <Td className="num">{yen(s.invoice.taxable)}</Td>
                </tr>
                <tr>
                  <Td colSpan={2}>{t("invoiceTotals.tax")}</Td>
                  <Td className="num">{yen(s.invoice.tax)}</Td>
                </tr>
                <tr className="font-semibold">
                  <Td colSpan={2}>{t("invoiceTotals.total")}</Td>
                  <Td className="num">{yen(s.invoice.total)}</Td>
                </tr>
              </tbody>
            </Table>
            {s.invoice.missingActuals.length > 0 ? (
              <p className="text-xs text-amber-700">{t("missingActuals")}</p>
            ) : null}
          </div>
        )}
      </Section>

      <Section title={t("sections.commentary")}>
        <dl className="space-y-3 text-sm">
          {(["wentWell", "issues", "proposals", "nextMonthPlan"] as const).map((k) => (
            <div key={k}>
              <dt className="font-medium">{t(`commentary.${k}`)}</dt>
              <dd className="whitespace-pre-wrap text-slate-700">{s.commentary[k] || t("commentary.empty")}</dd>
            </div>
          ))}
        </dl>
      </Section>
    </article>
  );
}
