"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import type { VerdictKind } from "@/lib/domain/verdict";
import { formatYen } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { formatBp, formatHours } from "@/lib/margins/format";
import type { PortfolioDetails, PortfolioRow, PortfolioTotals } from "@/lib/margins/portfolio";
import type { PortfolioSort } from "@/lib/margins/sorts";

const VERDICT_TONE: Record<VerdictKind, BadgeTone> = { go: "green", hold: "yellow", stop: "red" };

type Column = {
  id: string;
  sort?: PortfolioSort;
  numeric?: boolean;
  cell: (row: PortfolioRow, d: PortfolioDetails | undefined) => React.ReactNode;
  total?: (t: PortfolioTotals) => React.ReactNode;
};

/**
 * The portfolio: a table of the page it is given (as the client list: sorting, filtering and paging are the
 * server's and live in the URL; the sortable headers are links), with a totals row over every matching client.
 * A client component so that the page's payload carries the rows' figures, not the table's markup.
 */
export function PortfolioTable({
  rows,
  details,
  totals,
  total,
  sort,
  query,
  locale,
}: {
  rows: PortfolioRow[];
  details: Map<string, PortfolioDetails>;
  totals: PortfolioTotals;
  total: number;
  sort: { sort: PortfolioSort; dir: "asc" | "desc" };
  query: Record<string, string | undefined>;
  locale: Locale;
}) {
  const translate = useTranslations();
  // 25 rows ask for the same few labels (a status, a verdict, "3 off track") again and again: each once.
  const labels = new Map<string, string>();
  const t = (key: Parameters<typeof translate>[0], values?: Parameters<typeof translate>[1]): string => {
    const id = values ? `${key}:${JSON.stringify(values)}` : key;
    let label = labels.get(id);
    if (label === undefined) {
      label = translate(key, values);
      labels.set(id, label);
    }
    return label;
  };
  const yen = (n: number) => formatYen(n, locale);
  const signed = (n: number | null) =>
    n === null ? "—" : <span className={n < 0 ? "text-red-600" : undefined}>{yen(n)}</span>;
  const columns: Column[] = [
    {
      id: "client",
      sort: "name",
      cell: (r) => (
        <Link
          href={`/clients/${r.clientId}/margin?month=${query.month ?? ""}`}
          className="font-medium text-indigo-700 hover:underline"
        >
          {r.name}
          <span className="ml-1 text-xs text-slate-400">{r.code}</span>
        </Link>
      ),
      total: () => t("portfolio.totals", { count: total }),
    },
    {
      id: "monthlyFee",
      sort: "monthlyFee",
      numeric: true,
      cell: (r) => yen(r.monthlyFee),
      total: (s) => yen(s.monthlyFee),
    },
    {
      id: "performanceFee",
      sort: "performanceFee",
      numeric: true,
      cell: (r) => yen(r.performanceFee),
      total: (s) => yen(s.performanceFee),
    },
    { id: "revenue", sort: "revenue", numeric: true, cell: (r) => signed(r.revenue), total: (s) => yen(s.revenue) },
    {
      id: "hours",
      sort: "hours",
      numeric: true,
      cell: (r) => formatHours(r.minutes),
      total: (s) => formatHours(s.minutes),
    },
    {
      id: "deliveryCost",
      sort: "deliveryCost",
      numeric: true,
      cell: (r) => yen(r.deliveryCost),
      total: (s) => yen(s.deliveryCost),
    },
    {
      id: "margin",
      sort: "margin",
      numeric: true,
      cell: (r) =>
        r.margin === null ? (
          <span className="text-xs text-amber-700">{t(`margins.statusShort.${r.marginStatus}`)}</span>
        ) : (
          signed(r.margin)
        ),
      total: (s) => signed(s.margin),
    },
    {
      id: "marginRate",
      sort: "marginBp",
      numeric: true,
      cell: (r) => (
        <span className={r.marginBp !== null && r.marginBp < 0 ? "text-red-600" : undefined}>
          {formatBp(r.marginBp)}
        </span>
      ),
      total: (s) => formatBp(s.marginBp),
    },
    {
      id: "kpi",
      cell: (_, d) =>
        d?.offTrack === null || d?.offTrack === undefined ? (
          <span className="text-xs text-slate-400">{t("portfolio.noPlan")}</span>
        ) : (
          <Badge tone={d.offTrack > 0 ? "red" : "green"}>{t("portfolio.offTrack", { count: d.offTrack })}</Badge>
        ),
    },
    {
      id: "verdict",
      cell: (_, d) =>
        d?.verdict ? <Badge tone={VERDICT_TONE[d.verdict]}>{t(`kpis.verdict.${d.verdict}`)}</Badge> : "—",
    },
    {
      id: "contractEnd",
      sort: "contractEnd",
      cell: (r) => r.contractEnd ?? (r.contractId ? t("portfolio.noEnd") : "—"),
    },
    {
      id: "checklist",
      cell: (_, d) => (d?.checklistDone === null || d?.checklistDone === undefined ? "—" : `${d.checklistDone}/10`),
    },
    { id: "report", cell: (_, d) => t(`portfolio.report.${d?.report ?? "not_available"}`) },
  ];
  const sortHref = (column: PortfolioSort) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== "page" && k !== "sort" && k !== "dir") params.set(k, v);
    params.set("sort", column);
    params.set("dir", sort.sort === column && sort.dir === "asc" ? "desc" : "asc");
    return `/portfolio?${params.toString()}`;
  };
  const header = (id: string) => t(`portfolio.columns.${id as "client"}`);
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label={t("portfolio.title")}>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => {
              const active = c.sort !== undefined && sort.sort === c.sort;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={c.numeric ? "th whitespace-nowrap text-right" : "th whitespace-nowrap"}
                >
                  {c.sort ? (
                    <Link
                      href={sortHref(c.sort)}
                      className="inline-flex items-center gap-1 hover:text-slate-900"
                      aria-label={t("portfolio.sortBy", { column: header(c.id) })}
                    >
                      {header(c.id)}
                      <span aria-hidden className={active ? "text-slate-900" : "text-slate-300"}>
                        {active && sort.dir === "desc" ? "▼" : "▲"}
                      </span>
                    </Link>
                  ) : (
                    header(c.id)
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.clientId} className="hover:bg-slate-50">
              {columns.map((c) => (
                <td key={c.id} className={c.numeric ? "td num" : "td"}>
                  {c.cell(r, details.get(r.clientId))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
          <tr>
            {columns.map((c) => (
              <td key={c.id} className={c.numeric ? "td num" : "td"}>
                {c.total ? c.total(totals) : null}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
