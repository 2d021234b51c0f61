// Soak test: `npm run bench:soak [-- --duration 300] [--users 50] [--think 1] [--no-build] [--port N]`.
// Needs a local Postgres server (DATABASE_URL; PGlite is one process at a time and not what runs in production).
// Builds the app, generates a data set in a fresh `portal_soak` database (scripts/bench-data.ts: 500 clients,
// `--users` members — 1 owner, a fifth managers, the rest operators — and a P/L on 41 clients), starts the
// production server and signs everyone in. Each user then works until the time is up, pausing about `--think`
// seconds between steps: owners and managers read the client list, client pages and P/L pages and save client
// edits and P/L rows through the app's server actions over HTTP (as the browser posts them); operators read
// their assigned clients. Saves aim at a few clients and lines more often than the rest, so that colleagues
// collide: the app must answer those with a version conflict, never an error or a silent overwrite.
// Prints requests, errors (any answer but 200, or a save answered with anything but success or a conflict),
// conflicts, latency percentiles per kind of request, and the server's memory at the start and the end.
import { parseArgs } from "node:util";
import { and, asc, eq } from "drizzle-orm";
import { connect } from "@/db/client";
import { plLines } from "@/db/schema";
import { toCells } from "@/lib/economics/line";
import type { BenchClient, BenchData, BenchMember } from "./bench-data";
import {
  type ActionResult,
  actionId,
  BenchServer,
  callAction,
  fixed,
  freePort,
  localDatabaseUrl,
  log,
  PageStats,
  prepareBuild,
  prepareDatabase,
  round,
  runWithServer,
  signIn,
  sleep,
} from "./bench-lib";

const { values: options } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    duration: { type: "string", default: "300" },
    users: { type: "string", default: "50" },
    think: { type: "string", default: "1" },
    port: { type: "string" },
  },
});

const DURATION_MS = Number(options.duration) * 1000;
const USERS = Number(options.users);
const THINK_MS = Number(options.think) * 1000;

type Kind = "list" | "client" | "pl" | "clientSave" | "plSave";
const KINDS: Kind[] = ["list", "client", "pl", "clientSave", "plSave"];
const LABELS: Record<Kind, string> = {
  list: "GET /clients",
  client: "GET /clients/[id]",
  pl: "GET /clients/[id]/economics",
  clientSave: "POST updateClient",
  plSave: "POST updatePlLine",
};

/** How often each step is taken, by role (operators only read). */
const MIX: Record<BenchMember["role"], [Kind, number][]> = {
  owner: [
    ["list", 30],
    ["client", 25],
    ["pl", 15],
    ["clientSave", 15],
    ["plSave", 15],
  ],
  manager: [
    ["list", 30],
    ["client", 25],
    ["pl", 15],
    ["clientSave", 15],
    ["plSave", 15],
  ],
  operator: [
    ["list", 45],
    ["client", 35],
    ["pl", 20],
  ],
};

/** Saves aim at the first few clients and lines this often, so that concurrent edits happen. */
const HOT_SHARE = 0.5;
const HOT_CLIENTS = 5;
const HOT_LINES = 3;

const stats = new Map<Kind, PageStats>(KINDS.map((kind) => [kind, new PageStats()]));
const conflicts = new Map<Kind, number>(KINDS.map((kind) => [kind, 0]));
const failures: string[] = [];

function fail(kind: Kind, key: string, detail: string): void {
  stats.get(kind)?.failed(key);
  if (failures.length < 20) failures.push(`${LABELS[kind]}: ${detail}`);
}

const randomInt = (max: number) => Math.floor(Math.random() * max);
function pickOne<T>(items: readonly T[]): T {
  const item = items[randomInt(items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}
/** The first `hot` items half of the time, any item otherwise. */
const pickHot = <T>(items: readonly T[], hot: number) =>
  pickOne(Math.random() < HOT_SHARE ? items.slice(0, hot) : items);

// ---------------------------------------------------------------------------------------------------------
// Server actions over HTTP

// ---------------------------------------------------------------------------------------------------------
// The users

type User = BenchMember & { cookie: string; clients: string[]; plClients: string[] };

type World = {
  base: string;
  data: BenchData;
  clientsById: Map<string, BenchClient>;
  actions: { updateClient: string; updatePlLine: string };
  readLine: (clientId: string) => Promise<{ id: string; version: number; cells: Record<string, string> } | undefined>;
};

async function timed(kind: Kind, url: string, cookie: string): Promise<string | undefined> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    const body = await res.text();
    if (res.status !== 200) {
      fail(kind, String(res.status), `HTTP ${res.status} for ${url}`);
      return undefined;
    }
    stats.get(kind)?.ok(performance.now() - t0, Buffer.byteLength(body));
    return body;
  } catch (error) {
    fail(kind, error instanceof Error ? error.name : "error", `${url}: ${String(error)}`);
    return undefined;
  }
}

async function save(kind: Kind, call: () => Promise<{ status: number; result?: ActionResult }>): Promise<void> {
  const t0 = performance.now();
  try {
    const { status, result } = await call();
    const ms = performance.now() - t0;
    if (status !== 200 || !result) fail(kind, String(status), `HTTP ${status}${result ? "" : ", no action result"}`);
    else if (result.ok) stats.get(kind)?.ok(ms, 0);
    else if (result.code === "conflict") {
      conflicts.set(kind, (conflicts.get(kind) ?? 0) + 1);
      stats.get(kind)?.ok(ms, 0);
    } else fail(kind, result.code, `${result.code}: ${result.message}`);
  } catch (error) {
    fail(kind, error instanceof Error ? error.name : "error", String(error));
  }
}

const think = () => sleep(THINK_MS * (0.5 + Math.random()));

async function step(user: User, world: World, kind: Kind, counter: { n: number }): Promise<void> {
  const { base } = world;
  switch (kind) {
    case "list": {
      const pages = Math.max(1, Math.ceil(user.clients.length / 25));
      const sort = pickOne(["", "&sort=updatedAt&dir=desc", "&sort=code", "&status=active"]);
      await timed(kind, `${base}/clients?page=${1 + randomInt(pages)}${sort}`, user.cookie);
      return;
    }
    case "client":
      await timed(kind, `${base}/clients/${pickOne(user.clients)}`, user.cookie);
      return;
    case "pl":
      if (user.plClients.length === 0) return step(user, world, "client", counter);
      await timed(kind, `${base}/clients/${pickOne(user.plClients)}/economics`, user.cookie);
      return;
    case "clientSave": {
      // Open the client's page, read the version its edit form carries, edit, save.
      const client = world.clientsById.get(pickHot(user.clients, HOT_CLIENTS));
      if (!client) return;
      const page = `/clients/${client.id}`;
      const html = await timed("client", `${base}${page}`, user.cookie);
      if (html === undefined) return;
      const version = /<input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1];
      if (!version) return fail(kind, "no-form", `no edit form with a version on ${page}`);
      await think();
      counter.n++;
      const fields: [string, string][] = [
        ["id", client.id],
        ["version", version],
        ["name", client.name],
        ["code", client.code],
        ["industry", `${client.industry.split(" ")[0]} ${counter.n}`.slice(0, 80)],
        ["serviceModel", client.serviceModel],
        ["status", client.status],
        ["onboardingStage", client.onboardingStage],
        ["managerMembershipId", client.managerMembershipId ?? ""],
        ...client.channels.map((c): [string, string] => ["channels[]", c]),
        ...client.operatorMembershipIds.map((id): [string, string] => ["operatorMembershipIds[]", id]),
      ];
      await save(kind, () => callAction(base, page, world.actions.updateClient, user.cookie, fields));
      return;
    }
    case "plSave": {
      // The grid's row form: the line's cells as text, its id and the version it was read at.
      const clientId = pickHot(world.data.plClientIds.slice(1), HOT_CLIENTS);
      const line = await world.readLine(clientId);
      if (!line) return fail(kind, "no-line", `no P/L line for client ${clientId}`);
      await think();
      const cells = { ...line.cells, monthly_orders: String((Number(line.cells.monthly_orders) + 1) % 5000) };
      const fields: [string, string][] = [
        ["clientId", clientId],
        ["id", line.id],
        ["version", String(line.version)],
        ...Object.entries(cells),
      ];
      const page = `/clients/${clientId}/economics`;
      await save(kind, () => callAction(base, page, world.actions.updatePlLine, user.cookie, fields));
      return;
    }
  }
}

function pickKind(mix: [Kind, number][], total: number): Kind {
  let roll = Math.random() * total;
  for (const [kind, weight] of mix) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return "list";
}

async function work(user: User, world: World, deadline: number): Promise<void> {
  const mix = MIX[user.role];
  const total = mix.reduce((sum, [, weight]) => sum + weight, 0);
  const counter = { n: 0 };
  // Spread the start so that 50 users do not arrive in step.
  await sleep(Math.random() * THINK_MS);
  while (Date.now() < deadline) {
    await step(user, world, pickKind(mix, total), counter);
    await think();
  }
}

// ---------------------------------------------------------------------------------------------------------

async function soak(started: (server: BenchServer) => void): Promise<void> {
  for (const [name, value] of [
    ["duration", DURATION_MS],
    ["users", USERS],
    ["think", THINK_MS],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number`);
  }
  if (USERS < 4) throw new Error("--users must be at least 4 (an owner, a manager and two operators)");
  if (!localDatabaseUrl("soak-test")) {
    throw new Error("The soak test runs on a Postgres server: set DATABASE_URL to a local one.");
  }
  await prepareBuild(Boolean(options["no-build"]));
  const actions = {
    updateClient: actionId("app/(app)/clients/actions.ts", "updateClient"),
    updatePlLine: actionId("app/(app)/clients/[id]/economics/actions.ts", "updatePlLine"),
  };

  const managers = Math.max(1, Math.round(USERS / 5) - 1);
  log(`preparing the data set in portal_soak (${USERS} users)…`);
  const prepared = await prepareDatabase({
    holder: "npm run bench:soak",
    database: "portal_soak",
    pgliteDir: ".data/soak-pglite",
    data: { managers, operators: USERS - 1 - managers, smallPlClients: 40, smallPlLines: 10 },
  });
  const { data } = prepared;
  const url = prepared.env.DATABASE_URL;
  if (!url) throw new Error("the soak database has no URL");
  const db = connect({ url, holder: "npm run bench:soak" });

  const port = options.port ? Number(options.port) : await freePort();
  const server = new BenchServer(port, { ...prepared.env, DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE });
  started(server);
  log(`starting next start on ${server.base} (${prepared.label})…`);
  await server.ready();

  log(`signing in ${data.members.length} users…`);
  const allClients = data.clients.map((c) => c.id);
  const users: User[] = [];
  for (let i = 0; i < data.members.length; i += 4) {
    const batch = data.members.slice(i, i + 4);
    const signedIn = await Promise.all(batch.map((m) => signIn(server.base, m.email, data.password)));
    batch.forEach((member, j) => {
      const clients = member.role === "operator" ? member.assignedClientIds : allClients;
      users.push({
        ...member,
        cookie: signedIn[j]?.header() ?? "",
        clients,
        plClients: data.plClientIds.filter((id) => clients.includes(id)),
      });
    });
  }
  const world: World = {
    base: server.base,
    data,
    clientsById: new Map(data.clients.map((c) => [c.id, c])),
    actions,
    readLine: async (clientId) => {
      const lines = await db.db
        .select()
        .from(plLines)
        .where(and(eq(plLines.agencyId, data.agencyId), eq(plLines.clientId, clientId)))
        .orderBy(asc(plLines.sku), asc(plLines.scenario));
      const line = pickHot(lines, HOT_LINES * 3);
      return line && { id: line.id, version: line.version, cells: toCells(line) };
    },
  };

  // Warm-up, not counted: every user opens the client list once.
  await Promise.all(
    users.map((u) => fetch(`${server.base}/clients`, { headers: { cookie: u.cookie } }).then((r) => r.text())),
  );
  const rss = { start: server.memory().rssMb, max: 0, end: 0 };
  const byRole = (role: BenchMember["role"]) => users.filter((u) => u.role === role).length;
  log(
    `${users.length} users (${byRole("owner")} owner, ${byRole("manager")} managers, ${byRole("operator")} operators) ` +
      `for ${DURATION_MS / 1000} s; server RSS ${fixed(rss.start)} MB`,
  );
  const started_at = performance.now();
  const deadline = Date.now() + DURATION_MS;
  const sampler = setInterval(() => {
    const now = server.memory().rssMb;
    rss.max = Math.max(rss.max, now);
    const done = [...stats.values()].reduce((sum, s) => sum + s.requests, 0);
    log(`${fixed((performance.now() - started_at) / 1000, 0)} s: ${done} requests, server RSS ${fixed(now)} MB`);
  }, 30_000);
  try {
    await Promise.all(users.map((u) => work(u, world, deadline)));
  } finally {
    clearInterval(sampler);
    await db.close();
  }
  const seconds = (performance.now() - started_at) / 1000;
  rss.end = server.memory().rssMb;
  rss.max = Math.max(rss.max, rss.end);

  report(prepared.label, users.length, seconds, rss);
  const errors = [...stats.values()].reduce((sum, s) => sum + s.errors, 0);
  if (errors > 0) throw new Error(`${errors} errors`);
}

function report(label: string, userCount: number, seconds: number, rss: { start: number; end: number; max: number }) {
  const header = ["request", "count", "errors", "conflicts", "p50 ms", "p95 ms", "p99 ms", "max ms", "KB/resp"];
  const rows = KINDS.map((kind) => {
    const s = stats.get(kind) ?? new PageStats();
    s.seconds = seconds;
    const summary = s.summary();
    const max = s.latencies.reduce((m, v) => Math.max(m, v), 0);
    return {
      kind,
      summary,
      max,
      cells: [
        LABELS[kind],
        String(summary.requests),
        String(summary.errors),
        String(conflicts.get(kind) ?? 0),
        fixed(summary.p50),
        fixed(summary.p95),
        fixed(summary.p99),
        fixed(max),
        kind.endsWith("Save") ? "-" : fixed(summary.meanKb),
      ],
    };
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  const total = rows.reduce((sum, r) => sum + r.summary.requests, 0);
  const errors = rows.reduce((sum, r) => sum + r.summary.errors, 0);
  const conflictCount = [...conflicts.values()].reduce((sum, n) => sum + n, 0);
  console.log("");
  console.log(`Soak test — ${label}, ${userCount} users, ${fixed(seconds, 0)} s, think time ~${THINK_MS / 1000} s`);
  console.log("");
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(r.cells));
  console.log("");
  console.log(
    `total: ${total} requests (${fixed(total / seconds)}/s), ${errors} errors, ${conflictCount} conflicts ` +
      "(a save that met a newer version and was refused, as it must be)",
  );
  console.log(
    `server RSS: ${fixed(rss.start)} MB at the start, ${fixed(rss.end)} MB at the end (${fixed(rss.max)} MB at most)`,
  );
  for (const f of failures) console.log(`error: ${f}`);
  console.log("");
  console.log(
    `SOAK_JSON ${JSON.stringify({
      database: label,
      users: userCount,
      seconds: round(seconds, 1),
      total,
      errors,
      conflicts: conflictCount,
      requests: Object.fromEntries(
        rows.map((r) => [
          r.kind,
          {
            count: r.summary.requests,
            errors: r.summary.errors,
            conflicts: conflicts.get(r.kind) ?? 0,
            p50: round(r.summary.p50, 1),
            p95: round(r.summary.p95, 1),
            max: round(r.max, 1),
          },
        ]),
      ),
      rssMb: { start: round(rss.start, 1), end: round(rss.end, 1), max: round(rss.max, 1) },
    })}`,
  );
}

await runWithServer(soak);
