import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { Pagination } from "@/components/ui/pagination";
import { minutesText } from "@/components/week/hours";
import { KpiImportForm } from "@/components/week/kpi-import-form";
import { WeekTable } from "@/components/week/week-table";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { loadWeekView, STATUS_FILTERS, shiftWeek, tokyoWeek, weekDates } from "@/lib/kpis/week-view";
import { isoWeek } from "@/lib/schemas/week";
import { pageParam, parseSearchParams } from "@/lib/search-params";
import { importKpis, previewKpiImport, saveHours } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("week");
  return { title: t("title") };
}

const PAGE_SIZE = 50;

const weekParams = z.object({
  week: isoWeek.optional().catch(undefined),
  view: z.enum(["mine", "team"]).optional().catch(undefined),
  operator: z.string().max(40).optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
  page: pageParam,
});

export default async function WeekPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = parseSearchParams(weekParams, await searchParams);
  const t = await getTranslations();
  const week = params.week ?? tokyoWeek();
  const data = await agencyRead("kpis.enter", async ({ tx, agencyId, scope, member }) => {
    const teamAllowed = can(member.membership.role, "kpis.team");
    const view = teamAllowed && params.view !== "mine" ? "team" : "mine";
    const result = await loadWeekView(tx, {
      agencyId,
      scope,
      membershipId: member.membership.id,
      week,
      view,
      operator: view === "team" ? params.operator : undefined,
      status: params.status,
      page: params.page,
      pageSize: PAGE_SIZE,
    });
    return { ...result, teamAllowed };
  });
  const { start, end } = weekDates(week);
  const query = {
    week: params.week,
    view: data.teamAllowed ? data.view : undefined,
    operator: data.view === "team" ? params.operator : undefined,
    status: params.status,
  };
  const href = (change: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...change })) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/week?${s}` : "/week";
  };
  const filtered = Boolean(params.status || params.operator);
  const exportHref = `/week/export?week=${week}${data.teamAllowed ? `&view=${data.view}` : ""}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${t("week.title")}: ${t("week.titleWeek", { week, start, end })}`}
        description={t("week.description")}
        actions={
          <nav aria-label={t("week.title")} className="flex gap-2">
            <Link href={href({ week: shiftWeek(week, -1) })} className={buttonClass("secondary", "sm")} rel="prev">
              ← {t("week.prev")}
            </Link>
            {week !== data.current ? (
              <Link href={href({ week: undefined })} className={buttonClass("ghost", "sm")}>
                {t("week.thisWeek")}
              </Link>
            ) : null}
            <Link href={href({ week: shiftWeek(week, 1) })} className={buttonClass("secondary", "sm")} rel="next">
              {t("week.next")} →
            </Link>
          </nav>
        }
      />
      <div className="flex flex-wrap items-end justify-between gap-3">
        {data.teamAllowed ? (
          <nav className="flex gap-1" aria-label={t("week.viewTeam")}>
            {(["team", "mine"] as const).map((v) => (
              <Link
                key={v}
                href={href({ view: v, operator: undefined, status: undefined })}
                aria-current={data.view === v ? "page" : undefined}
                className={buttonClass(data.view === v ? "primary" : "secondary", "sm")}
              >
                {t(v === "team" ? "week.viewTeam" : "week.viewMine")}
              </Link>
            ))}
          </nav>
        ) : (
          <span />
        )}
        <search>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="week" value={week} />
            {data.teamAllowed ? <input type="hidden" name="view" value={data.view} /> : null}
            {data.view === "team" ? (
              <label>
                <span className="mb-1 block text-xs font-medium text-slate-600">{t("week.operator")}</span>
                <select name="operator" defaultValue={params.operator ?? ""} className={inputClass}>
                  <option value="">{t("week.allOperators")}</option>
                  {data.operators.map((o) => (
                    <option key={o.membershipId} value={o.membershipId}>
                      {o.name}
                    </option>
                  ))}
                  <option value="none">{t("week.unassigned")}</option>
                </select>
              </label>
            ) : null}
            <label>
              <span className="mb-1 block text-xs font-medium text-slate-600">{t("week.status")}</span>
              <select name="status" defaultValue={params.status ?? ""} className={inputClass}>
                <option value="">{t("week.allStatuses")}</option>
                {STATUS_FILTERS.map((s) => (
                  <option key={s} value={s}>
                    {t(`week.entryStatus.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass("secondary")}>
              {t("week.filter")}
            </button>
          </form>
        </search>
      </div>
      <p className="text-sm text-slate-600" data-testid="week-summary">
        {t("week.summary", data.counts)}
        <span className="ml-3">{t("week.totalHours", { hours: minutesText(data.totalMinutes) })}</span>
        <span className="ml-3 text-slate-400">{t("week.month", { month: data.month })}</span>
      </p>
      {data.total === 0 ? (
        <EmptyState
          title={filtered ? t("week.emptyFiltered") : data.view === "mine" ? t("week.emptyMine") : t("week.empty")}
        />
      ) : (
        <>
          <WeekTable rows={data.rows} week={week} team={data.view === "team"} saveHours={saveHours} />
          <Pagination page={params.page} pageSize={PAGE_SIZE} total={data.total} params={query} path="/week" />
        </>
      )}
      <Card className="space-y-3 p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-base font-semibold">{t("week.import")}</h2>
          <a href={exportHref} className={buttonClass("secondary", "sm")} download>
            {t("week.export")}
          </a>
        </div>
        <p className="text-xs text-slate-500">
          {t("week.exportHint")} {t("week.importHint")}
        </p>
        <KpiImportForm preview={previewKpiImport} commit={importKpis} />
      </Card>
    </div>
  );
}
