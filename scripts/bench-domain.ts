// Domain benchmark: `npx tsx scripts/bench-domain.ts [lines]`.
// Pushes generated P/L lines (all three ad modes) through the unit-economics engine and sensitivity,
// and generated contracts × months through the invoice engine, and prints throughput and heap. Sections for other benchmarks (page rendering) go below the
// "Other benchmarks" marker and are called from main().

import { pathToFileURL } from "node:url";
import type { ContractVersion, PerformanceRule } from "../lib/domain/contract";
import type { InvoiceActuals, InvoiceOutcome } from "../lib/domain/invoice";
import { computeInvoice, computeInvoices } from "../lib/domain/invoice";
import { analyseSensitivity } from "../lib/domain/sensitivity";
import type { AdsInput, LineInput } from "../lib/domain/unit-economics";
import { computeLine } from "../lib/domain/unit-economics";
import { buildLineViews } from "../lib/economics/view";
import { SCENARIOS } from "../lib/options";

export interface BenchResult {
  name: string;
  items: number;
  ms: number;
  perSecond: number;
  heapUsedMb: number;
  /** What `items` counts; "lines" when absent. */
  unit?: string;
}

/** Deterministic generator (mulberry32) so every run measures the same lines. */
function random(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % (max + 1)) | 0;
  };
}

export function generateLines(count: number, seed = 4): LineInput[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i): LineInput => {
    const modes: AdsInput[] = [
      { mode: "cpa", cpa: next(3_000) },
      { mode: "cpc_cvr", cpc: 1 + next(200), cvrBp: 1 + next(1_000) },
      { mode: "acos", acosBp: next(5_000) },
    ];
    return {
      aov: 500 + next(30_000),
      grossMarginBp: next(9_000),
      feeRateBp: next(2_000),
      pointsRateBp: next(1_000),
      shipping: next(1_200),
      packaging: next(200),
      returnLoss: next(300),
      otherVariable: i % 5 === 0 ? [{ name: "FBA fulfilment", amount: next(600) }] : [],
      ads: modes[i % 3] ?? { mode: "cpa", cpa: 0 },
      targetContributionPerOrder: i % 2 === 0 ? next(2_000) : undefined,
    };
  });
}

function heapUsedMb(): number {
  return Math.round((process.memoryUsage().heapUsed / 1_048_576) * 10) / 10;
}

function measure(name: string, items: number, run: () => void): BenchResult {
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  return { name, items, ms: Math.round(ms), perSecond: Math.round(items / (ms / 1_000)), heapUsedMb: heapUsedMb() };
}

/** Unit-economics engine: validation + computation, and the five-lever sensitivity per line. */
export function benchDomain(count = 100_000): BenchResult[] {
  const lines = generateLines(count);
  let failures = 0;
  let checksum = 0;
  const results = [
    measure("computeLine", count, () => {
      for (const line of lines) {
        const r = computeLine(line);
        if (r.ok) checksum += r.value.contributionPerOrder;
        else failures++;
      }
    }),
    measure("analyseSensitivity", count, () => {
      for (const line of lines) {
        const r = analyseSensitivity(line, 500);
        if (r.ok) checksum += r.value[0]?.gainPerOrder ?? 0;
        else failures++;
      }
    }),
  ];
  // Printing the checksum keeps the work observable, so no engine can skip it.
  console.log(`generated ${count} lines, ${failures} rejected, checksum ${checksum}`);
  return results;
}

/** Contracts with every fee shape: split initial fees, mid-month starts, performance rules, SLA credits. */
export function generateContracts(count: number, seed = 7): ContractVersion[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i): ContractVersion => {
    const rules: PerformanceRule[] = [
      { kind: "rate_over_baseline", basis: "sales", rateBp: 100 + next(900), baseline: next(5_000_000), cap: 200_000 },
      { kind: "per_unit_over_baseline", basis: "orders", yenPerUnit: 50 + next(150), baseline: next(2_000), cap: null },
      { kind: "bonus_at_threshold", metric: "roas", thresholdBp: 30_000 + next(20_000), bonus: 100_000, cap: null },
    ];
    const year = 2024 + next(2);
    const month = 1 + next(11);
    const day = 1 + next(27);
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      terms: {
        startDate: `${year}-${pad(month)}-${pad(day)}`,
        endDate: `${year + 3}-${pad(month)}-${pad(day)}`,
        autoRenew: i % 2 === 0,
        renewalMonths: i % 2 === 0 ? 12 : null,
        noticeDays: 60,
        earlyTerminationFee: 0,
        dataHandover: { provided: true, format: "CSV" },
        scope: { areas: ["listing_stock_pricing", "orders_shipping", "customer_support"], options: ["photography"] },
        clauses: {
          dataOwnership: "委託者に帰属",
          confidentiality: "秘密保持",
          thirdPartySharing: "同意なく提供しない",
          handover: "CSV",
        },
        resultsNotGuaranteed: true,
        reviewCadenceMonths: 3,
        nextReviewDate: null,
      },
      fees: {
        initialFeeLines: [
          { label: "データ移行", amount: 100_000 + next(200_000) },
          { label: "商品登録初期整備", amount: next(300_000) },
        ],
        initialFeeSplitMonths: 1 + (i % 6),
        monthlyFeeLines: [
          { label: "運営代行", amount: 200_000 + next(300_000) },
          { label: "月次レポート", amount: next(80_000) },
        ],
        performanceRules: rules.slice(0, 1 + (i % 3)),
        additionalFees: [
          { kind: "extra_marketplace", label: "Qoo10 追加", monthly: 30_000 },
          { kind: "hourly", label: "カスタマイズ", yenPerHour: 8_000 },
          { kind: "option", label: "商品撮影", monthly: 50_000, option: "photography" },
        ],
      },
      sla: {
        supportDays: ["mon", "tue", "wed", "thu", "fri"],
        supportOnHolidays: false,
        supportFrom: "10:00",
        supportTo: "18:00",
        channels: ["email", "chat"],
        firstResponseHours: 4,
        resolutionHours: { p1: 8, p2: 24, p3: 72 },
        escalationRoute: "オペレーター → マネージャー",
        escalationDeadlineHours: 2,
        reportDeadlineBusinessDay: 5,
        weeklyUpdateDay: "mon",
        items: [
          {
            key: "report_deadline",
            label: "月次レポート期限",
            measure: "report_deadline",
            targetBp: null,
            creditBp: 500,
          },
          { key: "first_response", label: "一次回答", measure: "response_rate", targetBp: 9_000, creditBp: 300 },
        ],
        creditCapBp: 600,
      },
    };
  });
}

/** 36 consecutive months from each contract's first month, with the month's actuals. */
function generateMonths(contract: ContractVersion, next: (max: number) => number): [string, InvoiceActuals][] {
  const [y, m] = contract.terms.startDate.split("-").map(Number) as [number, number];
  return Array.from({ length: 36 }, (_, k): [string, InvoiceActuals] => {
    const index = y * 12 + m - 1 + k;
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    const missed = next(9);
    return [
      month,
      {
        sales: next(12_000_000),
        orders: next(4_000),
        adRevenue: next(3_000_000),
        adSpend: next(10) === 0 ? 0 : 1 + next(800_000),
        customisationMinutes: next(4) === 0 ? next(600) : 0,
        missedSlaItems: missed === 0 ? ["report_deadline"] : missed === 1 ? ["report_deadline", "first_response"] : [],
      },
    ];
  });
}

/**
 * Invoice engine, 1,000 contracts × 36 months: `computeInvoices` (each version validated once, each month's
 * actuals validated and billed), and `computeInvoice` called per month (the version validated every time).
 * Throughput is reported against the process's CPU time as well as wall time: on a shared machine the wall
 * clock also counts the time other processes hold the core.
 */
export function benchInvoices(contracts = 1_000, rounds = 5): BenchResult[] {
  const versions = generateContracts(contracts);
  const next = random(11);
  const work = versions.map((version) => ({
    version,
    months: generateMonths(version, next).map(([month, actuals]) => ({ month, actuals })),
  }));
  const invoices = contracts * 36;
  let checksum = 0;
  let none = 0;
  let failures = 0;
  const count = (outcome: InvoiceOutcome) => {
    if (outcome.kind === "invoice") checksum += outcome.invoice.totals.total;
    else none++;
  };
  const batched = () => {
    for (const { version, months } of work) {
      const r = computeInvoices(version, months);
      if (r.ok) for (const outcome of r.value) count(outcome);
      else failures++;
    }
  };
  const perCall = () => {
    for (const { version, months } of work) {
      for (const { month, actuals } of months) {
        const r = computeInvoice(version, month, actuals);
        if (r.ok) count(r.value);
        else failures++;
      }
    }
  };
  const best = (name: string, run: () => void): BenchResult => {
    run(); // warm-up
    // The best of a few rounds: on a shared machine the slower rounds measure the neighbours.
    let fastest: BenchResult | null = null;
    let cpuPerSecond = 0;
    for (let i = 0; i < rounds; i++) {
      const cpu = process.cpuUsage();
      const result = measure(name, invoices, run);
      const used = process.cpuUsage(cpu);
      cpuPerSecond = Math.max(cpuPerSecond, Math.round(invoices / ((used.user + used.system) / 1e6)));
      if (fastest === null || result.ms < fastest.ms) fastest = result;
    }
    if (fastest === null) throw new Error("no rounds");
    console.log(
      `${name}: ${fastest.perSecond.toLocaleString("en-US")} invoices/s wall, ` +
        `${cpuPerSecond.toLocaleString("en-US")} invoices/s of CPU time, one core (target ≥ 100,000)`,
    );
    return { ...fastest, unit: "invoices" };
  };
  const results = [best(`computeInvoices ${contracts}×36`, batched), best(`computeInvoice ${contracts}×36`, perCall)];
  console.log(
    `invoices: ${invoices} per round; over all rounds ${none} outside a term, ${failures} rejected, checksum ${checksum}`,
  );
  return results;
}

export function printResults(results: readonly BenchResult[]): void {
  for (const r of results) {
    console.log(
      `${r.name.padEnd(22)} ${String(r.items).padStart(8)} in ${String(r.ms).padStart(6)} ms  ` +
        `${r.perSecond.toLocaleString("en-US").padStart(11)} ${r.unit ?? "lines"}/s  heap used ${r.heapUsedMb} MB`,
    );
  }
}

// ── Other benchmarks ─────────────────────────────────────────────────────────────────────────────────
// The P/L page's server-side work for one client with 300 lines × 3 scenarios: every figure, the top levers
// and the pacing (lib/economics/view.ts), as the page computes them before rendering. The page's full HTTP
// render time is measured by `scripts/bench-pages.ts --pages pl`, which `npm run bench:domain` runs next.
export function benchPlView(lines = 300, repeats = 20): BenchResult {
  const generated = generateLines(lines);
  const rows = generated.flatMap((line, i) =>
    SCENARIOS.map((scenario) => ({
      id: `${i}-${scenario}`,
      version: 1,
      channel: "rakuten" as const,
      sku: `SKU-${i}`,
      scenario,
      aov: line.aov,
      grossMarginBp: line.grossMarginBp,
      feeRateBp: line.feeRateBp,
      pointsRateBp: line.pointsRateBp,
      shipping: line.shipping,
      packaging: line.packaging,
      returnLoss: line.returnLoss,
      otherVariable: [...(line.otherVariable ?? [])],
      adMode: line.ads.mode,
      cpa: line.ads.mode === "cpa" ? line.ads.cpa : null,
      cpc: line.ads.mode === "cpc_cvr" ? line.ads.cpc : null,
      cvrBp: line.ads.mode === "cpc_cvr" ? line.ads.cvrBp : null,
      acosBp: line.ads.mode === "acos" ? line.ads.acosBp : null,
      targetContribution: line.targetContributionPerOrder ?? null,
      monthlyOrders: 500,
    })),
  );
  let views = 0;
  const result = measure(`P/L view ${lines}×3`, rows.length * repeats, () => {
    for (let r = 0; r < repeats; r++) views += buildLineViews(rows, [450_000, 600_000], 30).length;
  });
  console.log(`P/L view model: ${(result.ms / repeats).toFixed(1)} ms per page (${views / repeats} lines)`);
  return result;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  console.log(`heap used at start ${heapUsedMb()} MB`);
  printResults([
    ...benchDomain(Number.isSafeInteger(count) && count > 0 ? count : 100_000),
    ...benchInvoices(),
    benchPlView(),
  ]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
