import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PortfolioCharts } from "@/components/margins/portfolio-charts";
import { PortfolioTable } from "@/components/margins/portfolio-table";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/misc";
import { Pagination } from "@/components/ui/pagination";
import { agencyReadKept } from "@/lib/actions/agency-read";
import { tokyoToday } from "@/lib/contracts/view";
import { monthKey } from "@/lib/domain/calendar";
import { toLocale } from "@/lib/i18n/locales";
import { lastCompleteMonth } from "@/lib/kpis/plan-view";
import { loadPortfolio } from "@/lib/margins/portfolio";
import { CLIENT_STATUSES } from "@/lib/options";
import { portfolioParams } from "@/lib/schemas/margins";
import { parseSearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portfolio");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

export default async function PortfolioPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const today = tokyoToday();
  const params = parseSearchParams(portfolioParams(monthKey(lastCompleteMonth(today))), await searchParams);
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  // 500 clients' invoices and costs over 12 months: computed once per state of the agency's data.
  const { data } = await agencyReadKept(
    "margins.read",
    ["portfolio", today, JSON.stringify(params)],
    ({ tx, agencyId }) => loadPortfolio(tx, { agencyId, ...params, pageSize: PAGE_SIZE, trend: true }),
  );
  const query = {
    month: params.month,
    q: params.q,
    status: params.status,
    sort: params.sort,
    dir: params.dir,
  };
  const exportQuery = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("portfolio.title")}
        description={t("portfolio.description", { month: params.month })}
        actions={
          <a href={`/portfolio/export?${exportQuery.toString()}`} className={buttonClass("secondary")} download>
            {t("portfolio.export")}
          </a>
        }
      />
      <search>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <label>
            <span className="mb-1 block text-xs font-medium text-slate-600">{t("portfolio.month")}</span>
            <input type="month" name="month" defaultValue={params.month} className={`${inputClass} w-40`} />
          </label>
          <label className="w-64">
            <span className="mb-1 block text-xs font-medium text-slate-600">{t("portfolio.search")}</span>
            <input
              name="q"
              type="search"
              defaultValue={params.q}
              placeholder={t("portfolio.searchPlaceholder")}
              className={inputClass}
            />
          </label>
          <label>
            <span className="mb-1 block text-xs font-medium text-slate-600">{t("clients.columns.status")}</span>
            <select name="status" defaultValue={params.status ?? ""} className={inputClass}>
              <option value="">{t("portfolio.allStatuses")}</option>
              {CLIENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`clientStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="sort" value={params.sort} />
          <input type="hidden" name="dir" value={params.dir} />
          <button type="submit" className={buttonClass("secondary")}>
            {t("portfolio.filter")}
          </button>
        </form>
      </search>
      {data.total === 0 ? (
        <EmptyState title={params.q || params.status ? t("portfolio.emptyFiltered") : t("portfolio.empty")} />
      ) : (
        <>
          <PortfolioTable
            rows={data.rows}
            details={data.details}
            totals={data.totals}
            total={data.total}
            sort={{ sort: params.sort, dir: params.dir }}
            query={query}
            locale={locale}
          />
          <Pagination page={params.page} pageSize={PAGE_SIZE} total={data.total} params={query} path="/portfolio" />
          <PortfolioCharts
            byClient={data.rows.flatMap((r) => (r.margin === null ? [] : [{ name: r.name, margin: r.margin }]))}
            trend={data.trend}
            labels={{
              byClient: t("portfolio.chartByClient", { month: params.month }),
              trend: t("portfolio.chartTrend"),
              note: t("portfolio.trendNote"),
              revenue: t("portfolio.revenueSeries"),
              cost: t("portfolio.costSeries"),
              margin: t("portfolio.marginSeries"),
            }}
          />
        </>
      )}
    </div>
  );
}
