// What the page benchmark (bench-pages.ts) and the soak test (bench-soak.ts) share: building, a fresh data set
// in its own database, the production server and its memory and CPU, signing in and loading pages over HTTP.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { connect } from "@/db/client";
import { migrateToLatest } from "@/db/migrate";
import { type BenchData, type BenchDataOptions, generateBenchData } from "./bench-data";

export const LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"];
export const HOST = "127.0.0.1";

export function log(message: string): void {
  console.log(`[bench] ${message}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function round(n: number, digits: number): number {
  return Math.round(n * 10 ** digits) / 10 ** digits;
}

export function fixed(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "-";
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Fails unless DATABASE_URL points at this machine: the benchmarks drop and create databases. */
export function localDatabaseUrl(what: string): URL | undefined {
  if (!process.env.DATABASE_URL) return undefined;
  const url = new URL(process.env.DATABASE_URL);
  if (!LOCAL_HOSTS.includes(url.hostname)) {
    throw new Error(`Refusing to ${what} against a non-local database (${url.hostname}).`);
  }
  return url;
}

// ---------------------------------------------------------------------------------------------------------
// Build

function otherBuildRunning(): boolean {
  return spawnSync("pgrep", ["-f", "next build"]).status === 0;
}

export async function build(): Promise<void> {
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

/** scripts/ensure-env.mjs (AUTH_SECRET), then a build unless `noBuild` (which needs a build in .next). */
export async function prepareBuild(noBuild: boolean): Promise<void> {
  const env = spawnSync("node", ["scripts/ensure-env.mjs"], { stdio: "inherit" });
  if (env.status !== 0) throw new Error("scripts/ensure-env.mjs failed");
  if (noBuild) {
    if (!fs.existsSync(".next/BUILD_ID")) throw new Error("--no-build, but there is no build in .next");
    log("using the existing build in .next");
  } else {
    await build();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Data set

export type Prepared = { label: string; env: Record<string, string | undefined>; data: BenchData };

/**
 * A freshly migrated database holding the generated data set: a new `database` on the (local) Postgres server of
 * DATABASE_URL, or else an embedded PGlite directory `pgliteDir`.
 */
export async function prepareDatabase(options: {
  holder: string;
  database: string;
  pgliteDir: string;
  data?: BenchDataOptions;
}): Promise<Prepared> {
  const url = localDatabaseUrl("benchmark");
  if (url) {
    // Connect to the server's maintenance database if the given URL already names the one we replace.
    const adminUrl = new URL(url);
    if (adminUrl.pathname === `/${options.database}`) adminUrl.pathname = "/postgres";
    const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists ${options.database} with (force)`);
      await admin.unsafe(`create database ${options.database}`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    url.pathname = `/${options.database}`;
    const connection = connect({ url: url.toString(), holder: options.holder });
    let data: BenchData;
    try {
      await migrateToLatest(connection);
      data = await generateBenchData(connection.db, options.data);
    } finally {
      await connection.close();
    }
    const shown = new URL(url);
    shown.password = shown.password ? "***" : "";
    return {
      label: `Postgres (${shown.host}/${options.database})`,
      env: { DATABASE_URL: url.toString(), PGLITE_DIR: undefined },
      data,
    };
  }

  const lockFile = `${path.resolve(options.pgliteDir)}.lock`;
  fs.rmSync(options.pgliteDir, { recursive: true, force: true });
  fs.rmSync(lockFile, { force: true });
  const connection = connect({ pgliteDir: options.pgliteDir, holder: options.holder });
  let data: BenchData;
  try {
    await migrateToLatest(connection);
    data = await generateBenchData(connection.db, options.data);
  } finally {
    await connection.close();
    // Our lock would otherwise live until this process exits, and the server must open the directory now.
    fs.rmSync(lockFile, { force: true });
  }
  return {
    label: `embedded PGlite (${options.pgliteDir})`,
    env: { PGLITE_DIR: options.pgliteDir, DATABASE_URL: undefined },
    data,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Server

export function freePort(): Promise<number> {
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

/** `next start` on the benchmark's database, with the benchmark pages (BENCH_FLOOR=1), and its recent output. */
export class BenchServer {
  readonly output: string[] = [];
  readonly child: ChildProcess;
  readonly base: string;

  constructor(port: number, extraEnv: Record<string, string | undefined>) {
    this.base = `http://${HOST}:${port}`;
    const env: Record<string, string | undefined> = {
      ...process.env,
      ...extraEnv,
      AUTH_TRUST_HOST: "true",
      BENCH_FLOOR: "1",
    };
    for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
    // Its own process group, so that stopping it also stops the node process npx starts.
    this.child = spawn("npx", ["next", "start", "-p", String(port), "-H", HOST], {
      env: env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split("\n").filter(Boolean));
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    this.child.stdout?.on("data", keep);
    this.child.stderr?.on("data", keep);
  }

  get pid(): number {
    if (!this.child.pid) throw new Error("could not start the server");
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async ready(): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(`the server exited during start-up (${this.child.exitCode ?? this.child.signalCode})`);
      }
      try {
        const res = await fetch(`${this.base}/login`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(250);
    }
    throw new Error("the server did not answer /login within 90 s");
  }

  kill(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (!pid || this.exited) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }

  async stop(): Promise<void> {
    if (!this.child.pid || this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.kill("SIGTERM");
    const inTime = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!inTime) {
      this.kill("SIGKILL");
      await Promise.race([exited, sleep(2_000)]);
    }
  }

  /** The next-server process (it renames itself `next-server (vX)`), or else the largest process under npx. */
  memory(): { pid: number; rssMb: number; command: string } {
    const tree = processTree(this.pid);
    const named = tree.find((pid) => commandLine(pid).startsWith("next-server"));
    const pid = named ?? tree.reduce((best, p) => (rssKb(p) > rssKb(best) ? p : best), this.pid);
    return { pid, rssMb: rssKb(pid) / 1024, command: commandLine(pid) };
  }

  /** Prints the server's last lines after a failure. */
  explain(): void {
    if (this.exited) {
      console.error(
        `[bench] the server had exited (${this.child.exitCode ?? this.child.signalCode}); something else stopped it?`,
      );
    }
    if (this.output.length > 0) {
      console.error("[bench] last server output:");
      for (const line of this.output.slice(-40)) console.error(`  ${line}`);
    }
  }
}

/**
 * Runs `main` with the server it starts stopped afterwards, on failure, and on Ctrl-C; prints the server's last
 * output if something failed, and exits with 1 then.
 */
export async function runWithServer(main: (started: (server: BenchServer) => void) => Promise<void>): Promise<never> {
  let server: BenchServer | undefined;
  process.on("exit", () => server?.kill("SIGKILL"));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server?.kill("SIGTERM");
      process.exit(130);
    });
  }
  let exitCode = 0;
  try {
    await main((started) => {
      server = started;
    });
  } catch (error) {
    exitCode = 1;
    console.error(`[bench] failed: ${error instanceof Error ? error.message : String(error)}`);
    server?.explain();
  } finally {
    await server?.stop();
  }
  process.exit(exitCode);
}

/** The process-tree descendants of `root` (from /proc), root included. */
export function processTree(root: number): number[] {
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

// CPU accounting: who kept the cores busy during a measurement. Another build or test run on the machine
// shows up as "other", so a disturbed run can be recognised as such.

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;

export type CpuSample = { at: number; ticks: Map<number, { ticks: number; name: string }> };

export type CpuShare = { server: number; loadGenerator: number; postgres: number; other: number; otherTop: string[] };

export function sampleCpu(): CpuSample {
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

/** Average cores used between two samples by the server's processes, this process, Postgres and the rest. */
export function cpuShare(before: CpuSample, after: CpuSample, serverPids: Set<number>): CpuShare {
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
// HTTP

export class CookieJar {
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

/** Auth.js credentials sign-in over plain HTTP: CSRF token, then the callback; returns the cookie jar. */
export async function signIn(base: string, email: string, password: string): Promise<CookieJar> {
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
    throw new Error(
      `sign-in as ${email} failed: HTTP ${res.status}, location ${res.headers.get("location") ?? "(none)"}`,
    );
  }
  return jar;
}

export async function fetchPage(url: string, cookie: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: await res.text() };
}

/** Requests per page: latencies of the successful ones, bytes, and statuses (an answer other than 200 is an error). */
export class PageStats {
  readonly latencies: number[] = [];
  readonly statuses: Record<string, number> = {};
  errors = 0;
  bytes = 0;
  seconds = 0;

  ok(ms: number, bytes: number): void {
    this.latencies.push(ms);
    this.bytes += bytes;
    this.statuses["200"] = (this.statuses["200"] ?? 0) + 1;
  }

  failed(key: string): void {
    this.errors++;
    this.statuses[key] = (this.statuses[key] ?? 0) + 1;
  }

  get requests(): number {
    return this.latencies.length + this.errors;
  }

  summary() {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const ok = sorted.length;
    return {
      requests: this.requests,
      ok,
      errors: this.errors,
      statuses: this.statuses,
      seconds: this.seconds,
      rps: this.seconds > 0 ? ok / this.seconds : Number.NaN,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      meanKb: ok ? this.bytes / ok / 1024 : 0,
    };
  }
}

/**
 * `connections` workers each send one request at a time (reading the whole body) until `durationMs` has passed
 * or `maxRequests` have been sent, adding to `stats`. A response other than 200 (a redirect to /login, say)
 * counts as an error.
 */
export async function load(
  url: string,
  cookie: string,
  limits: { connections: number; durationMs: number; maxRequests: number },
  stats = new PageStats(),
): Promise<PageStats> {
  if (new URL(url).hostname !== HOST) throw new Error(`load is for the local server only, not ${url}`);
  let sent = 0;
  const start = performance.now();
  const deadline = start + limits.durationMs;
  const worker = async () => {
    while (sent < limits.maxRequests && performance.now() < deadline) {
      sent++;
      const t0 = performance.now();
      try {
        const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
        const body = await res.arrayBuffer();
        if (res.status === 200) stats.ok(performance.now() - t0, body.byteLength);
        else stats.failed(String(res.status));
      } catch (error) {
        stats.failed(error instanceof Error ? error.name : "error");
      }
    }
  };
  await Promise.all(Array.from({ length: limits.connections }, worker));
  stats.seconds += (performance.now() - start) / 1000;
  return stats;
}

// ---------------------------------------------------------------------------------------------------------
// Server actions over HTTP

/**
 * The id of a server action, from the build's server-reference manifest (the browser gets the same id in the
 * page's JavaScript and posts it in the Next-Action header).
 */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && entry.filename?.endsWith(file),
  );
  if (!found)
    throw new Error(`no server action ${exportedName} of ${file} in .next/server/server-reference-manifest.json`);
  return found[0];
}

export type ActionResult = { ok: true; data: unknown } | { ok: false; code: string; message: string };

/**
 * Calls a form's server action as React does after `useActionState`'s dispatch(formData): a multipart POST to
 * the page with the Next-Action header, the arguments [previous state, form data] encoded as React's
 * encodeReply does (the form's fields prefixed "_1_" for reference $K1, the argument list in field "0"). The answer
 * is a React Flight stream whose row 0 points at the action's return value.
 */
export async function callAction(
  base: string,
  page: string,
  id: string,
  cookie: string,
  fields: [string, string][],
): Promise<{ status: number; result?: ActionResult }> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { cookie, "next-action": id, accept: "text/x-component", origin: base },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (res.status !== 200) return { status: res.status };
  return { status: res.status, result: flightResult(text) };
}

/**
 * Calls a server action with plain arguments, as React's encodeReply sends them when there is no form data
 * or file: the argument list as JSON text (strings starting with "$" escaped as "$$"). Returns the result.
 */
export async function callActionWithArgs(
  base: string,
  page: string,
  id: string,
  cookie: string,
  args: unknown[],
): Promise<{ status: number; result?: ActionResult & { data?: unknown } }> {
  const escaped = (value: unknown): unknown =>
    typeof value === "string"
      ? value.startsWith("$")
        ? `$${value}`
        : value
      : Array.isArray(value)
        ? value.map(escaped)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escaped(v)]))
          : value;
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { cookie, "next-action": id, accept: "text/x-component", origin: base, "content-type": "text/plain" },
    body: JSON.stringify(escaped(args)),
    redirect: "manual",
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (res.status !== 200) return { status: res.status };
  return { status: res.status, result: flightResult(text) };
}

/** The action's return value in a React Flight answer: row 0 points at it. */
function flightResult(text: string): ActionResult | undefined {
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = JSON.parse(rows.get("0") ?? "{}") as { a?: string };
  const ref = head.a?.startsWith("$@") ? head.a.slice(2) : undefined;
  const row = ref === undefined ? undefined : rows.get(ref);
  return row ? (JSON.parse(row) as ActionResult) : undefined;
}
