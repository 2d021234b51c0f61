import { describe, expect, it } from "vitest";
import type { ContractVersion } from "./contract";
import { expandFeeCases, readFeeCases, SAMPLE_SLA, sampleVersion } from "./contract-fixtures";
import type { Invoice, InvoiceActuals, InvoiceLine, InvoiceOutcome, InvoiceSettings, PerformanceLine } from "./invoice";
import { computeInvoice, computeInvoices, instalment, prorate } from "./invoice";
import type { Result } from "./result";

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function invoiceOf(
  version: ContractVersion,
  month: string,
  actuals: InvoiceActuals = {},
  settings: Partial<InvoiceSettings> = {},
): Invoice {
  const outcome = unwrap(computeInvoice(version, month, actuals, settings));
  if (outcome.kind !== "invoice") throw new Error(`no invoice for ${month}: ${outcome.reason}`);
  return outcome.invoice;
}

function sectionSum(lines: readonly InvoiceLine[], section: InvoiceLine["section"]): number {
  return lines.filter((l) => l.section === section).reduce((sum, l) => sum + l.amount, 0);
}

function performanceLines(invoice: Invoice): PerformanceLine[] {
  return invoice.lines.filter((l): l is PerformanceLine => l.kind === "performance");
}

/** A minimal version: one monthly line, nothing else. */
function plain(overrides: Partial<ContractVersion["fees"]> = {}, terms: Partial<ContractVersion["terms"]> = {}) {
  const v = sampleVersion();
  v.terms = {
    ...v.terms,
    startDate: "2026-01-01",
    endDate: "2026-12-31",
    autoRenew: false,
    renewalMonths: null,
    ...terms,
  };
  v.fees = {
    initialFeeLines: [],
    initialFeeSplitMonths: 1,
    monthlyFeeLines: [{ label: "運営代行", amount: 200_000 }],
    performanceRules: [],
    additionalFees: [],
    ...overrides,
  };
  v.sla = null;
  return v;
}

describe("reference vectors (fee-cases.json)", () => {
  const file = readFeeCases();
  const cases = expandFeeCases(file);

  it("covers every case and month of the file", () => {
    expect(file.cases.map((c) => c.id.split(" ")[0])).toEqual(["F1", "F2", "F3", "F4", "F5", "F6"]);
    expect(cases).toHaveLength(9);
  });

  describe.each(cases)("$id", ({ version, month, actuals, expected }) => {
    const invoice = invoiceOf(version, month, actuals);

    it("reproduces the totals exactly", () => {
      expect(invoice.totals).toEqual(expected);
    });

    it("totals are the sums of the lines", () => {
      const t = invoice.totals;
      expect(sectionSum(invoice.lines, "initial")).toBe(t.initial);
      expect(sectionSum(invoice.lines, "monthly")).toBe(t.monthly);
      expect(sectionSum(invoice.lines, "performance")).toBe(t.performance);
      expect(sectionSum(invoice.lines, "additional")).toBe(t.additional);
      expect(sectionSum(invoice.lines, "sla_credit")).toBe(t.slaCredit);
    });
  });

  it("F3 shows the instalments and the prorated first month", () => {
    const f3 = cases.filter((c) => c.id.startsWith("F3"));
    const [april, may, june, july] = f3.map((c) => invoiceOf(c.version, c.month, c.actuals));
    expect(april?.lines).toContainEqual(
      expect.objectContaining({ kind: "initial_instalment", amount: 116_668, instalment: 1, instalments: 3 }),
    );
    expect(april?.lines).toContainEqual(
      expect.objectContaining({ kind: "monthly_fee", daysActive: 15, daysInMonth: 30, amount: 175_000 }),
    );
    expect(april?.periodStart).toBe("2026-04-16");
    expect(may?.lines).toContainEqual(expect.objectContaining({ kind: "initial_instalment", instalment: 2 }));
    expect(june?.lines).toContainEqual(expect.objectContaining({ kind: "initial_instalment", instalment: 3 }));
    expect(july?.lines.some((l) => l.section === "initial")).toBe(false);
  });

  it("F4 pays the per-order rule and the ROAS bonus; F5 pays neither", () => {
    const [f4, f5] = cases.filter((c) => /^F[45]/.test(c.id)).map((c) => invoiceOf(c.version, c.month, c.actuals));
    expect(
      performanceLines(f4 as Invoice).map((l) => [l.amount, l.excess, l.basisValue, l.note?.code ?? null]),
    ).toEqual([
      [45_000, 450, 1_450, null],
      [100_000, null, 41_667, "threshold_reached"],
    ]);
    expect(performanceLines(f5 as Invoice).map((l) => [l.amount, l.basisValue, l.note?.code])).toEqual([
      [0, 900, "below_baseline"],
      [0, 40_000, "threshold_not_reached"], // 3.999998 displays as 40,000 bp but is below 400 %
    ]);
  });

  it("F6 bills 217 minutes at ¥8,000/h as ¥28,933 and credits 5 % of the monthly fee", () => {
    const f6 = cases.find((c) => c.id.startsWith("F6"));
    if (f6 === undefined) throw new Error("F6 missing");
    const invoice = invoiceOf(f6.version, f6.month, f6.actuals);
    expect(invoice.lines).toContainEqual(expect.objectContaining({ kind: "hourly", minutes: 217, amount: 28_933 }));
    expect(invoice.lines).toContainEqual(
      expect.objectContaining({ kind: "sla_credit", key: "report_deadline", monthlyFee: 300_000, amount: 15_000 }),
    );
    expect(invoice.slaCreditCap).toBe(30_000);
  });
});

describe("term", () => {
  it("has no invoice outside the term, and says which side", () => {
    const v = plain();
    expect(unwrap(computeInvoice(v, "2025-12"))).toEqual<InvoiceOutcome>({
      kind: "no_invoice",
      month: "2025-12",
      reason: "before_term",
      termStart: "2026-01-01",
      termEnd: "2026-12-31",
    });
    expect(unwrap(computeInvoice(v, "2027-01"))).toMatchObject({ kind: "no_invoice", reason: "after_term" });
  });

  it("runs on past the end date with auto-renewal, and without an end date", () => {
    const renewing = plain({}, { autoRenew: true, renewalMonths: 12 });
    expect(invoiceOf(renewing, "2031-05").totals.monthly).toBe(200_000);
    const open = plain({}, { endDate: null });
    expect(invoiceOf(open, "2030-01").totals.monthly).toBe(200_000);
  });

  it("prorates the last month, and a term inside one month, by calendar days", () => {
    const v = plain({}, { endDate: "2026-02-10" });
    const feb = invoiceOf(v, "2026-02");
    expect([feb.daysActive, feb.daysInMonth, feb.totals.monthly]).toEqual([10, 28, 71_429]); // 200,000 × 10 ÷ 28 = 71,428.57
    expect(feb.periodEnd).toBe("2026-02-10");
    const short = plain({}, { startDate: "2026-03-10", endDate: "2026-03-20" });
    expect(invoiceOf(short, "2026-03").totals.monthly).toBe(prorate(200_000, 11, 31));
  });

  it("prorates each monthly line on its own, half-up", () => {
    const v = plain(
      {
        monthlyFeeLines: [
          { label: "a", amount: 35_001 },
          { label: "b", amount: 35_001 },
        ],
      },
      { startDate: "2026-04-16" },
    );
    // 35,001 × 15 ÷ 30 = 17,500.5 → 17,501 per line.
    expect(invoiceOf(v, "2026-04").totals.monthly).toBe(35_002);
  });

  it("bills the remaining initial-fee parts in the last month of a fixed term", () => {
    const v = plain(
      { initialFeeLines: [{ label: "導入設定", amount: 100_000 }], initialFeeSplitMonths: 6 },
      { startDate: "2026-04-01", endDate: "2026-05-31" },
    );
    const april = invoiceOf(v, "2026-04");
    const may = invoiceOf(v, "2026-05");
    expect(april.totals.initial).toBe(16_670);
    expect(may.totals.initial).toBe(83_330);
    expect(may.lines[0]).toMatchObject({
      kind: "initial_instalment",
      instalment: 2,
      parts: 5,
      note: { code: "remaining_instalments_at_term_end" },
    });
  });

  it("itemises an unsplit initial fee line by line", () => {
    const v = plain({
      initialFeeLines: [
        { label: "データ移行", amount: 150_000 },
        { label: "連携設定", amount: 80_000 },
      ],
    });
    const jan = invoiceOf(v, "2026-01");
    expect(jan.lines.filter((l) => l.kind === "initial_fee").map((l) => l.amount)).toEqual([150_000, 80_000]);
    expect(invoiceOf(v, "2026-02").totals.initial).toBe(0);
  });
});

describe("performance rules", () => {
  it("pays nothing and names the missing figure when the basis was not entered", () => {
    const v = plain({
      performanceRules: [{ kind: "rate_over_baseline", basis: "sales", rateBp: 500, baseline: 0, cap: null }],
    });
    const invoice = invoiceOf(v, "2026-03");
    expect(performanceLines(invoice)[0]).toMatchObject({
      amount: 0,
      basisValue: null,
      note: { code: "basis_missing", params: { basis: "sales" } },
    });
    expect(invoice.missingActuals).toEqual(["sales"]);
  });

  it("gross profit below the baseline (even negative) pays zero", () => {
    const v = plain({
      performanceRules: [{ kind: "rate_over_baseline", basis: "gross_profit", rateBp: 1_000, baseline: 0, cap: null }],
    });
    expect(performanceLines(invoiceOf(v, "2026-03", { grossProfit: -50_000 }))[0]).toMatchObject({
      amount: 0,
      excess: 0,
      note: { code: "below_baseline" },
    });
  });

  it("orders × AOV uses the agreed unit value and rounds the rate half-up", () => {
    const v = plain({
      performanceRules: [
        { kind: "rate_over_baseline", basis: "orders_x_aov", aov: 3_333, rateBp: 150, baseline: 1_000_000, cap: null },
      ],
    });
    // 1,001 × 3,333 = 3,336,333; excess 2,336,333 × 1.5 % = 35,044.995 → 35,045
    expect(performanceLines(invoiceOf(v, "2026-03", { orders: 1_001 }))[0]).toMatchObject({
      basisValue: 3_336_333,
      excess: 2_336_333,
      amount: 35_045,
    });
  });

  it("caps each rule per month, and says so", () => {
    const v = plain({
      performanceRules: [{ kind: "per_unit_over_baseline", basis: "orders", yenPerUnit: 50, baseline: 0, cap: 10_000 }],
    });
    expect(performanceLines(invoiceOf(v, "2026-03", { orders: 1_000 }))[0]).toMatchObject({
      uncapped: 50_000,
      cap: 10_000,
      amount: 10_000,
      note: { code: "capped" },
    });
  });

  it("a ROAS bonus with no ad spend is not paid and says why; with no figures it lists them missing", () => {
    const v = plain({
      performanceRules: [{ kind: "bonus_at_threshold", metric: "roas", thresholdBp: 40_000, bonus: 100_000 }],
    });
    const noSpend = invoiceOf(v, "2026-03", { adSpend: 0, adRevenue: 500_000 });
    expect(performanceLines(noSpend)[0]).toMatchObject({
      amount: 0,
      note: { code: "kpi_not_computable", params: { metric: "roas", missing: "adSpend" } },
    });
    expect(noSpend.missingActuals).toEqual([]);
    expect(invoiceOf(v, "2026-03").missingActuals).toEqual(["adSpend"]);
    expect(invoiceOf(v, "2026-03", { adSpend: 1 }).missingActuals).toEqual(["adRevenue"]);
  });

  it("pays a bonus exactly at the threshold, capped when a cap is set", () => {
    const v = plain({
      performanceRules: [
        { kind: "bonus_at_threshold", metric: "roas", thresholdBp: 40_000, bonus: 100_000, cap: 60_000 },
        { kind: "bonus_at_threshold", metric: "cvr", thresholdBp: 300, bonus: 20_000 },
        { kind: "bonus_at_threshold", metric: "repeat_rate", thresholdBp: 3_000, bonus: 30_000 },
      ],
    });
    const invoice = invoiceOf(v, "2026-03", {
      adRevenue: 2_000_000,
      adSpend: 500_000,
      kpiValues: { cvr: { numerator: 299, denominator: 10_000 }, repeat_rate: { numerator: 0, denominator: 0 } },
    });
    expect(performanceLines(invoice).map((l) => [l.amount, l.note?.code])).toEqual([
      [60_000, "threshold_reached"],
      [0, "threshold_not_reached"],
      [0, "kpi_not_computable"],
    ]);
  });
});

describe("additional fees and SLA credits", () => {
  it("prorates extra marketplaces and options like the monthly fee; hours are not prorated", () => {
    const v = plain(
      {
        additionalFees: [
          { kind: "extra_marketplace", label: "Qoo10", monthly: 30_000 },
          { kind: "option", label: "撮影", monthly: 50_000 },
          { kind: "hourly", label: "カスタマイズ", yenPerHour: 9_000 },
        ],
      },
      { startDate: "2026-04-16" },
    );
    const invoice = invoiceOf(v, "2026-04", { customisationMinutes: 90 });
    expect(invoice.lines.filter((l) => l.section === "additional").map((l) => l.amount)).toEqual([
      15_000, 25_000, 13_500,
    ]);
  });

  it("takes credits in item order until the cap, cutting the one that crosses it", () => {
    const v = plain({ monthlyFeeLines: [{ label: "運営代行", amount: 300_000 }] });
    v.sla = { ...SAMPLE_SLA, creditCapBp: 600 };
    const invoice = invoiceOf(v, "2026-03", { missedSlaItems: ["first_response", "report_deadline"] });
    expect(invoice.lines.filter((l) => l.kind === "sla_credit").map((l) => [l.amount, l.note?.code ?? null])).toEqual([
      [15_000, null],
      [3_000, "cap_reached"],
    ]);
    expect(invoice.totals.slaCredit).toBe(18_000);
  });

  it("credits a share of the prorated monthly fee", () => {
    const v = plain({ monthlyFeeLines: [{ label: "運営代行", amount: 300_000 }] }, { startDate: "2026-04-16" });
    v.sla = SAMPLE_SLA;
    const invoice = invoiceOf(v, "2026-04", { missedSlaItems: ["report_deadline"] });
    expect(invoice.totals.monthly).toBe(150_000);
    expect(invoice.totals.slaCredit).toBe(7_500);
  });
});

describe("tax", () => {
  it("is computed once on the taxable total with the agency's rounding", () => {
    const v = plain({ monthlyFeeLines: [{ label: "a", amount: 100_005 }] });
    expect(invoiceOf(v, "2026-03").totals).toMatchObject({ taxable: 100_005, tax: 10_000, total: 110_005 });
    expect(invoiceOf(v, "2026-03", {}, { taxRounding: "half_up" }).totals.tax).toBe(10_001);
    expect(invoiceOf(v, "2026-03", {}, { taxRounding: "up" }).totals.tax).toBe(10_001);
    expect(invoiceOf(v, "2026-03", {}, { taxRateBp: 800 }).totals.tax).toBe(8_000);
  });

  it("rounds the sum, not each line: two lines of ¥15 give ¥3 tax rounded down, not ¥2", () => {
    const v = plain({
      monthlyFeeLines: [
        { label: "a", amount: 15 },
        { label: "b", amount: 15 },
      ],
    });
    expect(invoiceOf(v, "2026-03").totals.tax).toBe(3);
  });
});

describe("invalid input", () => {
  it("answers field errors, never throws", () => {
    const v = plain();
    const result = computeInvoice(
      v,
      "2026-13",
      { sales: -1, missedSlaItems: ["nope"], kpiValues: { roas: { numerator: 1, denominator: 1 } } } as InvoiceActuals,
      { taxRounding: "banker" as never },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ["month", "invalid_format"],
      ["actuals.sales", "must_not_be_negative"],
      ["actuals.kpiValues.roas", "invalid_option"],
      ["actuals.missedSlaItems.0", "invalid_option"],
      ["settings.taxRounding", "invalid_option"],
    ]);
  });

  it("validates the version first", () => {
    const v = plain({ initialFeeSplitMonths: 0 });
    const result = computeInvoice(v, "2026-03");
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(["fees.initialFeeSplitMonths"]);
  });
});

describe("helpers", () => {
  it("splits into equal parts with the remainder first", () => {
    expect([0, 1, 2].map((k) => instalment(350_000, 3, k))).toEqual([116_668, 116_666, 116_666]);
    expect([0, 1, 2].map((k) => instalment(4, 3, k))).toEqual([2, 1, 1]);
    expect(instalment(0, 5, 0)).toBe(0);
  });

  it("prorates half-up and returns whole months whole", () => {
    expect(prorate(350_000, 15, 30)).toBe(175_000);
    expect(prorate(1, 15, 30)).toBe(1);
    expect(prorate(999_999, 31, 31)).toBe(999_999);
  });
});

describe("computeInvoices", () => {
  it("bills several months of one version, validating it once", () => {
    const v = plain({}, { startDate: "2026-01-16", endDate: "2026-03-31" });
    const result = computeInvoices(v, [{ month: "2025-12" }, { month: "2026-01" }, { month: "2026-03", actuals: {} }]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.map((o) => (o.kind === "invoice" ? o.invoice.totals.monthly : o.reason))).toEqual([
      "before_term",
      103_226,
      200_000,
    ]);
  });

  it("names the month's position in its errors", () => {
    const result = computeInvoices(plain(), [{ month: "2026-01" }, { month: "2026-02", actuals: { orders: -1 } }]);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(["months.1.actuals.orders"]);
    const settings = computeInvoices(plain(), [{ month: "2026-01" }], { taxRateBp: 10_001 });
    expect(settings.ok ? [] : settings.errors.map((e) => e.field)).toEqual(["settings.taxRateBp"]);
  });
});
