// Domain benchmark: `npx tsx scripts/bench-domain.ts [lines]`.
// Pushes generated P/L lines (all three ad modes) through the unit-economics engine and sensitivity,
// and prints throughput and heap. Sections for other benchmarks (page rendering) go below the
// "Other benchmarks" marker and are called from main().

import { pathToFileURL } from "node:url";
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

export function printResults(results: readonly BenchResult[]): void {
  for (const r of results) {
    console.log(
      `${r.name.padEnd(22)} ${String(r.items).padStart(8)} in ${String(r.ms).padStart(6)} ms  ` +
        `${r.perSecond.toLocaleString("en-US").padStart(11)} lines/s  heap used ${r.heapUsedMb} MB`,
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
  printResults([...benchDomain(Number.isSafeInteger(count) && count > 0 ? count : 100_000), benchPlView()]);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
