// A month's SLA results (SPEC §4.3) from what the operators enter weekly: the response and resolution rates
// are the month's sums of the weekly KPI measures (inquiries / answered within target, incidents / resolved
// in time; SPEC §6), evaluated by lib/domain/sla.ts. Where the month has no weekly figures for an item's
// measures — and for the report deadline and manual items — the manager's "missed" ticks on the invoice page
// (contract_actuals.missedSlaItems) decide, as before. Pure.

import type { SlaMeasure, SlaTerms } from "@/lib/domain/contract";
import type { InvoiceActuals } from "@/lib/domain/invoice";
import { evaluateSlaMonth, type SlaOutcome } from "@/lib/domain/sla";

/** The month's sums over every week and channel; null where nothing was entered. */
export interface SlaKpiSums {
  inquiries: number | null;
  answeredInTarget: number | null;
  incidents: number | null;
  resolvedInTime: number | null;
}

export const NO_SLA_SUMS: SlaKpiSums = {
  inquiries: null,
  answeredInTarget: null,
  incidents: null,
  resolvedInTime: null,
};

export interface SlaItemResult {
  key: string;
  label: string;
  measure: SlaMeasure;
  outcome: SlaOutcome;
  actualBp: number | null;
  targetBp: number | null;
  /** kpi: decided by the weekly figures (with the month's numerator and denominator); manual: by the tick. */
  source: "kpi" | "manual";
  numerator: number | null;
  denominator: number | null;
}

function pairOf(measure: SlaMeasure, sums: SlaKpiSums): [number, number] | null {
  const [done, total] =
    measure === "response_rate"
      ? [sums.answeredInTarget, sums.inquiries]
      : measure === "resolution_rate"
        ? [sums.resolvedInTime, sums.incidents]
        : [null, null];
  return done === null || total === null ? null : [done, total];
}

/** Every SLA item's result for the month, and the keys the invoice credits as missed. */
export function slaMonthResults(
  sla: SlaTerms | null | undefined,
  month: string,
  sums: SlaKpiSums,
  manualMissed: readonly string[] | null | undefined,
): { items: SlaItemResult[]; missed: string[] } {
  const items = sla?.items ?? [];
  const ticked = new Set(manualMissed ?? []);
  const evaluated = sla
    ? evaluateSlaMonth(sla, {
        month,
        inquiries: sums.inquiries,
        answeredWithinTarget: sums.answeredInTarget,
        incidents: sums.incidents,
        resolvedInTime: sums.resolvedInTime,
      })
    : null;
  const results = items.map((item): SlaItemResult => {
    const pair = pairOf(item.measure, sums);
    const fromKpi = pair && evaluated?.ok ? evaluated.value.items.find((i) => i.key === item.key) : undefined;
    if (pair && fromKpi) {
      return {
        key: item.key,
        label: item.label,
        measure: item.measure,
        outcome: fromKpi.outcome,
        actualBp: fromKpi.actualBp,
        targetBp: item.targetBp,
        source: "kpi",
        numerator: pair[0],
        denominator: pair[1],
      };
    }
    return {
      key: item.key,
      label: item.label,
      measure: item.measure,
      outcome: ticked.has(item.key) ? "missed" : "met",
      actualBp: null,
      targetBp: item.targetBp,
      source: "manual",
      numerator: null,
      denominator: null,
    };
  });
  return { items: results, missed: results.filter((r) => r.outcome === "missed").map((r) => r.key) };
}

/** The saved actuals with the SLA items missed as the results say (nothing else changes). */
export function withSlaResults(actuals: InvoiceActuals | null, missed: readonly string[]): InvoiceActuals {
  const { missedSlaItems: _manual, ...rest } = actuals ?? {};
  return missed.length > 0 ? { ...rest, missedSlaItems: [...missed] } : rest;
}
