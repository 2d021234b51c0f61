import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContractVersion } from "./contract";
import type { Invoice, InvoiceActuals, InvoiceOutcome, InvoiceSettings, InvoiceTotals } from "./invoice";
import { computeInvoice, prorate } from "./invoice";
import type { RoundingMode } from "./money";
import { actualsArb, allNumbersAreSafeIntegers, contractVersionArb, garbageNumber, monthArb } from "./test-arbitraries";

const RUNS = { numRuns: 1_000 };

const caseArb = contractVersionArb.chain((version) =>
  fc.record({
    version: fc.constant(version),
    month: monthArb(version),
    actuals: actualsArb(version),
    settings: fc.record({
      taxRateBp: fc.oneof(fc.constant(1_000), fc.constant(800), fc.integer({ min: 0, max: 10_000 })),
      taxRounding: fc.constantFrom<RoundingMode>("down", "half_up", "up"),
    }),
  }),
);

function outcome(
  version: ContractVersion,
  month: string,
  actuals: InvoiceActuals = {},
  settings: Partial<InvoiceSettings> = {},
): InvoiceOutcome {
  const result = computeInvoice(version, month, actuals, settings);
  if (!result.ok) throw new Error(`generator produced invalid input: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function invoiceOrNull(version: ContractVersion, month: string, actuals: InvoiceActuals = {}): Invoice | null {
  const o = outcome(version, month, actuals);
  return o.kind === "invoice" ? o.invoice : null;
}

// ── An independent reference: exact fractions in BigInt, days counted one by one ────────────────────

interface Fraction {
  n: bigint;
  d: bigint;
}

const frac = (n: bigint | number, d: bigint | number = 1n): Fraction => ({ n: BigInt(n), d: BigInt(d) });
const times = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });
/** Half-up to whole yen for a non-negative fraction: ⌊x + ½⌋. */
const halfUp = (x: Fraction): bigint => (2n * x.n + x.d) / (2n * x.d);
const floor = (x: Fraction): bigint => x.n / x.d;
const ceil = (x: Fraction): bigint => (x.n + x.d - 1n) / x.d;
const atLeast = (a: Fraction, b: Fraction): boolean => a.n * b.d >= b.n * a.d;
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max0 = (a: bigint): bigint => (a > 0n ? a : 0n);

const DAY = 86_400_000;
const utc = (key: string): number => Date.parse(`${key}T00:00:00Z`);

/** The last day of the term, following renewals while autoRenew holds; null = no end. */
function termEnd(v: ContractVersion): number | null {
  return v.terms.autoRenew || v.terms.endDate === null ? null : utc(v.terms.endDate);
}

function referenceTotals(
  v: ContractVersion,
  month: string,
  a: InvoiceActuals,
  s: InvoiceSettings,
): InvoiceTotals | "none" {
  const first = utc(`${month}-01`);
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = Date.UTC(y, m, 1);
  const start = utc(v.terms.startDate);
  const end = termEnd(v);
  let active = 0;
  for (let t = first; t < next; t += DAY) if (t >= start && (end === null || t <= end)) active++;
  if (active === 0) return "none";
  const dim = (next - first) / DAY;
  const share = frac(active, dim);

  // Initial: the k-th month of the term bills part k; a fixed term's last month bills every part left.
  const monthsFromStart =
    y * 12 + m - (Number(v.terms.startDate.slice(0, 4)) * 12 + Number(v.terms.startDate.slice(5, 7)));
  const total = v.fees.initialFeeLines.reduce((sum, l) => sum + BigInt(l.amount), 0n);
  const n = BigInt(v.fees.initialFeeSplitMonths);
  const part = (k: bigint): bigint => (k === 0n ? total - (total / n) * (n - 1n) : total / n);
  const lastMonth = end !== null && next > end;
  let initial = 0n;
  for (let k = 0n; k < n; k++) {
    if (k === BigInt(monthsFromStart) || (lastMonth && k > BigInt(monthsFromStart))) initial += part(k);
  }

  const monthly = v.fees.monthlyFeeLines.reduce((sum, l) => sum + halfUp(times(frac(l.amount), share)), 0n);

  let performance = 0n;
  for (const r of v.fees.performanceRules) {
    let amount = 0n;
    if (r.kind === "bonus_at_threshold") {
      let ratio: Fraction | null = null;
      if (r.metric === "roas") {
        if (a.adSpend && a.adRevenue !== undefined && a.adRevenue !== null) ratio = frac(a.adRevenue, a.adSpend);
      } else {
        const kv = a.kpiValues?.[r.metric];
        if (kv && kv.denominator > 0) ratio = frac(kv.numerator, kv.denominator);
      }
      if (ratio !== null && atLeast(ratio, frac(r.thresholdBp, 10_000))) amount = BigInt(r.bonus);
    } else {
      const value =
        r.kind === "per_unit_over_baseline"
          ? a.orders
          : r.basis === "sales"
            ? a.sales
            : r.basis === "gross_profit"
              ? a.grossProfit
              : r.basis === "ad_revenue"
                ? a.adRevenue
                : a.orders === undefined || a.orders === null
                  ? null
                  : a.orders * (r.aov ?? 0);
      if (value !== undefined && value !== null) {
        const excess = max0(BigInt(value) - BigInt(r.baseline));
        amount =
          r.kind === "per_unit_over_baseline"
            ? excess * BigInt(r.yenPerUnit)
            : halfUp(times(frac(excess), frac(r.rateBp, 10_000)));
      }
    }
    if (r.cap !== null && r.cap !== undefined) amount = min(amount, BigInt(r.cap));
    performance += amount;
  }

  let additional = 0n;
  for (const fee of v.fees.additionalFees) {
    additional +=
      fee.kind === "hourly"
        ? halfUp(frac(BigInt(fee.yenPerHour) * BigInt(a.customisationMinutes ?? 0), 60))
        : halfUp(times(frac(fee.monthly), share));
  }

  let slaCredit = 0n;
  if (v.sla !== null) {
    const cap = halfUp(times(frac(monthly), frac(v.sla.creditCapBp, 10_000)));
    const missed = new Set(a.missedSlaItems ?? []);
    for (const item of v.sla.items) {
      if (missed.has(item.key)) slaCredit += halfUp(times(frac(monthly), frac(item.creditBp, 10_000)));
    }
    slaCredit = min(slaCredit, cap);
  }

  const taxable = initial + monthly + performance + additional - slaCredit;
  const exactTax = times(frac(taxable), frac(s.taxRateBp, 10_000));
  const tax = s.taxRounding === "down" ? floor(exactTax) : s.taxRounding === "up" ? ceil(exactTax) : halfUp(exactTax);
  const num = (x: bigint) => Number(x);
  return {
    initial: num(initial),
    monthly: num(monthly),
    performance: num(performance),
    additional: num(additional),
    slaCredit: num(slaCredit),
    taxable: num(taxable),
    tax: num(tax),
    total: num(taxable + tax),
  };
}

// ── Properties ───────────────────────────────────────────────────────────────────────────────────────

describe("invoice properties", () => {
  it("agrees with an exact rational reference on random contracts", () => {
    fc.assert(
      fc.property(caseArb, ({ version, month, actuals, settings }) => {
        const o = outcome(version, month, actuals, settings);
        const expected = referenceTotals(version, month, actuals, settings);
        if (expected === "none") expect(o.kind).toBe("no_invoice");
        else expect(o.kind === "invoice" ? o.invoice.totals : o).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it("no line is negative, totals add up, every number is a safe integer", () => {
    fc.assert(
      fc.property(caseArb, ({ version, month, actuals, settings }) => {
        const o = outcome(version, month, actuals, settings);
        expect(allNumbersAreSafeIntegers(o)).toBe(true);
        if (o.kind !== "invoice") return;
        const { lines, totals: t } = o.invoice;
        for (const line of lines) expect(line.amount).toBeGreaterThanOrEqual(0);
        const sum = (section: string) => lines.filter((l) => l.section === section).reduce((s, l) => s + l.amount, 0);
        expect([sum("initial"), sum("monthly"), sum("performance"), sum("additional"), sum("sla_credit")]).toEqual([
          t.initial,
          t.monthly,
          t.performance,
          t.additional,
          t.slaCredit,
        ]);
        expect(t.taxable).toBe(t.initial + t.monthly + t.performance + t.additional - t.slaCredit);
        expect(t.taxable).toBeGreaterThanOrEqual(0);
        expect(t.total).toBe(t.taxable + t.tax);
      }),
      RUNS,
    );
  });

  it("no cap is exceeded: performance lines per rule, SLA credits in total", () => {
    fc.assert(
      fc.property(caseArb, ({ version, month, actuals }) => {
        const o = outcome(version, month, actuals);
        if (o.kind !== "invoice") return;
        for (const line of o.invoice.lines) {
          if (line.kind === "performance") {
            expect(line.amount).toBeLessThanOrEqual(line.uncapped);
            if (line.cap !== null) expect(line.amount).toBeLessThanOrEqual(line.cap);
          }
          if (line.kind === "sla_credit") expect(line.amount).toBeLessThanOrEqual(line.uncapped);
        }
        expect(o.invoice.totals.slaCredit).toBeLessThanOrEqual(o.invoice.slaCreditCap ?? 0);
        expect(o.invoice.totals.slaCredit).toBeLessThanOrEqual(o.invoice.totals.monthly);
      }),
      RUNS,
    );
  });

  it("tax is computed once per invoice: the rounding of taxable × rate", () => {
    fc.assert(
      fc.property(caseArb, ({ version, month, actuals, settings }) => {
        const o = outcome(version, month, actuals, settings);
        if (o.kind !== "invoice") return;
        const exact = BigInt(o.invoice.totals.taxable) * BigInt(settings.taxRateBp);
        const tax = BigInt(o.invoice.totals.tax);
        // tax × 10,000 is within one yen of taxable × rate, on the side the rounding mode says.
        if (settings.taxRounding === "down") expect(tax * 10_000n <= exact && exact < (tax + 1n) * 10_000n).toBe(true);
        if (settings.taxRounding === "up") expect(tax * 10_000n >= exact && exact > (tax - 1n) * 10_000n).toBe(true);
        if (settings.taxRounding === "half_up") {
          expect(2n * exact >= (2n * tax - 1n) * 10_000n && 2n * exact < (2n * tax + 1n) * 10_000n).toBe(true);
        }
        expect(o.invoice.taxRateBp).toBe(settings.taxRateBp);
      }),
      RUNS,
    );
  });

  it("the initial fee's parts over the whole term add up to the initial fee", () => {
    const fixedTerm = contractVersionArb.map((v) => ({
      ...v,
      terms: { ...v.terms, autoRenew: false, renewalMonths: null, endDate: v.terms.endDate ?? "2028-12-31" },
    }));
    fc.assert(
      fc.property(fixedTerm, (version) => {
        const whole = version.fees.initialFeeLines.reduce((s, l) => s + l.amount, 0);
        let billed = 0;
        const [y, m] = [Number(version.terms.startDate.slice(0, 4)), Number(version.terms.startDate.slice(5, 7))];
        for (let i = 0; ; i++) {
          const month = `${Math.floor((y * 12 + m - 1 + i) / 12)}-${String(((m - 1 + i) % 12) + 1).padStart(2, "0")}`;
          const invoice = invoiceOrNull(version, month);
          if (invoice === null) break;
          billed += invoice.totals.initial;
          // Every part of a split is the same whole-yen amount, but the first.
          const line = invoice.lines.find((l) => l.kind === "initial_instalment");
          if (line && i > 0 && line.parts === 1) expect(line.amount).toBe(Math.floor(whole / line.instalments));
        }
        expect(billed).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("a full month bills each monthly line whole; a month split between two terms bills it whole but for a tie", () => {
    fc.assert(
      fc.property(
        contractVersionArb,
        fc.integer({ min: 2025, max: 2027 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 27 }),
        (version, year, month, splitDay) => {
          const mm = String(month).padStart(2, "0");
          const ym = `${year}-${mm}`;
          const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const day = (d: number) => `${ym}-${String(d).padStart(2, "0")}`;
          const terms = { ...version.terms, autoRenew: false, renewalMonths: null, nextReviewDate: null };
          const whole = invoiceOrNull({ ...version, terms: { ...terms, startDate: day(1), endDate: day(dim) } }, ym);
          const before = invoiceOrNull(
            { ...version, terms: { ...terms, startDate: day(1), endDate: day(splitDay) } },
            ym,
          );
          const after = invoiceOrNull(
            { ...version, terms: { ...terms, startDate: day(splitDay + 1), endDate: null } },
            ym,
          );
          if (whole === null || before === null || after === null) throw new Error("term expected to cover the month");
          const monthlyOf = (inv: Invoice) => inv.lines.filter((l) => l.kind === "monthly_fee").map((l) => l.amount);
          expect(monthlyOf(whole)).toEqual(version.fees.monthlyFeeLines.map((l) => l.amount));
          version.fees.monthlyFeeLines.forEach((line, i) => {
            const sum = (monthlyOf(before)[i] ?? 0) + (monthlyOf(after)[i] ?? 0);
            // Both parts round half-up; only an exact half yen on each side adds one.
            const tie = 2 * ((line.amount * splitDay) % dim) === dim;
            expect(sum).toBe(line.amount + (tie ? 1 : 0));
            expect(prorate(line.amount, splitDay, dim)).toBe(monthlyOf(before)[i]);
          });
        },
      ),
      RUNS,
    );
  });

  it("never throws and never yields NaN, Infinity or fractions on garbage actuals and settings", () => {
    fc.assert(
      fc.property(
        contractVersionArb,
        fc.oneof(fc.string(), fc.constantFrom("2026-04", "2026-4", "")),
        fc.oneof(
          fc.anything(),
          fc.record({
            sales: garbageNumber,
            orders: garbageNumber,
            grossProfit: garbageNumber,
            adRevenue: garbageNumber,
            adSpend: garbageNumber,
            customisationMinutes: garbageNumber,
            kpiValues: fc.oneof(
              fc.anything(),
              fc.record({ cvr: fc.record({ numerator: garbageNumber, denominator: garbageNumber }) }),
            ),
            missedSlaItems: fc.oneof(fc.anything(), fc.array(fc.constantFrom("report_deadline", "x", 3))),
          }),
        ),
        fc.oneof(fc.anything(), fc.record({ taxRateBp: garbageNumber, taxRounding: fc.anything() })),
        (version, month, actuals, settings) => {
          const result = computeInvoice(version, month, actuals as InvoiceActuals, settings as InvoiceSettings);
          if (result.ok) expect(allNumbersAreSafeIntegers(result.value)).toBe(true);
          else expect(result.errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
