import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ChannelBreakdown } from "@/components/kpis/channel-breakdown";
import { KpiCharts } from "@/components/kpis/kpi-charts";
import { KpiTable } from "@/components/kpis/kpi-table";
import { MonthPicker } from "@/components/kpis/month-picker";
import { PlanDetails } from "@/components/kpis/plan-details";
import { VerdictPanel } from "@/components/kpis/verdict-panel";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { agencyRead } from "@/lib/actions/agency-read";
import { memoAgencyAt } from "@/lib/cache/agency-memo";
import { tokyoToday } from "@/lib/contracts/view";
import { addMonths, isoWeekKey, isoWeekOf, lastIsoWeekOfMonth, monthKey, parseMonthKey } from "@/lib/domain/calendar";
import { toLocale } from "@/lib/i18n/locales";
import { loadKpiMonth } from "@/lib/kpis/load";
import { kpiMonthView } from "@/lib/kpis/rollup";
import { parseSearchParams } from "@/lib/search-params";
import { kpiPageClient } from "../client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kpiPage");
  return { title: t("title") };
}

const query = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .catch(undefined),
});

export default async function KpiPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const today = tokyoToday();
  const current = parseMonthKey(today.slice(0, 7)) ?? { year: 2026, month: 1 };
  const asked = parseSearchParams(query, await searchParams).month;
  const month = (asked && parseMonthKey(asked)) || current;
  const key = monthKey(month);
  const inProgress = key === monthKey(current);
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const { client, canPlan, canEnter, agencyId, revision } = await kpiPageClient("kpis.read", id);
  // The month's figures, verdict, charts and channel breakdown: computed once per state of the agency's data (the
  // client was checked against the member's scope, and the agency's revision read, by the layout's kpiPageClient).
  const { data, view } = await memoAgencyAt(revision, agencyId, ["kpiMonth", client.id, key, today], async () => {
    const loaded = await agencyRead("kpis.read", ({ tx }) =>
      loadKpiMonth(tx, { agencyId, clientId: client.id, month }),
    );
    return { data: loaded, view: kpiMonthView(loaded, client.channels) };
  });
  const [y, m, d] = today.split("-").map(Number);
  const entryWeek = isoWeekKey(
    inProgress ? isoWeekOf(new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1, d ?? 1))) : lastIsoWeekOfMonth(month),
  );
  const plan = data.plan;

  return (
    <div className="space-y-6">
      <Link href={`/clients/${id}`} className="text-sm text-indigo-700 hover:underline">
        ← {client.name}
      </Link>
      <PageHeader
        title={t("kpiPage.heading", { client: client.name })}
        description={t("kpiPage.description")}
        actions={
          <>
            {canEnter ? (
              <Link href={`/clients/${id}/kpis/entry?week=${entryWeek}`} className={buttonClass("secondary")}>
                {t("kpiPage.enterLink")}
              </Link>
            ) : null}
            {canPlan ? (
              <Link href={`/clients/${id}/kpis/plan`} className={buttonClass("secondary")}>
                {t("kpiPage.planLink")}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="flex flex-wrap items-center gap-3">
        <MonthPicker
          path={`/clients/${id}/kpis`}
          month={key}
          previous={monthKey(addMonths(month, -1))}
          next={inProgress ? null : monthKey(addMonths(month, 1))}
          labels={{
            previous: t("kpiPage.previousMonth"),
            next: t("kpiPage.nextMonth"),
            choose: t("kpiPage.chooseMonth"),
            show: t("kpiPage.show"),
          }}
        />
        <h2 className="text-lg font-semibold" data-testid="kpi-month">
          {t("kpiPage.monthTitle", { year: month.year, month: month.month })}
        </h2>
        {inProgress ? <Badge tone="blue">{t("kpiPage.inProgress")}</Badge> : null}
      </div>
      {plan === null || data.table.length === 0 ? (
        <EmptyState
          title={t("kpiPage.noPlan")}
          body={canPlan ? t("kpiPage.noPlanBody") : t("kpis.errors.no_plan")}
          action={
            canPlan ? (
              <Link href={`/clients/${id}/kpis/plan`} className={buttonClass()}>
                {t("kpiPage.createPlan")}
              </Link>
            ) : null
          }
        />
      ) : (
        <>
          <Card className="p-4">
            <KpiTable rows={data.table} />
          </Card>
          <Card className="p-6">
            <h2 className="mb-1 text-base font-semibold">{t("kpiPage.verdictTitle")}</h2>
            <p className="mb-4 text-xs text-slate-500">
              {inProgress ? t("kpiPage.verdictInProgress") : t("kpiPage.verdictHint")}
            </p>
            <VerdictPanel verdict={data.verdict} contribution={view.contribution} />
          </Card>
          <Card className="p-6">
            <h2 className="mb-4 text-base font-semibold">{t("kpiPage.chartsTitle")}</h2>
            <KpiCharts
              months={data.months}
              weeks={data.weeks}
              kpis={view.charts.map((c) => ({ ...c, key: c.kpi, label: t(`kpis.kpi.${c.kpi}`) }))}
            />
          </Card>
          <Card className="p-4">
            <ChannelBreakdown title={t("kpiPage.channelsTitle")} channels={view.channels} rows={view.breakdown} />
          </Card>
          <PlanDetails plan={plan} locale={locale} />
        </>
      )}
    </div>
  );
}
