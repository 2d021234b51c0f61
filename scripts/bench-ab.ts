// Two builds of the app side by side: `npm run bench:ab -- --a .next-a [--b .next] [--pages floor,clients,kpis]
// [--rounds 16] [--requests 150] [--connections 10]`.
// Whether a change makes a page cheaper is hard to read from two runs of `npm run bench`: a ratio moves by ±0.05
// between runs of the same code as the machine's state changes. This serves build A and build B at the same time,
// on copies of the same generated data, and loads one page on A, then on B, then on B, then on A…, so that a
// disturbance lands on both; it prints each page's median server CPU per request on A and on B.
//
// Build A first, from the version to compare with, and move it aside; then build B (the working tree):
//   git switch --detach <ref> && npm run build && rm -rf .next-a && mv .next .next-a && git switch - && npm run build
// (or `NEXT_DIST_DIR=.next-a npm run build` for a build of the working tree). With DATABASE_URL both servers share
// one Postgres database; without it, each gets its own copy of the PGlite directory. Comparing a build with itself
// (a null test) gave B/A 0.984 on the floor and 1.083 on the KPI page with 6 rounds of 100 requests, and 0.955 on
// the floor with the default 16 rounds of 150: a difference under about 5 % needs repeated runs to be believed.
import fs from "node:fs";
import { parseArgs } from "node:util";
import {
  BenchServer,
  fixed,
  freePort,
  log,
  type Prepared,
  prepareDatabase,
  processTree,
  runWithServer,
  signIn,
} from "./bench-lib";

const { values: options } = parseArgs({
  options: {
    a: { type: "string" },
    b: { type: "string", default: ".next" },
    pages: { type: "string", default: "floor,clients,pl,kpis,entry" },
    rounds: { type: "string", default: "16" },
    requests: { type: "string", default: "150" },
    connections: { type: "string", default: "10" },
  },
});

const ROUNDS = Number(options.rounds);
const REQUESTS = Number(options.requests);
const CONNECTIONS = Number(options.connections);

function pathsOf(data: Prepared["data"]): Record<string, string> {
  return {
    bare: "/bench-bare",
    floor: "/bench-floor",
    clients: "/clients",
    pl: `/clients/${data.plClientId}/economics`,
    kpis: `/clients/${data.kpi.clientId}/kpis`,
    entry: `/clients/${data.kpi.clientId}/kpis/entry`,
    portfolio: "/portfolio",
    start: "/",
  };
}

/** CPU ticks (user + system) of a process tree, in milliseconds. */
function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks * 10;
}

type Side = { name: "A" | "B"; server: BenchServer; cookie: string };

/** `REQUESTS` requests over `CONNECTIONS` connections; the server's CPU per request. */
async function measure(side: Side, path: string): Promise<number> {
  const before = cpuMs(side.server.pid);
  let sent = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (sent < REQUESTS) {
        sent++;
        const res = await fetch(`${side.server.base}${path}`, { headers: { cookie: side.cookie }, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${side.name} ${path}: HTTP ${res.status}`);
      }
    }),
  );
  return (cpuMs(side.server.pid) - before) / sent;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? Number.NaN;

await runWithServer(async (started) => {
  if (!options.a) throw new Error("--a: the build directory of version A (e.g. .next-a) is required");
  for (const dir of [options.a, options.b]) {
    if (!fs.existsSync(`${dir}/BUILD_ID`)) throw new Error(`no build in ${dir}`);
  }
  log("generating the data set…");
  const prepared = await prepareDatabase({
    holder: "bench:ab",
    database: "portal_bench_ab",
    pgliteDir: ".data/bench-ab-a",
  });
  const envB = { ...prepared.env };
  if (!process.env.DATABASE_URL) {
    fs.rmSync(".data/bench-ab-b", { recursive: true, force: true });
    fs.cpSync(".data/bench-ab-a", ".data/bench-ab-b", { recursive: true });
    envB.PGLITE_DIR = ".data/bench-ab-b";
  }
  // runWithServer stops the last server it was given (B); A is stopped here, also when B fails to start.
  let serverA: BenchServer | undefined;
  process.on("exit", () => serverA?.kill("SIGKILL"));
  const sides: Side[] = [];
  try {
    for (const [name, dir, env] of [
      ["A", options.a, prepared.env],
      ["B", options.b, envB],
    ] as const) {
      const server = new BenchServer(await freePort(), { ...env, NEXT_DIST_DIR: dir });
      if (name === "A") serverA = server;
      started(server);
      await server.ready();
      const cookie = (await signIn(server.base, prepared.data.ownerEmail, prepared.data.password)).header();
      sides.push({ name, server, cookie });
    }
    await compare(sides as [Side, Side], prepared);
  } finally {
    await serverA?.stop();
  }
});

async function compare([a, b]: [Side, Side], prepared: Prepared): Promise<void> {
  log(`A: ${options.a}, B: ${options.b}, on ${prepared.label}; ${ROUNDS} rounds of ${REQUESTS} requests each`);
  const paths = pathsOf(prepared.data);
  for (const page of (options.pages ?? "").split(",").filter(Boolean)) {
    const path = paths[page];
    if (!path) throw new Error(`unknown page ${page} (${Object.keys(paths).join(", ")})`);
    await measure(a, path);
    await measure(b, path);
    const ms: Record<"A" | "B", number[]> = { A: [], B: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of round % 2 === 0 ? [a, b] : [b, a]) ms[side.name].push(await measure(side, path));
    }
    const [ma, mb] = [median(ms.A), median(ms.B)];
    console.log(
      `${page.padEnd(10)} A ${fixed(ma, 2)} ms  B ${fixed(mb, 2)} ms  B/A ${fixed(mb / ma, 3)}   ` +
        `(A ${fixed(Math.min(...ms.A), 1)}–${fixed(Math.max(...ms.A), 1)}, B ${fixed(Math.min(...ms.B), 1)}–${fixed(Math.max(...ms.B), 1)})`,
    );
  }
}
