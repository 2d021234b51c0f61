import "server-only";
// The portfolio (SPEC §9): every client of the agency for a month with its fees, hours, delivery cost, margin,
// KPIs off track, verdict, contract end, checklist and report status; totals; the agency's margin over the
// last 12 months.
//
// Where the work happens: hours × the rate in force each week and the direct costs are summed in SQL per
// client and month (db/queries/margins.ts); revenue needs the invoice engine (proration, performance rules,
// SLA credits), so each client's contracts, saved actuals and SLA sums are read in three batched queries and
// billed in memory — a few hundred invoices take milliseconds, and a sort by margin % needs every client's
// margin anyway. KPI status, verdict and checklist, the costly parts, are loaded for the page's rows only.

import type { DbOrTx } from "@/db/client";
import { checklistDoneCounts } from "@/db/queries/contracts";
import { listKpiClients } from "@/db/queries/kpis";
import { listPortfolioClients } from "@/db/queries/margins";
import { addMonths, monthKey, parseMonthKey } from "@/lib/domain/calendar";
import type { MarginStatus } from "@/lib/domain/margin";
import { roundHalfUpDiv } from "@/lib/domain/money";
import type { VerdictKind } from "@/lib/domain/verdict";
import { loadVerdicts } from "@/lib/kpis/load";
import { offTrackKpis } from "@/lib/kpis/week-view";
import type { ClientStatus } from "@/lib/options";
import { loadMarginsAndContracts, marginKey, monthRange } from "./load";
import { type ReportStatus, reportStatuses } from "./report-status";

import { PORTFOLIO_SORTS, type PortfolioSort } from "./sorts";

export { PORTFOLIO_SORTS, type PortfolioSort };

export interface PortfolioRow {
  clientId: string;
  name: string;
  code: string;
  status: ClientStatus;
  contractId: string | null;
  monthlyFee: number;
  performanceFee: number;
  revenue: number | null;
  minutes: number;
  deliveryCost: number;
  margin: number | null;
  marginBp: number | null;
  marginStatus: MarginStatus;
  contractEnd: string | null;
}

export interface PortfolioDetails {
  /** KPIs off track; null = no plan. */
  offTrack: number | null;
  verdict: VerdictKind | null;
  checklistDone: number | null;
  report: ReportStatus;
}

export interface PortfolioTotals {
  monthlyFee: number;
  performanceFee: number;
  revenue: number;
  minutes: number;
  deliveryCost: number;
  /** Σ revenue − Σ delivery cost over the listed clients. */
  margin: number;
  marginBp: number | null;
}

export interface TrendPoint {
  month: string;
  revenue: number;
  deliveryCost: number;
  margin: number;
}

export interface PortfolioParams {
  agencyId: string;
  month: string;
  q?: string;
  status?: ClientStatus;
  sort: PortfolioSort;
  dir: "asc" | "desc";
  page: number;
  pageSize: number;
}

const sortValue: Record<PortfolioSort, (r: PortfolioRow) => number | string | null> = {
  name: (r) => r.name,
  monthlyFee: (r) => r.monthlyFee,
  performanceFee: (r) => r.performanceFee,
  revenue: (r) => r.revenue,
  hours: (r) => r.minutes,
  deliveryCost: (r) => r.deliveryCost,
  margin: (r) => r.margin,
  marginBp: (r) => r.marginBp,
  contractEnd: (r) => r.contractEnd,
};

/** Rows sorted by a column; rows without a value (no margin, no end date) last in either direction. */
export function sortPortfolio(rows: PortfolioRow[], sort: PortfolioSort, dir: "asc" | "desc"): PortfolioRow[] {
  const value = sortValue[sort];
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return sign * (typeof x === "string" ? x.localeCompare(String(y), "ja") : x - Number(y));
    }
    return a.name.localeCompare(b.name, "ja") || a.clientId.localeCompare(b.clientId);
  });
}

export function totalsOf(rows: readonly PortfolioRow[]): PortfolioTotals {
  const t = { monthlyFee: 0, performanceFee: 0, revenue: 0, minutes: 0, deliveryCost: 0 };
  for (const r of rows) {
    t.monthlyFee += r.monthlyFee;
    t.performanceFee += r.performanceFee;
    t.revenue += r.revenue ?? 0;
    t.minutes += r.minutes;
    t.deliveryCost += r.deliveryCost;
  }
  const margin = t.revenue - t.deliveryCost;
  const marginBp = t.revenue > 0 ? roundHalfUpDiv(BigInt(margin) * 10_000n, t.revenue) : null;
  return { ...t, margin, marginBp };
}

export async function loadPortfolio(tx: DbOrTx, p: PortfolioParams & { trend?: boolean }) {
  const ym = parseMonthKey(p.month) ?? { year: 2026, month: 1 };
  const from = p.trend ? monthKey(addMonths(ym, -11)) : p.month;
  const clients = await listPortfolioClients(tx, { agencyId: p.agencyId, q: p.q, status: p.status });
  // The trend is the agency's: every client, whatever the filter.
  const trendClients =
    p.trend && (p.q || p.status) ? await listPortfolioClients(tx, { agencyId: p.agencyId }) : clients;
  const { margins, contracts } = await loadMarginsAndContracts(tx, {
    agencyId: p.agencyId,
    clientIds: trendClients.map((c) => c.id),
    fromMonth: from,
    toMonth: p.month,
  });
  const current = new Map<string, (typeof contracts)[number]>();
  for (const c of contracts) if (!current.has(c.clientId) || c.status === "active") current.set(c.clientId, c);
  const all: PortfolioRow[] = clients.map((c) => {
    const m = margins.get(marginKey(c.id, p.month));
    const contract = current.get(c.id);
    return {
      clientId: c.id,
      name: c.name,
      code: c.code,
      status: c.status,
      contractId: m?.revenue.contractId ?? contract?.id ?? null,
      monthlyFee: m?.revenue.monthlyFee ?? 0,
      performanceFee: m?.revenue.performanceFee ?? 0,
      revenue: m?.revenue.revenue ?? null,
      minutes: m?.margin.minutes ?? 0,
      deliveryCost: m?.margin.deliveryCost ?? 0,
      margin: m?.margin.margin ?? null,
      marginBp: m?.margin.marginBp ?? null,
      marginStatus: m?.margin.status ?? "no_invoice",
      contractEnd: contract?.document.terms.endDate ?? null,
    };
  });
  const sorted = sortPortfolio(all, p.sort, p.dir);
  const rows = sorted.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
  const ids = rows.map((r) => r.clientId);
  const versionIds = ids.flatMap((id) => current.get(id)?.currentVersionId ?? []);
  const [kpiClients, verdicts, done, reports] = await Promise.all([
    listKpiClients(tx, { agencyId: p.agencyId, scope: { kind: "all" }, ids }),
    loadVerdicts(tx, { agencyId: p.agencyId, clientIds: ids, month: ym }),
    checklistDoneCounts(tx, { agencyId: p.agencyId, contractVersionIds: versionIds }),
    reportStatuses(tx, { agencyId: p.agencyId, clientIds: ids, month: p.month }),
  ]);
  const offTrack = await offTrackKpis(tx, { agencyId: p.agencyId, month: p.month, clients: kpiClients });
  const details = new Map<string, PortfolioDetails>(
    rows.map((r) => {
      const versionId = current.get(r.clientId)?.currentVersionId;
      return [
        r.clientId,
        {
          offTrack: offTrack.get(r.clientId)?.length ?? null,
          verdict: verdicts.get(r.clientId)?.verdict ?? null,
          checklistDone: versionId ? (done.get(versionId) ?? 0) : null,
          report: reports.get(r.clientId) ?? "not_available",
        },
      ];
    }),
  );
  const trend: TrendPoint[] = p.trend
    ? monthRange(from, p.month).map((month) => {
        let revenue = 0;
        let deliveryCost = 0;
        for (const c of trendClients) {
          const m = margins.get(marginKey(c.id, month));
          revenue += m?.revenue.revenue ?? 0;
          deliveryCost += m?.margin.deliveryCost ?? 0;
        }
        return { month, revenue, deliveryCost, margin: revenue - deliveryCost };
      })
    : [];
  return { rows, total: all.length, totals: totalsOf(all), details, trend };
}
