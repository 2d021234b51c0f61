// View models for contract pages: invoice lines as people read them (what, how computed, amount), a diff
// of two versions, and the figures a summary shows. Pure; the pages pass their translator and formatter.
import { addMonths, monthKey, parseMonthKey, tokyoDateKey } from "@/lib/domain/calendar";
import type { ContractVersion } from "@/lib/domain/contract";
import type { Invoice, InvoiceLine } from "@/lib/domain/invoice";
import { formatNumber } from "@/lib/format";

type Params = Record<string, string | number>;
/** A translator for keys under `contracts.` (the caller binds the namespace). */
export type ContractsT = (key: string, params?: Params) => string;

export type InvoiceRow = {
  section: InvoiceLine["section"];
  label: string;
  how: string;
  amount: number;
  credit: boolean;
};

const pct = (bp: number) => Number((bp / 100).toFixed(2)).toString();

/** One line of the invoice: its label, how it was computed, and the yen it adds (or, for a credit, takes off). */
export function invoiceRow(line: InvoiceLine, t: ContractsT, yen: (n: number) => string): InvoiceRow {
  const kind = (params?: Params) => line.label ?? t(`invoiceDoc.kinds.${line.kind}`, params);
  const parts: string[] = [];
  let label: string;
  switch (line.kind) {
    case "initial_fee":
      label = kind();
      parts.push(t("invoiceDoc.how.initial"));
      break;
    case "initial_instalment":
      label = t("invoiceDoc.kinds.initial_instalment", { instalment: line.instalment, instalments: line.instalments });
      parts.push(
        line.note?.code === "remaining_instalments_at_term_end"
          ? t("invoiceDoc.how.remaining", { parts: line.parts })
          : t("invoiceDoc.how.instalment", {
              total: yen(line.totalInitialFee),
              n: line.instalments,
              k: line.instalment,
            }),
      );
      break;
    case "monthly_fee":
    case "extra_marketplace":
    case "option":
      label = kind();
      parts.push(
        line.daysActive < line.daysInMonth
          ? t("invoiceDoc.how.prorated", {
              amount: yen(line.monthlyAmount),
              days: line.daysActive,
              daysInMonth: line.daysInMonth,
            })
          : t("invoiceDoc.how.full", { amount: yen(line.monthlyAmount) }),
      );
      break;
    case "performance": {
      label = kind();
      const isYen = line.basis !== "orders" && line.ruleKind !== "bonus_at_threshold";
      const fmt = (n: number | null) => (n === null ? "—" : isYen ? yen(n) : formatNumber(n));
      if (line.note?.code === "basis_missing") parts.push(t("invoiceDoc.how.missing"));
      else if (line.note?.code === "kpi_not_computable") parts.push(t("invoiceDoc.how.notComputable"));
      else if (line.ruleKind === "rate_over_baseline")
        parts.push(
          t("invoiceDoc.how.rate", {
            basisValue: fmt(line.basisValue),
            baseline: fmt(line.baseline),
            rate: pct(line.rateBp ?? 0),
          }),
        );
      else if (line.ruleKind === "per_unit_over_baseline")
        parts.push(
          t("invoiceDoc.how.perUnit", {
            basisValue: fmt(line.basisValue),
            baseline: fmt(line.baseline),
            yen: yen(line.yenPerUnit ?? 0),
          }),
        );
      else {
        const metric = t(`editor.metrics.${line.basis}`);
        const params = {
          metric,
          value: pct(line.basisValue ?? 0),
          threshold: pct(line.baseline),
          bonus: yen(line.bonus ?? 0),
        };
        parts.push(
          line.note?.code === "threshold_reached" || line.uncapped > 0
            ? t("invoiceDoc.how.bonus", params)
            : t("invoiceDoc.how.bonusMissed", params),
        );
      }
      if (line.note?.code === "capped" && line.cap !== null)
        parts.push(t("invoiceDoc.how.capped", { cap: yen(line.cap) }));
      break;
    }
    case "hourly":
      label = kind();
      parts.push(t("invoiceDoc.how.hourly", { yen: yen(line.yenPerHour), minutes: line.minutes }));
      break;
    case "sla_credit":
      label = line.label ?? line.key;
      parts.push(t("invoiceDoc.how.credit", { fee: yen(line.monthlyFee), rate: pct(line.creditBp) }));
      if (line.note?.code === "cap_reached") parts.push(t("invoiceDoc.how.capReached"));
      break;
  }
  return {
    section: line.section,
    label,
    how: parts.join("・"),
    amount: line.amount,
    credit: line.section === "sla_credit",
  };
}

export function invoiceRows(invoice: Invoice, t: ContractsT, yen: (n: number) => string): InvoiceRow[] {
  return invoice.lines.map((line) => invoiceRow(line, t, yen));
}

/** The invoice as CSV (UTF-8 with BOM for Excel): one row per line, then the tax summary. */
export function invoiceCsv(invoice: Invoice, t: ContractsT, yen: (n: number) => string): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // A leading =, +, - or @ would make a spreadsheet read a formula.
    const safe = /^[=+\-@\t\r]/.test(s) && typeof v === "string" ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const rate = pct(invoice.taxRateBp);
  const rows: (string | number)[][] = invoiceRows(invoice, t, yen).map((r) => [
    t(`invoiceDoc.sections.${r.section}`),
    r.label,
    r.how,
    r.credit ? -r.amount : r.amount,
  ]);
  rows.push(["", t("invoiceDoc.taxableTotal", { rate }), "", invoice.totals.taxable]);
  rows.push(["", t("invoiceDoc.tax", { rate }), "", invoice.totals.tax]);
  rows.push(["", t("invoiceDoc.total"), "", invoice.totals.total]);
  return `\uFEFF${[t("invoiceDoc.csvHeader"), ...rows.map((r) => r.map(cell).join(","))].join("\r\n")}\r\n`;
}

export type DiffRow = { path: string; left: string; right: string };

function flatten(value: unknown, path: string, out: Map<string, string>) {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, "[]");
    value.forEach((v, i) => {
      flatten(v, `${path}.${i}`, out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, value === null || value === undefined ? "—" : String(value));
  }
}

/** Every leaf field whose value differs between two versions, in document order. */
export function diffVersions(left: ContractVersion, right: ContractVersion): DiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(left, "", a);
  flatten(right, "", b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((p) => a.get(p) !== b.get(p))
    .map((p) => ({ path: p, left: a.get(p) ?? "—", right: b.get(p) ?? "—" }));
}

export function monthlyTotal(v: ContractVersion): number {
  return v.fees.monthlyFeeLines.reduce((s, l) => s + l.amount, 0);
}

export function initialTotal(v: ContractVersion): number {
  return v.fees.initialFeeLines.reduce((s, l) => s + l.amount, 0);
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one, and pages ask per request.
/** Today in Asia/Tokyo as "YYYY-MM-DD". */
export function tokyoToday(now = new Date()): string {
  return tokyoDateKey(now);
}

export function shiftMonth(month: string, delta: number): string {
  const ym = parseMonthKey(month);
  return ym ? monthKey(addMonths(ym, delta)) : month;
}

/** A starting point for a new contract: a month-start term of a year, renewing yearly, nothing else stated. */
export function blankVersion(today: string): ContractVersion {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const start = `${y}-${String(m).padStart(2, "0")}-01`;
  const endYm = addMonths({ year: y, month: m }, 11);
  const end = `${monthKey(endYm)}-${String(new Date(Date.UTC(endYm.year, endYm.month, 0)).getUTCDate()).padStart(2, "0")}`;
  return {
    terms: {
      startDate: start,
      endDate: end,
      autoRenew: true,
      renewalMonths: 12,
      noticeDays: 60,
      earlyTerminationFee: null,
      dataHandover: { provided: true, format: null },
      scope: { areas: ["listing_stock_pricing"], options: [] },
      clauses: { dataOwnership: "", confidentiality: "", thirdPartySharing: "", handover: "" },
      resultsNotGuaranteed: false,
      reviewCadenceMonths: null,
      nextReviewDate: null,
    },
    fees: {
      initialFeeLines: [],
      initialFeeSplitMonths: 1,
      monthlyFeeLines: [{ label: "運営代行", amount: 0 }],
      performanceRules: [],
      additionalFees: [],
    },
    sla: null,
  };
}
