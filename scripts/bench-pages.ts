// Page benchmark: `npm run bench [-- --no-build] [--duration 10] [--connections 10] [--warmup 50] [--port N]`.
// Builds the app, generates a data set (scripts/bench-data.ts) in a fresh database — an embedded PGlite
// directory, or, when DATABASE_URL is set, a new `portal_bench` database on that (local) Postgres server —
// starts the production server on it, signs in as the owner and loads two pages with a fixed number of
// concurrent connections for a fixed time: the client list, and /bench-floor (layout + session + `select 1`),
// the framework's floor on this machine. Prints requests/s, latency percentiles and the server's memory.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { connect } from "@/db/client";
import { migrateToLatest } from "@/db/migrate";
import { type BenchData, generateBenchData } from "./bench-data";

const LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"];
const PGLITE_DIR = ".data/bench-pglite";
const BENCH_DATABASE = "portal_bench";
const HOST = "127.0.0.1";

const { values: options } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    warmup: { type: "string", default: "50" },
    "max-requests": { type: "string", default: "200000" },
    port: { type: "string" },
    // Which pages to measure: clients (the list), floor (/bench-floor), pl (a client's P/L page, 300 lines × 3).
    pages: { type: "string", default: "clients,floor,pl" },
  },
});

const DURATION_MS = Number(options.duration) * 1000;
const CONNECTIONS = Number(options.connections);
const WARMUP = Number(options.warmup);
const MAX_REQUESTS = Number(options["max-requests"]);

type Prepared = { label: string; env: Record<string, string | undefined>; data: BenchData };

type LoadResult = {
  path: string;
  requests: number;
  ok: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  meanKb: number;
  /** Average cores busy during the measurement, by who used them (from /proc). */
  cpu?: CpuShare;
};

type CpuShare = { server: number; loadGenerator: number; postgres: number; other: number; otherTop: string[] };

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

// ---------------------------------------------------------------------------------------------------------
// Build

function otherBuildRunning(): boolean {
  return spawnSync("pgrep", ["-f", "next build"]).status === 0;
}

async function build(): Promise<void> {
  // Two builds at once on a small machine starve each other (and write the same .next directory).
  const waitUntil = Date.now() + 30 * 60_000;
  while (otherBuildRunning()) {
    if (Date.now() > waitUntil) throw new Error("Another `next build` has been running for 30 minutes; giving up.");
    log("another `next build` is running; waiting…");
    await sleep(10_000);
  }
  log("building (next build)…");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

// ---------------------------------------------------------------------------------------------------------
// Data set

async function prepareDatabase(): Promise<Prepared> {
  const holder = "npm run bench";
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    if (!LOCAL_HOSTS.includes(url.hostname)) {
      throw new Error(`Refusing to benchmark against a non-local database (${url.hostname}).`);
    }
    // Connect to the server's maintenance database if the given URL already names the one we replace.
    const adminUrl = new URL(url);
    if (adminUrl.pathname === `/${BENCH_DATABASE}`) adminUrl.pathname = "/postgres";
    const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists ${BENCH_DATABASE} with (force)`);
      await admin.unsafe(`create database ${BENCH_DATABASE}`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    url.pathname = `/${BENCH_DATABASE}`;
    const connection = connect({ url: url.toString(), holder });
    let data: BenchData;
    try {
      await migrateToLatest(connection);
      data = await generateBenchData(connection.db);
    } finally {
      await connection.close();
    }
    const shown = new URL(url);
    shown.password = shown.password ? "***" : "";
    return {
      label: `Postgres (${shown.host}/${BENCH_DATABASE})`,
      env: { DATABASE_URL: url.toString(), PGLITE_DIR: undefined },
      data,
    };
  }

  const lockFile = `${path.resolve(PGLITE_DIR)}.lock`;
  fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
  fs.rmSync(lockFile, { force: true });
  const connection = connect({ pgliteDir: PGLITE_DIR, holder });
  let data: BenchData;
  try {
    await migrateToLatest(connection);
    data = await generateBenchData(connection.db);
  } finally {
    await connection.close();
    // Our lock would otherwise live until this process exits, and the server must open the directory now.
    fs.rmSync(lockFile, { force: true });
  }
  return { label: `embedded PGlite (${PGLITE_DIR})`, env: { PGLITE_DIR, DATABASE_URL: undefined }, data };
}

// ---------------------------------------------------------------------------------------------------------
// Server

let server: ChildProcess | undefined;
const serverOutput: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function startServer(port: number, extraEnv: Record<string, string | undefined>): ChildProcess {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...extraEnv,
    AUTH_TRUST_HOST: "true",
    BENCH_FLOOR: "1",
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  // Its own process group, so that stopping it also stops the node process npx starts.
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", HOST], {
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    serverOutput.push(...chunk.toString().split("\n").filter(Boolean));
    if (serverOutput.length > 200) serverOutput.splice(0, serverOutput.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return child;
}

async function waitForServer(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited during start-up (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`${base}/login`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error("the server did not answer /login within 90 s");
}

function stopServerNow(signal: NodeJS.Signals): void {
  const pid = server?.pid;
  if (!pid || server?.exitCode !== null || server?.signalCode !== null) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopServer(): Promise<void> {
  const child = server;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  stopServerNow("SIGTERM");
  const inTime = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!inTime) {
    stopServerNow("SIGKILL");
    await Promise.race([exited, sleep(2_000)]);
  }
}

/** The process-tree descendants of `root` (from /proc), root included. */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the parenthesised command name: state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

function rssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
  } catch {
    return "";
  }
}

/** The next-server process (it renames itself `next-server (vX)`), or else the largest process under npx. */
function serverMemory(root: number): { pid: number; rssMb: number; command: string } {
  const tree = processTree(root);
  const named = tree.find((pid) => commandLine(pid).startsWith("next-server"));
  const pid = named ?? tree.reduce((best, p) => (rssKb(p) > rssKb(best) ? p : best), root);
  return { pid, rssMb: rssKb(pid) / 1024, command: commandLine(pid) };
}

// CPU accounting: who kept the cores busy during a measurement. Another build or test run on the machine
// shows up as "other", so a disturbed run can be recognised as such.

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;

type CpuSample = { at: number; ticks: Map<number, { ticks: number; name: string }> };

function sampleCpu(): CpuSample {
  const ticks = new Map<number, { ticks: number; name: string }>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      // After the command name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(Number(entry), { ticks: Number(fields[11]) + Number(fields[12]), name });
    } catch {
      // The process ended while we looked.
    }
  }
  return { at: performance.now(), ticks };
}

function cpuShare(before: CpuSample, after: CpuSample, serverPids: Set<number>): CpuShare {
  const seconds = (after.at - before.at) / 1000;
  const share = { server: 0, loadGenerator: 0, postgres: 0, other: 0 };
  const others = new Map<string, number>();
  for (const [pid, now] of after.ticks) {
    const used = (now.ticks - (before.ticks.get(pid)?.ticks ?? 0)) / CLOCK_TICKS / seconds;
    if (used <= 0) continue;
    if (serverPids.has(pid)) share.server += used;
    else if (pid === process.pid) share.loadGenerator += used;
    else if (now.name === "postgres") share.postgres += used;
    else {
      share.other += used;
      others.set(now.name, (others.get(now.name) ?? 0) + used);
    }
  }
  const otherTop = [...others]
    .filter(([, used]) => used >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([name, used]) => `${name} ${used.toFixed(2)}`);
  return { ...share, otherTop };
}

// ---------------------------------------------------------------------------------------------------------
// HTTP: sign-in and load

class CookieJar {
  private readonly cookies = new Map<string, string>();

  absorb(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(prefix: string): boolean {
    return [...this.cookies.keys()].some((name) => name.startsWith(prefix));
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** Auth.js credentials sign-in over plain HTTP: CSRF token, then the callback; returns the cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.absorb(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("sign-in: /api/auth/csrf returned no csrfToken");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/clients` }),
    redirect: "manual",
  });
  await res.arrayBuffer();
  jar.absorb(res);
  if (!jar.has("authjs.session-token")) {
    throw new Error(`sign-in failed: HTTP ${res.status}, location ${res.headers.get("location") ?? "(none)"}`);
  }
  return jar.header();
}

async function fetchPage(url: string, cookie: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: await res.text() };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * `connections` workers each send one request at a time (reading the whole body) until `durationMs` has passed
 * or `maxRequests` have been sent. A response other than 200 (a redirect to /login, say) counts as an error.
 */
async function load(
  url: string,
  cookie: string,
  limits: { connections: number; durationMs: number; maxRequests: number },
): Promise<LoadResult> {
  if (new URL(url).hostname !== HOST) throw new Error(`load is for the local server only, not ${url}`);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  let bytes = 0;
  const start = performance.now();
  const deadline = start + limits.durationMs;
  const worker = async () => {
    while (sent < limits.maxRequests && performance.now() < deadline) {
      sent++;
      const t0 = performance.now();
      try {
        const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
        const body = await res.arrayBuffer();
        const ms = performance.now() - t0;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status === 200) {
          latencies.push(ms);
          bytes += body.byteLength;
        } else {
          errors++;
        }
      } catch (error) {
        const key = error instanceof Error ? error.name : "error";
        statuses[key] = (statuses[key] ?? 0) + 1;
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: limits.connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    path: new URL(url).pathname,
    requests: latencies.length + errors,
    ok: latencies.length,
    errors,
    statuses,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    meanKb: latencies.length ? bytes / latencies.length / 1024 : 0,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Report

function fixed(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "-";
}

function printReport(
  prepared: Prepared,
  results: LoadResult[],
  memory: { startup: number; after: ReturnType<typeof serverMemory> },
): void {
  const header = [
    "page",
    "requests",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "errors",
    "KB/resp",
    "CPU srv/gen/pg/other",
  ];
  const cpuCell = (c?: CpuShare) =>
    c ? [c.server, c.loadGenerator, c.postgres, c.other].map((n) => n.toFixed(2)).join("/") : "-";
  const rows = results.map((r) => [
    r.path,
    String(r.requests),
    fixed(r.rps),
    fixed(r.p50),
    fixed(r.p95),
    fixed(r.p99),
    String(r.errors),
    fixed(r.meanKb),
    cpuCell(r.cpu),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  const [list, floor] = results;
  const { counts } = prepared.data;
  console.log("");
  console.log(`Page benchmark — ${prepared.label}`);
  console.log(
    `data: 1 agency, ${counts.clients} clients, ${counts.members} members (1 owner, ${counts.managers} managers, ` +
      `${counts.operators} operators), ${counts.assignments} assignments; signed in as the owner`,
  );
  console.log(
    `load: ${CONNECTIONS} connections × ${DURATION_MS / 1000} s per page after ${WARMUP} warm-up requests; ` +
      `Node ${process.version}, ${os.cpus().length} CPUs (load generator on the same machine)`,
  );
  console.log("");
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(row));
  console.log("");
  if (list && floor) {
    console.log(
      `list/floor: req/s ${fixed(list.rps / floor.rps, 2)}×, p50 ${fixed(list.p50 / floor.p50, 2)}× ` +
        `(${list.path} vs ${floor.path})`,
    );
  }
  console.log(
    `server RSS (pid ${memory.after.pid}, ${memory.after.command || "?"}): ${fixed(memory.startup)} MB after warm-up, ` +
      `${fixed(memory.after.rssMb)} MB after the run`,
  );
  console.log(
    "CPU: average cores busy during each measurement — the server (next-server and its parents), this load " +
      `generator, Postgres backends, everything else (${os.cpus().length} cores in all)`,
  );
  for (const r of results) {
    if (r.errors > 0) console.log(`errors on ${r.path}: ${JSON.stringify(r.statuses)}`);
    if (r.cpu && r.cpu.other >= 0.1) {
      console.log(
        `WARNING: other processes kept ${r.cpu.other.toFixed(2)} cores busy while measuring ${r.path} ` +
          `(${r.cpu.otherTop.join(", ")}); these figures are disturbed.`,
      );
    }
  }
  console.log("");
  console.log(
    `BENCH_JSON ${JSON.stringify({
      database: prepared.label,
      results: results.map(({ path: p, requests, ok, errors, seconds, rps, p50, p95, p99, cpu }) => ({
        path: p,
        requests,
        ok,
        errors,
        seconds: round(seconds, 2),
        rps: round(rps, 1),
        p50: round(p50, 1),
        p95: round(p95, 1),
        p99: round(p99, 1),
        cpu: cpu && {
          server: round(cpu.server, 2),
          loadGenerator: round(cpu.loadGenerator, 2),
          postgres: round(cpu.postgres, 2),
          other: round(cpu.other, 2),
        },
      })),
      ratio: list && floor ? { rps: round(list.rps / floor.rps, 3), p50: round(list.p50 / floor.p50, 3) } : null,
      rssMb: round(memory.after.rssMb, 1),
    })}`,
  );
}

function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  for (const [name, value] of [
    ["duration", DURATION_MS],
    ["connections", CONNECTIONS],
    ["warmup", WARMUP],
    ["max-requests", MAX_REQUESTS],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  }
  const env = spawnSync("node", ["scripts/ensure-env.mjs"], { stdio: "inherit" });
  if (env.status !== 0) throw new Error("scripts/ensure-env.mjs failed");
  if (options["no-build"]) {
    if (!fs.existsSync(".next/BUILD_ID")) throw new Error("--no-build, but there is no build in .next");
    log("using the existing build in .next");
  } else {
    await build();
  }

  log(`preparing the data set${process.env.DATABASE_URL ? ` in ${BENCH_DATABASE}` : ` in ${PGLITE_DIR}`}…`);
  const prepared = await prepareDatabase();

  const port = options.port ? Number(options.port) : await freePort();
  const base = `http://${HOST}:${port}`;
  log(`starting next start on ${base} (${prepared.label})…`);
  server = startServer(port, prepared.env);
  const pid = server.pid;
  if (!pid) throw new Error("could not start the server");
  await waitForServer(base, server);

  log(`signing in as ${prepared.data.ownerEmail}…`);
  const cookie = await signIn(base, prepared.data.ownerEmail, prepared.data.password);
  const check = await fetchPage(`${base}/clients`, cookie);
  if (check.status !== 200) throw new Error(`/clients with the session answered HTTP ${check.status}`);
  const shown = prepared.data.clientNames.filter((name) => check.body.includes(name));
  if (shown.length === 0) throw new Error("/clients answered 200 but shows none of the generated clients");
  log(`session works: /clients shows ${shown.length} generated clients (e.g. ${shown[0]})`);
  const floorCheck = await fetchPage(`${base}/bench-floor`, cookie);
  if (floorCheck.status !== 200 || !floorCheck.body.includes('data-bench-floor="1"')) {
    throw new Error(`/bench-floor answered HTTP ${floorCheck.status} without its marker (is the build current?)`);
  }

  const PAGES: Record<string, string> = {
    clients: "/clients",
    floor: "/bench-floor",
    pl: `/clients/${prepared.data.plClientId}/economics`,
  };
  const pages = String(options.pages)
    .split(",")
    .map((name) => PAGES[name.trim()])
    .filter((page): page is string => Boolean(page));
  if (pages.includes(PAGES.pl ?? "")) {
    const pl = await fetchPage(`${base}${PAGES.pl}`, cookie);
    if (pl.status !== 200 || !pl.body.includes("SKU-0300"))
      throw new Error(`the P/L page answered HTTP ${pl.status} without its lines`);
  }
  for (const page of pages) {
    log(`warming up ${page} (${WARMUP} requests)…`);
    const warm = await load(`${base}${page}`, cookie, {
      connections: CONNECTIONS,
      durationMs: 60_000,
      maxRequests: WARMUP,
    });
    if (warm.errors > 0) throw new Error(`warm-up of ${page}: ${warm.errors} errors ${JSON.stringify(warm.statuses)}`);
  }
  const warmRss = serverMemory(pid).rssMb;

  const results: LoadResult[] = [];
  for (const page of pages) {
    log(`measuring ${page}: ${CONNECTIONS} connections for ${DURATION_MS / 1000} s…`);
    const before = sampleCpu();
    const result = await load(`${base}${page}`, cookie, {
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      maxRequests: MAX_REQUESTS,
    });
    result.cpu = cpuShare(before, sampleCpu(), new Set(processTree(pid)));
    results.push(result);
  }
  const memory = { startup: warmRss, after: serverMemory(pid) };
  printReport(prepared, results, memory);

  const failed = results.filter((r) => r.errors > 0 || r.ok === 0);
  if (failed.length > 0) throw new Error(`errors while measuring ${failed.map((r) => r.path).join(", ")}`);
}

process.on("exit", () => stopServerNow("SIGKILL"));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopServerNow("SIGTERM");
    process.exit(130);
  });
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
  if (server && (server.exitCode !== null || server.signalCode !== null)) {
    console.error(
      `[bench] the server had exited (${server.exitCode ?? server.signalCode}); something else stopped it?`,
    );
  }
  if (server && serverOutput.length > 0) {
    console.error("[bench] last server output:");
    for (const line of serverOutput.slice(-40)) console.error(`  ${line}`);
  }
} finally {
  await stopServer();
}
process.exit(exitCode);
