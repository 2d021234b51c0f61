// The monthly report (SPEC §7) as a frozen document: a versioned JSON snapshot, built by pure functions from
// the month's figures, validated by the zod schema of its schema version, and rendered from that JSON alone.
//
// Decisions:
// - A published revision stores numbers and the few texts whose wording belongs to that moment (invoice lines
//   as they were explained, SLA item labels, the commentary), never references to rows that may change later.
// - Every snapshot carries `schemaVersion`. `parseSnapshot` picks the schema of that version, so a revision
//   published under schema 1 still parses (and renders) after the code moves to schema 2; a later version
//   adds its schema here and an upgrade of the older shape to the newer view.
// - Values that cannot be computed are null with the reason the KPI module gave (no data, zero denominator).
// - The top-3 levers are ranked over all of the client's base-scenario P/L lines by their yen a month.

import { z } from "zod";
import type { InvoiceLine, InvoiceOutcome } from "./invoice";
import type { Achievement, Change, Direction, KpiUnit, KpiValue, PeriodAggregate, Tier } from "./kpi";
import { kpiValue } from "./kpi";
import { COMMENTARY_MAX, COMMENTARY_SECTIONS, type ReportCommentary } from "./report-commentary";
import { rankLevers, topLevers } from "./sensitivity";
import type { SlaMonthResult } from "./sla";
import { computeLineFigures, type LineInput, validateLineInput } from "./unit-economics";
import type { Verdict } from "./verdict";

export const REPORT_SCHEMA_VERSION = 1;

// ─── Schema, version 1 ────────────────────────────────────────────────────────────────────────────────

const int = z.number().int();
const nint = int.nullable();
const MONTH_RE = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const bilingual = z.object({ ja: z.string(), en: z.string() });

const kpiRowV1 = z.object({
  kpi: z.string(),
  tier: z.enum(["surface", "quality"]),
  direction: z.enum(["higher", "lower"]),
  unit: z.enum(["yen", "count", "days", "hundredths", "bp"]),
  actual: nint,
  reason: z.enum(["not_entered", "zero_denominator", "no_contribution_basis"]).nullable(),
  target: nint,
  achievementBp: nint,
  status: z.enum(["on_track", "watch", "off_track"]).nullable(),
  momDelta: nint,
  momRelativeBp: nint,
  yoyDelta: nint,
  yoyRelativeBp: nint,
});

const invoiceV1 = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("invoice"),
    contractTitle: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    daysActive: int,
    daysInMonth: int,
    lines: z.array(
      z.object({
        section: z.enum(["initial", "monthly", "performance", "additional", "sla_credit"]),
        label: bilingual,
        how: bilingual,
        amount: int,
        credit: z.boolean(),
      }),
    ),
    taxRateBp: int,
    taxable: int,
    tax: int,
    total: int,
    missingActuals: z.array(z.string()),
  }),
  z.object({ kind: z.literal("none"), reason: z.enum(["no_contract", "before_term", "after_term"]) }),
]);

const slaOutcome = z.enum(["met", "missed", "pending", "no_data"]);

export const reportSnapshotV1 = z.object({
  schemaVersion: z.literal(1),
  month: z.string().regex(MONTH_RE),
  generatedAt: z.string(),
  client: z.object({ id: z.string(), name: z.string(), code: z.string() }),
  agencyName: z.string(),
  kpis: z.array(kpiRowV1),
  trends: z.object({
    weeks: z.array(z.string()),
    months: z.array(z.string()),
    series: z.array(
      z.object({
        kpi: z.string(),
        unit: z.enum(["yen", "count", "days", "hundredths", "bp"]),
        weekly: z.array(nint),
        monthly: z.array(nint),
      }),
    ),
  }),
  channels: z.array(
    z.object({ channel: z.string(), sales: nint, orders: nint, aov: nint, adSpend: nint, contribution: nint }),
  ),
  economics: z.object({
    contribution: nint,
    lines: z.array(z.object({ channel: z.string(), sku: z.string(), contributionPerOrder: int, monthlyOrders: int })),
  }),
  verdict: z
    .object({
      kind: z.enum(["go", "hold", "stop"]),
      decidingRules: z.array(z.string()),
      rules: z.array(
        z.object({
          code: z.string(),
          leadsTo: z.enum(["go", "stop"]),
          outcome: z.enum(["met", "not_met", "insufficient_data"]),
        }),
      ),
    })
    .nullable(),
  levers: z
    .array(z.object({ lever: z.string(), channel: z.string(), sku: z.string(), gainPerOrder: int, gainPerMonth: int }))
    .max(3),
  sla: z
    .object({
      items: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          measure: z.string(),
          outcome: slaOutcome,
          actualBp: nint,
          targetBp: nint,
          deadline: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  /** The system's own SLA: was the previous month's report published by its deadline. */
  previousReport: z.object({
    month: z.string().regex(MONTH_RE),
    deadline: z.string().nullable(),
    publishedOn: z.string().nullable(),
    outcome: slaOutcome,
  }),
  invoice: invoiceV1,
  commentary: z.object(
    Object.fromEntries(COMMENTARY_SECTIONS.map((k) => [k, z.string().max(COMMENTARY_MAX)])) as Record<
      (typeof COMMENTARY_SECTIONS)[number],
      z.ZodString
    >,
  ),
});

export type ReportSnapshotV1 = z.infer<typeof reportSnapshotV1>;
/** What the pages render: the newest shape (older versions are upgraded to it by `parseSnapshot`). */
export type ReportSnapshot = ReportSnapshotV1;
export type SnapshotKpiRow = ReportSnapshot["kpis"][number];
export type SnapshotInvoice = ReportSnapshot["invoice"];

const SCHEMAS: Record<number, { schema: z.ZodType; upgrade: (value: never) => ReportSnapshot }> = {
  1: { schema: reportSnapshotV1, upgrade: (v: ReportSnapshotV1) => v },
};

/** A stored snapshot, parsed with the schema of its own version and brought to the current shape. */
export function parseSnapshot(json: unknown): ReportSnapshot {
  const version =
    json !== null && typeof json === "object" && "schemaVersion" in json
      ? (json as { schemaVersion: unknown }).schemaVersion
      : null;
  const entry = typeof version === "number" ? SCHEMAS[version] : undefined;
  if (!entry) throw new Error(`unknown report schema version ${String(version)}`);
  return entry.upgrade(entry.schema.parse(json) as never);
}

// ─── Building ─────────────────────────────────────────────────────────────────────────────────────────

/** A row of the month's KPI table as lib/kpis/rollup.ts computes it. */
export interface KpiTableRowInput {
  kpi: string;
  tier: Tier;
  direction: Direction;
  unit: KpiUnit;
  actual: KpiValue;
  target: number | null;
  achievement: Achievement | null;
  monthOnMonth: Change | null;
  yearOnYear: Change | null;
}

export interface ReportLineInput {
  channel: string;
  sku: string;
  input: LineInput;
  monthlyOrders: number;
}

/** How an invoice line reads, in both languages (the contracts module's wording). */
export type DescribeInvoiceLine = (line: InvoiceLine) => {
  label: { ja: string; en: string };
  how: { ja: string; en: string };
};

export interface ReportInput {
  month: string;
  generatedAt: string;
  client: { id: string; name: string; code: string };
  agencyName: string;
  kpis: readonly KpiTableRowInput[];
  trends: ReportSnapshot["trends"];
  /** The month's figures per channel, and each channel's contribution (null: no P/L base line). */
  channels: readonly { channel: string; aggregate: PeriodAggregate; contribution: number | null }[];
  contribution: number | null;
  lines: readonly ReportLineInput[];
  verdict: Verdict | null;
  sla: { result: SlaMonthResult; labels: Readonly<Record<string, string>> } | null;
  previousReport: ReportSnapshot["previousReport"];
  invoice: { outcome: InvoiceOutcome; contractTitle: string; describe: DescribeInvoiceLine } | null;
  commentary: ReportCommentary;
}

export function kpiRowOf(row: KpiTableRowInput): SnapshotKpiRow {
  return {
    kpi: row.kpi,
    tier: row.tier,
    direction: row.direction,
    unit: row.unit,
    actual: row.actual.value,
    reason: row.actual.value === null ? row.actual.reason : null,
    target: row.target,
    achievementBp: row.achievement?.achievementBp ?? null,
    status: row.achievement?.status ?? null,
    momDelta: row.monthOnMonth?.delta ?? null,
    momRelativeBp: row.monthOnMonth?.relativeBp ?? null,
    yoyDelta: row.yearOnYear?.delta ?? null,
    yoyRelativeBp: row.yearOnYear?.relativeBp ?? null,
  };
}

export function channelRows(channels: ReportInput["channels"]): ReportSnapshot["channels"] {
  return [...channels]
    .sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0))
    .map(({ channel, aggregate, contribution }) => ({
      channel,
      sales: kpiValue("sales", aggregate).value,
      orders: kpiValue("orders", aggregate).value,
      aov: kpiValue("aov", aggregate).value,
      adSpend: kpiValue("ad_spend", aggregate).value,
      contribution,
    }));
}

/** Contribution per order of each valid base line, and the three levers worth the most yen a month over all. */
export function economicsOf(lines: readonly ReportLineInput[]): {
  lines: ReportSnapshot["economics"]["lines"];
  levers: ReportSnapshot["levers"];
} {
  const rows: ReportSnapshot["economics"]["lines"] = [];
  const levers: (ReportSnapshot["levers"][number] & { order: number })[] = [];
  let order = 0;
  for (const line of lines) {
    const valid = validateLineInput(line.input);
    if (!valid.ok) continue;
    const figures = computeLineFigures(valid.value);
    rows.push({
      channel: line.channel,
      sku: line.sku,
      contributionPerOrder: figures.contributionPerOrder,
      monthlyOrders: line.monthlyOrders,
    });
    for (const effect of topLevers(rankLevers(valid.value, line.monthlyOrders), 3)) {
      if (effect.gainPerMonth <= 0 && effect.gainPerOrder <= 0) continue;
      levers.push({
        lever: effect.lever,
        channel: line.channel,
        sku: line.sku,
        gainPerOrder: effect.gainPerOrder,
        gainPerMonth: effect.gainPerMonth,
        order: order++,
      });
    }
  }
  levers.sort((a, b) => b.gainPerMonth - a.gainPerMonth || b.gainPerOrder - a.gainPerOrder || a.order - b.order);
  return { lines: rows, levers: levers.slice(0, 3).map(({ order: _order, ...rest }) => rest) };
}

export function invoiceOf(invoice: ReportInput["invoice"]): SnapshotInvoice {
  if (invoice === null) return { kind: "none", reason: "no_contract" };
  const { outcome } = invoice;
  if (outcome.kind === "no_invoice") return { kind: "none", reason: outcome.reason };
  const inv = outcome.invoice;
  return {
    kind: "invoice",
    contractTitle: invoice.contractTitle,
    periodStart: inv.periodStart,
    periodEnd: inv.periodEnd,
    daysActive: inv.daysActive,
    daysInMonth: inv.daysInMonth,
    lines: inv.lines.map((line) => ({
      section: line.section,
      ...invoice.describe(line),
      amount: line.amount,
      credit: line.section === "sla_credit",
    })),
    taxRateBp: inv.taxRateBp,
    taxable: inv.totals.taxable,
    tax: inv.totals.tax,
    total: inv.totals.total,
    missingActuals: [...inv.missingActuals],
  };
}

/** The whole snapshot, validated: what a publication stores. */
export function buildReportSnapshot(input: ReportInput): ReportSnapshot {
  const economics = economicsOf(input.lines);
  const snapshot: ReportSnapshot = {
    schemaVersion: 1,
    month: input.month,
    generatedAt: input.generatedAt,
    client: { ...input.client },
    agencyName: input.agencyName,
    kpis: input.kpis.map(kpiRowOf),
    trends: input.trends,
    channels: channelRows(input.channels),
    economics: { contribution: input.contribution, lines: economics.lines },
    verdict: input.verdict
      ? {
          kind: input.verdict.verdict,
          decidingRules: [...input.verdict.decidingRules],
          rules: input.verdict.rules.map((r) => ({ code: r.code, leadsTo: r.leadsTo, outcome: r.outcome })),
        }
      : null,
    levers: economics.levers,
    sla: input.sla
      ? {
          items: input.sla.result.items.map((item) => ({
            key: item.key,
            label: input.sla?.labels[item.key] ?? item.key,
            measure: item.measure,
            outcome: item.outcome,
            actualBp: item.actualBp,
            targetBp: item.targetBp,
            deadline: item.deadline,
          })),
        }
      : null,
    previousReport: input.previousReport,
    invoice: invoiceOf(input.invoice),
    commentary: { ...input.commentary },
  };
  return reportSnapshotV1.parse(snapshot);
}

// ─── Comparing two revisions ──────────────────────────────────────────────────────────────────────────

export interface SnapshotDiffRow {
  path: string;
  left: string;
  right: string;
}

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, "[]");
    for (const [i, v] of value.entries()) flatten(v, `${path}.${i}`, out);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, value === null ? "—" : String(value));
  }
}

/** Every leaf that differs between two snapshots ("kpis.0.actual", "commentary.issues", …), in path order. */
export function diffSnapshots(left: ReportSnapshot, right: ReportSnapshot): SnapshotDiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten({ ...left, generatedAt: null }, "", a);
  flatten({ ...right, generatedAt: null }, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((path) => ({ path, left: a.get(path) ?? "", right: b.get(path) ?? "" }));
}
