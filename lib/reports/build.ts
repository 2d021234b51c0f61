import "server-only";
// Gathers one client's month from the database and builds the report's snapshot (lib/domain/report.ts):
// the KPI month (lib/kpis/load.ts), the P/L base lines, the contract in force with the month's actuals, the
// SLA and the previous month's report. Callers pass the tenant transaction and have checked the client.

import type { DbOrTx } from "@/db/client";
import { getAgencyProfile } from "@/db/queries/agency";
import { getContractActuals, listClientContracts, versionsInForce } from "@/db/queries/contracts";
import { listBaseLines } from "@/db/queries/economics";
import { reportFirstPublished } from "@/db/queries/reports";
import { billMonth } from "@/lib/contracts/actuals";
import { loadSlaMonth } from "@/lib/contracts/sla-month";
import { invoiceRow, tokyoToday } from "@/lib/contracts/view";
import { reportDeadline } from "@/lib/domain/business-days";
import { addMonths, monthKey, parseMonthKey } from "@/lib/domain/calendar";
import type { InvoiceLine } from "@/lib/domain/invoice";
import { buildReportSnapshot, type ReportInput, type ReportSnapshot } from "@/lib/domain/report";
import type { ReportCommentary } from "@/lib/domain/report-commentary";
import { evaluateSlaMonth } from "@/lib/domain/sla";
import { toEngineInput } from "@/lib/economics/line";
import { formatYen } from "@/lib/format";
import { loadKpiMonth } from "@/lib/kpis/load";
import { series, valueFor } from "@/lib/kpis/rollup";
import { reportTranslator } from "./i18n";

/** The business-day deadline used when a client has no SLA: the 5th business day of the next month. */
export const DEFAULT_REPORT_DEADLINE_DAY = 5;

function describeInvoiceLine(line: InvoiceLine) {
  const out = { label: { ja: "", en: "" }, how: { ja: "", en: "" } };
  for (const locale of ["ja", "en"] as const) {
    const t = reportTranslator(locale);
    const row = invoiceRow(
      line,
      (key, params) => t(`contracts.${key}`, params),
      (n) => formatYen(n, locale),
    );
    out.label[locale] = row.label;
    out.how[locale] = row.how;
  }
  return out;
}

function tokyoDate(at: Date | null): string | null {
  return at === null ? null : tokyoToday(at);
}

export interface ReportSubject {
  agencyId: string;
  client: { id: string; name: string; code: string };
  month: string;
  commentary: ReportCommentary;
}

/** The month's snapshot as it would be published at `now`. */
export async function buildSnapshot(
  tx: DbOrTx,
  subject: ReportSubject,
  now: Date = new Date(),
): Promise<ReportSnapshot> {
  const ym = parseMonthKey(subject.month);
  if (!ym) throw new Error(`bad month ${subject.month}`);
  const { agencyId } = subject;
  const clientId = subject.client.id;
  const today = tokyoToday(now);
  const [km, lines, agency, contracts] = await Promise.all([
    loadKpiMonth(tx, { agencyId, clientId, month: ym }),
    listBaseLines(tx, { agencyId, clientIds: [clientId] }),
    getAgencyProfile(tx, { agencyId }),
    listClientContracts(tx, { agencyId, clientId, scope: { kind: "all" } }),
  ]);
  const figures = km.monthFigures.get(subject.month);
  const active = contracts.find((c) => c.status === "active") ?? null;
  const actuals = active
    ? await getContractActuals(tx, { agencyId, contractId: active.id, month: subject.month })
    : null;
  // The month bills with the version in force then (an amendment counts from its effective month).
  const inForce = active
    ? (await versionsInForce(tx, { agencyId, contractIds: [active.id], month: subject.month })).get(active.id)
    : undefined;
  const contract = active ? { ...active, document: inForce?.document ?? active.document } : null;
  // The month's actuals with the SLA items the weekly figures show as missed, as the invoice page bills them.
  const billed = contract
    ? await loadSlaMonth(tx, {
        agencyId,
        clientId,
        month: subject.month,
        sla: contract.document.sla,
        actuals: actuals?.actuals ?? null,
      })
    : null;
  const outcome = contract
    ? billMonth(contract.document, subject.month, billed?.actuals ?? null, agency.settings)
    : null;

  // SLA: this report's own deadline (judged as if published now), and the previous month's report.
  const sla = contract?.document.sla ?? null;
  const sums = figures?.total.sums ?? {};
  const slaResult = sla
    ? evaluateSlaMonth(sla, {
        month: subject.month,
        inquiries: sums.inquiries ?? null,
        answeredWithinTarget: sums.answered_in_target ?? null,
        incidents: sums.incidents ?? null,
        resolvedInTime: sums.incidents_resolved_in_time ?? null,
        reportPublishedOn: today,
        today,
      })
    : null;
  const previousMonth = monthKey(addMonths(ym, -1));
  const deadlineResult = reportDeadline(previousMonth, sla?.reportDeadlineBusinessDay ?? DEFAULT_REPORT_DEADLINE_DAY);
  const deadline = deadlineResult.ok ? deadlineResult.value : null;
  const publishedOn = tokyoDate(await reportFirstPublished(tx, { agencyId, clientId, month: previousMonth }));
  const previousOutcome =
    deadline === null
      ? ("no_data" as const)
      : publishedOn !== null
        ? publishedOn <= deadline
          ? ("met" as const)
          : ("missed" as const)
        : today > deadline
          ? ("missed" as const)
          : ("pending" as const);

  const input: ReportInput = {
    month: subject.month,
    generatedAt: now.toISOString(),
    client: subject.client,
    agencyName: agency.name,
    kpis: km.table,
    trends: {
      weeks: km.weeks,
      months: km.months,
      series: km.table.map((row) => ({
        kpi: row.kpi,
        unit: row.unit,
        weekly: series(row.kpi, km.weeks, km.weekFigures, km.base).map((p) => p.value),
        monthly: series(row.kpi, km.months, km.monthFigures, km.base).map((p) => p.value),
      })),
    },
    channels: figures
      ? [...figures.byChannel].map(([channel, aggregate]) => ({
          channel,
          aggregate,
          contribution: valueFor("contribution", figures, km.base, channel).value,
        }))
      : [],
    contribution: valueFor("contribution", figures, km.base).value,
    lines: lines.map((line) => ({
      channel: line.channel,
      sku: line.sku,
      input: toEngineInput(line),
      monthlyOrders: line.monthlyOrders,
    })),
    verdict: km.verdict,
    sla:
      slaResult?.ok && sla
        ? { result: slaResult.value, labels: Object.fromEntries(sla.items.map((i) => [i.key, i.label])) }
        : null,
    previousReport: { month: previousMonth, deadline, publishedOn, outcome: previousOutcome },
    invoice:
      contract && outcome?.ok
        ? { outcome: outcome.value, contractTitle: contract.title, describe: describeInvoiceLine }
        : null,
    commentary: subject.commentary,
  };
  return buildReportSnapshot(input);
}
