// Page benchmark: `npm run bench [-- --no-build] [--duration 10] [--rounds 2] [--connections 10] [--warmup 50]
// [--port N] [--pages bare,floor,login,clients,pl] [--strict]`.
// Builds the app, generates a data set (scripts/bench-data.ts) in a fresh database — an embedded PGlite
// directory, or, when DATABASE_URL is set, a new `portal_bench` database on that (local) Postgres server —
// starts the production server on it, signs in as the owner and loads each page with a fixed number of
// concurrent connections for a fixed time:
//   bare     /bench-bare: one `select 1` under a root layout of its own (no session, providers or styles) —
//            the framework's floor on this machine
//   floor    /bench-floor: the same query under the signed-in layout (session, membership, shell)
//   login    /login, signed out
//   clients  /clients, the client list (500 clients)
//   pl       a client's P/L page (300 lines × 3 scenarios)
//   contract, invoice  a contract with 20 fee lines and 10 rules, and its month's invoice
//   kpis     a client's KPI page (this month) with 3 years × 6 channels of weekly figures
//   entry    the same client's weekly entry grid (this week)
//   report   the same client's published report of last month
//   portfolio /portfolio: every client's margin for last month (500 clients), 25 rows with KPIs and verdicts
//   start    /: the manager's start page over the same 500 clients
// and then the time to save one week of the KPI client through the entry grid's server action (p50/p95).
// Pages take turns (`--rounds` slices of `--duration` seconds each), so that a disturbance on the machine
// lands on all of them. Prints requests/s, latency percentiles, response sizes, the server's memory and CPU,
// and the ratios the pages are held to, with their targets.
import os from "node:os";
import { parseArgs } from "node:util";
import { addWeeks, isoWeekKey, isoWeekOf } from "@/lib/domain/calendar";
import { measuresForPlan } from "@/lib/domain/kpi";
import { DEFAULT_PLAN_ITEMS } from "@/lib/domain/kpi-plan";
import {
  actionId,
  BenchServer,
  type CpuShare,
  callActionWithArgs,
  cpuShare,
  fetchPage,
  fixed,
  freePort,
  load,
  log,
  PageStats,
  type Prepared,
  percentile,
  prepareBuild,
  prepareDatabase,
  processTree,
  round,
  runWithServer,
  sampleCpu,
  signIn,
} from "./bench-lib";

const { values: options } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "10" },
    warmup: { type: "string", default: "50" },
    "max-requests": { type: "string", default: "200000" },
    port: { type: "string" },
    pages: {
      type: "string",
      default: "bare,floor,login,clients,pl,contract,invoice,kpis,entry,report,portfolio,start",
    },
    saves: { type: "string", default: "60" },
    // Exit with 1 when a ratio misses its target (by default only errors fail the run).
    strict: { type: "boolean", default: false },
  },
});

const DURATION_MS = Number(options.duration) * 1000;
const ROUNDS = Number(options.rounds);
const CONNECTIONS = Number(options.connections);
const WARMUP = Number(options.warmup);
const MAX_REQUESTS = Number(options["max-requests"]);

type PageName =
  | "bare"
  | "floor"
  | "login"
  | "clients"
  | "pl"
  | "contract"
  | "invoice"
  | "kpis"
  | "entry"
  | "report"
  | "portfolio"
  | "start";
const PAGE_NAMES: PageName[] = [
  "bare",
  "floor",
  "login",
  "clients",
  "pl",
  "contract",
  "invoice",
  "kpis",
  "entry",
  "report",
  "portfolio",
  "start",
];

type Page = {
  name: PageName;
  path: string;
  /** Signed out pages are loaded without the session cookie. */
  signedIn: boolean;
  /** Something only a correct answer contains. */
  marker: string;
};

type Result = ReturnType<PageStats["summary"]> & { name: PageName; path: string; cpu: CpuShare };

/** The ratios the pages are held to: req/s of one page over another's, measured in the same run. */
const TARGETS: { page: PageName; over: PageName; min: number; label: string }[] = [
  { page: "floor", over: "bare", min: 0.5, label: "signed-in floor ÷ bare floor" },
  { page: "clients", over: "floor", min: 0.6, label: "client list (500 clients) ÷ signed-in floor" },
  { page: "pl", over: "floor", min: 0.3, label: "P/L page (300 lines × 3) ÷ signed-in floor" },
  // Reported, with no target yet (min 0): a contract with 20 fee lines and 10 rules, and its month's invoice.
  { page: "contract", over: "floor", min: 0, label: "contract page (20 fee lines, 10 rules) ÷ signed-in floor" },
  { page: "invoice", over: "floor", min: 0, label: "invoice page (same contract) ÷ signed-in floor" },
  { page: "kpis", over: "floor", min: 0.5, label: "KPI page (3 years × 6 channels) ÷ signed-in floor" },
  { page: "entry", over: "floor", min: 0.5, label: "weekly entry page (same client) ÷ signed-in floor" },
  { page: "report", over: "floor", min: 0.5, label: "published report (same client, last month) ÷ signed-in floor" },
  { page: "portfolio", over: "floor", min: 0.5, label: "portfolio (500 clients) ÷ signed-in floor" },
  { page: "start", over: "floor", min: 0.5, label: "manager's start page (500 clients) ÷ signed-in floor" },
];
/** The P/L page's HTML, at most. */
const PL_MAX_KB = 400;

function pagesOf(data: Prepared["data"]): Page[] {
  const all: Record<PageName, Page> = {
    bare: { name: "bare", path: "/bench-bare", signedIn: true, marker: 'data-bench-bare="1"' },
    floor: { name: "floor", path: "/bench-floor", signedIn: true, marker: 'data-bench-floor="1"' },
    login: { name: "login", path: "/login", signedIn: false, marker: 'type="password"' },
    clients: { name: "clients", path: "/clients", signedIn: true, marker: "" },
    // The grid shows 25 lines a page, ordered by channel then SKU: the first page is the first 25 Rakuten
    // lines, SKU-0001 … SKU-0145 (every sixth line), so its last line proves the whole page rendered.
    pl: { name: "pl", path: `/clients/${data.plClientId}/economics`, signedIn: true, marker: "SKU-0145" },
    contract: {
      name: "contract",
      path: `/clients/${data.contract.clientId}/contracts/${data.contract.contractId}`,
      signedIn: true,
      marker: "月額 10",
    },
    invoice: {
      name: "invoice",
      path: `/clients/${data.contract.clientId}/contracts/${data.contract.contractId}/invoice/${data.contract.month}`,
      signedIn: true,
      marker: "月額 10",
    },
    kpis: { name: "kpis", path: `/clients/${data.kpi.clientId}/kpis`, signedIn: true, marker: "貢献利益" },
    entry: { name: "entry", path: `/clients/${data.kpi.clientId}/kpis/entry`, signedIn: true, marker: "週次入力" },
    report: {
      name: "report",
      path: `/clients/${data.report.clientId}/reports/${data.report.month}`,
      signedIn: true,
      marker: "第1版",
    },
    portfolio: { name: "portfolio", path: "/portfolio", signedIn: true, marker: "ポートフォリオ" },
    start: { name: "start", path: "/", signedIn: true, marker: "今週やること" },
  };
  const wanted = String(options.pages)
    .split(",")
    .map((name) => name.trim());
  const unknown = wanted.filter((name) => !PAGE_NAMES.includes(name as PageName));
  if (unknown.length > 0) throw new Error(`--pages: unknown ${unknown.join(", ")} (known: ${PAGE_NAMES.join(", ")})`);
  return PAGE_NAMES.filter((name) => wanted.includes(name)).map((name) => all[name]);
}

// ---------------------------------------------------------------------------------------------------------
// Report

function printReport(prepared: Prepared, results: Result[], memory: { startup: number; after: ServerMemory }) {
  const header = [
    "page",
    "path",
    "requests",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "errors",
    "KB/resp",
    "CPU srv/gen/pg/other",
  ];
  const cpuCell = (c: CpuShare) => [c.server, c.loadGenerator, c.postgres, c.other].map((n) => n.toFixed(2)).join("/");
  const rows = results.map((r) => [
    r.name,
    r.path.length > 40 ? `${r.path.slice(0, 37)}…` : r.path,
    String(r.requests),
    fixed(r.rps),
    fixed(r.p50),
    fixed(r.p95),
    fixed(r.p99),
    String(r.errors),
    fixed(r.meanKb),
    fixed(serverMsPerRequest(r), 2),
    cpuCell(r.cpu),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  const { counts } = prepared.data;
  console.log("");
  console.log(`Page benchmark — ${prepared.label}`);
  console.log(
    `data: 1 agency, ${counts.clients} clients, ${counts.members} members (1 owner, ${counts.managers} managers, ` +
      `${counts.operators} operators), ${counts.assignments} assignments; signed in as the owner`,
  );
  console.log(
    `load: ${CONNECTIONS} connections × ${DURATION_MS / 1000} s per page (${ROUNDS} rounds, pages taking turns) ` +
      `after ${WARMUP} warm-up requests; Node ${process.version}, ${os.cpus().length} CPUs (load generator on the same machine)`,
  );
  console.log("");
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log("");

  const ratios = ratiosOf(results);
  for (const r of ratios) {
    const verdict = r.min === 0 ? "INFO" : r.pass ? "PASS" : "FAIL";
    console.log(
      `${verdict}  ${r.label}: ${fixed(r.value, 2)}× req/s (target ≥ ${fixed(r.min, 2)}), p50 ${fixed(r.p50, 2)}×, ` +
        `by server CPU per request ${fixed(r.byCpu, 2)}×`,
    );
  }
  const pl = results.find((r) => r.name === "pl");
  if (pl) {
    const pass = pl.meanKb <= PL_MAX_KB;
    console.log(`${pass ? "PASS" : "FAIL"}  P/L page HTML: ${fixed(pl.meanKb)} KB (target ≤ ${PL_MAX_KB} KB)`);
  }
  console.log("");
  console.log(
    `server RSS (pid ${memory.after.pid}, ${memory.after.command || "?"}): ${fixed(memory.startup)} MB after warm-up, ` +
      `${fixed(memory.after.rssMb)} MB after the run`,
  );
  console.log(
    "CPU: average cores busy during each measurement — the server (next-server and its parents), this load " +
      `generator, Postgres backends, everything else (${os.cpus().length} cores in all); srv CPU ms/req is the ` +
      "server's CPU time per request",
  );
  for (const r of results) {
    if (r.errors > 0) console.log(`errors on ${r.path}: ${JSON.stringify(r.statuses)}`);
    if (r.cpu.other >= 0.1) {
      console.log(
        `WARNING: other processes kept ${r.cpu.other.toFixed(2)} cores busy while measuring ${r.name} ` +
          `(${r.cpu.otherTop.join(", ")}); these figures are disturbed.`,
      );
    }
  }
  console.log("");
  console.log(
    `BENCH_JSON ${JSON.stringify({
      database: prepared.label,
      results: results.map(({ name, path, requests, ok, errors, seconds, rps, p50, p95, p99, meanKb, cpu }) => ({
        name,
        path,
        requests,
        ok,
        errors,
        seconds: round(seconds, 2),
        rps: round(rps, 1),
        p50: round(p50, 1),
        p95: round(p95, 1),
        p99: round(p99, 1),
        kb: round(meanKb, 1),
        serverCpuMsPerRequest: round((cpu.server * seconds * 1000) / requests, 2),
        cpu: {
          server: round(cpu.server, 2),
          loadGenerator: round(cpu.loadGenerator, 2),
          postgres: round(cpu.postgres, 2),
          other: round(cpu.other, 2),
        },
      })),
      ratios: Object.fromEntries(
        ratios.map((r) => [`${r.page}/${r.over}`, { rps: round(r.value, 3), cpu: round(r.byCpu, 3), pass: r.pass }]),
      ),
      plKb: pl ? round(pl.meanKb, 1) : null,
      rssMb: round(memory.after.rssMb, 1),
    })}`,
  );
  return ratios.every((r) => r.pass) && (!pl || pl.meanKb <= PL_MAX_KB);
}

/** The server's CPU time per answered request: unlike req/s, little moved by other work on the machine. */
function serverMsPerRequest(r: Result): number {
  return (r.cpu.server * r.seconds * 1000) / r.requests;
}

function ratiosOf(results: Result[]) {
  return TARGETS.flatMap((target) => {
    const page = results.find((r) => r.name === target.page);
    const over = results.find((r) => r.name === target.over);
    if (!page || !over) return [];
    const value = page.rps / over.rps;
    // The same ratio from server CPU time per request, which other work on the machine moves much less.
    const byCpu = serverMsPerRequest(over) / serverMsPerRequest(page);
    return [{ ...target, value, byCpu, p50: page.p50 / over.p50, pass: value >= target.min }];
  });
}

type ServerMemory = ReturnType<BenchServer["memory"]>;

// ---------------------------------------------------------------------------------------------------------

async function measure(started: (server: BenchServer) => void): Promise<void> {
  for (const [name, value] of [
    ["duration", DURATION_MS],
    ["rounds", ROUNDS],
    ["connections", CONNECTIONS],
    ["warmup", WARMUP],
    ["max-requests", MAX_REQUESTS],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  }
  if (ROUNDS < 1) throw new Error("--rounds must be at least 1");
  await prepareBuild(Boolean(options["no-build"]));

  const database = process.env.DATABASE_URL ? "portal_bench" : ".data/bench-pglite";
  log(`preparing the data set in ${database}…`);
  const prepared = await prepareDatabase({
    holder: "npm run bench",
    database: "portal_bench",
    pgliteDir: ".data/bench-pglite",
  });
  const pages = pagesOf(prepared.data);

  const port = options.port ? Number(options.port) : await freePort();
  const server = new BenchServer(port, prepared.env);
  started(server);
  log(`starting next start on ${server.base} (${prepared.label})…`);
  await server.ready();

  log(`signing in as ${prepared.data.ownerEmail}…`);
  const cookie = (await signIn(server.base, prepared.data.ownerEmail, prepared.data.password)).header();
  const check = await fetchPage(`${server.base}/clients`, cookie);
  if (check.status !== 200) throw new Error(`/clients with the session answered HTTP ${check.status}`);
  const shown = prepared.data.clientNames.filter((name) => check.body.includes(name));
  if (shown.length === 0) throw new Error("/clients answered 200 but shows none of the generated clients");
  log(`session works: /clients shows ${shown.length} generated clients (e.g. ${shown[0]})`);
  for (const page of pages) {
    const answer = await fetchPage(`${server.base}${page.path}`, page.signedIn ? cookie : "");
    if (answer.status !== 200 || !answer.body.includes(page.marker)) {
      throw new Error(`${page.path} answered HTTP ${answer.status} without ${page.marker} (is the build current?)`);
    }
  }

  const limits = (durationMs: number, maxRequests: number) => ({ connections: CONNECTIONS, durationMs, maxRequests });
  for (const page of pages) {
    log(`warming up ${page.path} (${WARMUP} requests)…`);
    const warm = await load(`${server.base}${page.path}`, page.signedIn ? cookie : "", limits(60_000, WARMUP));
    if (warm.errors > 0) {
      throw new Error(`warm-up of ${page.path}: ${warm.errors} errors ${JSON.stringify(warm.statuses)}`);
    }
  }
  const warmRss = server.memory().rssMb;

  const stats = new Map(pages.map((page) => [page.name, new PageStats()]));
  const cpu = new Map<PageName, CpuShare[]>(pages.map((page) => [page.name, []]));
  const slice = DURATION_MS / ROUNDS;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const page of pages) {
      log(`round ${round}/${ROUNDS}: ${page.path}, ${CONNECTIONS} connections for ${fixed(slice / 1000)} s…`);
      const before = sampleCpu();
      await load(
        `${server.base}${page.path}`,
        page.signedIn ? cookie : "",
        limits(slice, MAX_REQUESTS),
        stats.get(page.name),
      );
      cpu.get(page.name)?.push(cpuShare(before, sampleCpu(), new Set(processTree(server.pid))));
    }
  }
  const results: Result[] = pages.map((page) => {
    const shares = cpu.get(page.name) ?? [];
    const mean = (pick: (c: CpuShare) => number) => shares.reduce((sum, c) => sum + pick(c), 0) / shares.length;
    return {
      name: page.name,
      path: page.path,
      ...(stats.get(page.name) ?? new PageStats()).summary(),
      cpu: {
        server: mean((c) => c.server),
        loadGenerator: mean((c) => c.loadGenerator),
        postgres: mean((c) => c.postgres),
        other: mean((c) => c.other),
        otherTop: [...new Set(shares.flatMap((c) => c.otherTop))],
      },
    };
  });
  const passed = printReport(prepared, results, { startup: warmRss, after: server.memory() });
  if (pages.some((page) => page.name === "entry")) await measureWeekSaves(server.base, cookie, prepared.data);

  const failed = results.filter((r) => r.errors > 0 || r.ok === 0);
  if (failed.length > 0) throw new Error(`errors while measuring ${failed.map((r) => r.path).join(", ")}`);
  if (options.strict && !passed) throw new Error("a ratio missed its target (--strict)");
}

/**
 * Saves one week of the KPI client through the entry grid's server action, one save after another, each
 * changing every cell of one channel (so every save writes, audits and rebuilds the month's roll-up), and
 * prints the latency percentiles. The week is 60 weeks back (left alone by the pages measured above).
 */
async function measureWeekSaves(base: string, cookie: string, data: Prepared["data"]): Promise<void> {
  const count = Number(options.saves);
  if (!Number.isFinite(count) || count < 1) return;
  const id = actionId("app/(app)/clients/[id]/kpis/entry/actions.ts", "saveWeek");
  const week = isoWeekKey(addWeeks(isoWeekOf(new Date(Date.now() + 9 * 3_600_000)), -60));
  const page = `/clients/${data.kpi.clientId}/kpis/entry?week=${week}`;
  const measures = measuresForPlan(DEFAULT_PLAN_ITEMS.map((item) => item.kpi));
  type SaveAnswer = {
    ok: boolean;
    code?: string;
    data?: { week?: { version?: number } };
    current?: { version?: number };
  };
  const save = (version: number, cells: { channel: string; measure: string; value: string }[]) =>
    callActionWithArgs(base, page, id, cookie, [null, { clientId: data.kpi.clientId, isoWeek: week, version, cells }]);
  // The version the week is at: a save from version 0 answers a conflict that carries it.
  const probe = (await save(0, [])).result as SaveAnswer | undefined;
  let version = probe?.current?.version ?? probe?.data?.week?.version ?? 0;
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < count; i++) {
    // Every save changes all the cells: orders and their parts stay consistent (parts never above wholes).
    const cells = measures.map((measure) => ({
      channel: "rakuten",
      measure,
      // Ratings are typed in stars ("4.23"), everything else as whole numbers.
      value: measure === "review_rating" ? (4 + (i % 50) / 100).toFixed(2) : String(1_000 + i),
    }));
    const started = performance.now();
    const answer = await save(version, cells);
    times.push(performance.now() - started);
    const result = answer.result as SaveAnswer | undefined;
    if (answer.status !== 200 || !result?.ok) {
      errors++;
      if (errors === 1) log(`save answered ${answer.status}: ${JSON.stringify(answer.result).slice(0, 300)}`);
      version = result?.current?.version ?? version;
      continue;
    }
    version = result.data?.week?.version ?? version;
  }
  times.sort((a, b) => a - b);
  console.log(
    `INFO  saving one week (${measures.length} measures of one channel changed, ${count} saves in a row): ` +
      `p50 ${fixed(percentile(times, 50))} ms, p95 ${fixed(percentile(times, 95))} ms, errors ${errors}`,
  );
  console.log(
    `BENCH_SAVE_JSON ${JSON.stringify({ saves: count, p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1), errors })}`,
  );
  if (errors > 0) throw new Error(`${errors} of ${count} week saves failed`);
}

await runWithServer(measure);
