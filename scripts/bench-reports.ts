// Report benchmark: `npm run bench:reports [-- --clients 500] [--pdfs 20]`. In this process, on a fresh
// database (an embedded PGlite directory, or a new `portal_bench_reports` database on the local Postgres of
// DATABASE_URL), with the page benchmark's data set (scripts/bench-data.ts) and every client active:
//   bulk     the agency's month for all clients through the report queue (pg-boss on Postgres, the in-process
//            runner on PGlite) — wall-clock time from queuing to the last draft (target ≤ 60 s for 500)
//   snapshot building a report's snapshot for the client with 3 years × 6 channels of weekly figures (p50/p95)
//   pdf      rendering that report's PDF with the embedded Japanese font (p50/p95, size)
// The published report page's throughput is measured by `npm run bench` (page `report`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { connect } from "@/db/client";
import { createRun, runProgress } from "@/db/queries/reports";
import { clients } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { addMonths, monthKey } from "@/lib/domain/calendar";
import { emptyCommentary } from "@/lib/domain/report-commentary";
import { inProcessQueue, type JobQueue, pgBossQueue } from "@/lib/jobs/queue";
import { buildSnapshot } from "@/lib/reports/build";
import { REPORT_JOB, runReportJob } from "@/lib/reports/service";
import { fixed, log, percentile, prepareDatabase, round } from "./bench-lib";

const { values: options } = parseArgs({
  options: {
    clients: { type: "string", default: "500" },
    pdfs: { type: "string", default: "20" },
  },
});
const CLIENTS = Number(options.clients);
const PDFS = Number(options.pdfs);
const BULK_TARGET_S = 60;

const prepared = await prepareDatabase({
  holder: "npm run bench:reports",
  database: "portal_bench_reports",
  pgliteDir: ".data/bench-reports-pglite",
  data: { clients: CLIENTS, plLines: 20 },
});
const { data } = prepared;
const connection = connect({
  url: prepared.env.DATABASE_URL,
  pgliteDir: prepared.env.PGLITE_DIR,
  holder: "npm run bench:reports",
});
const db = connection.db;
const tokyoNow = new Date(Date.now() + 9 * 3_600_000);
const thisMonth = { year: tokyoNow.getUTCFullYear(), month: tokyoNow.getUTCMonth() + 1 };
const lastMonth = monthKey(addMonths(thisMonth, -1));

try {
  await db.update(clients).set({ status: "active" }).where(eq(clients.agencyId, data.agencyId));
  const clientIds = (await db.select({ id: clients.id }).from(clients).where(eq(clients.agencyId, data.agencyId))).map(
    (c) => c.id,
  );
  const owner = await db.execute<{ id: string }>(
    sql`select u.id from users u join memberships m on m.user_id = u.id where m.agency_id = ${data.agencyId} and m.role = 'owner' limit 1`,
  );
  const ownerId = (Array.isArray(owner) ? owner[0] : (owner as { rows: { id: string }[] }).rows[0])?.id ?? "";

  // ── Bulk run ────────────────────────────────────────────────────────────────────────────────────────
  const queue: JobQueue = prepared.env.DATABASE_URL ? await pgBossQueue(prepared.env.DATABASE_URL) : inProcessQueue();
  await queue.work(REPORT_JOB, (job) => runReportJob(job, db));
  const started = performance.now();
  const runId = await withTenant(db, data.agencyId, (tx) =>
    createRun(tx, { agencyId: data.agencyId, month: lastMonth, createdBy: ownerId, clientIds }),
  );
  await queue.send(
    REPORT_JOB,
    clientIds.map((clientId) => ({ agencyId: data.agencyId, runId, clientId })),
  );
  log(`bulk run of ${clientIds.length} clients queued (${queue.kind})…`);
  let done = 0;
  let failed = 0;
  for (;;) {
    await queue.drain();
    const progress = await withTenant(db, data.agencyId, (tx) => runProgress(tx, { agencyId: data.agencyId, runId }));
    done = progress.done;
    failed = progress.failed.length;
    if (progress.pending === 0) break;
    if (performance.now() - started > 600_000) throw new Error("bulk run did not finish within 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const bulkSeconds = (performance.now() - started) / 1000;
  await queue.stop();

  // ── Snapshot and PDF of the large client ────────────────────────────────────────────────────────────
  const subject = {
    agencyId: data.agencyId,
    client: { id: data.kpi.clientId, name: "ベンチマーク顧客", code: "BENCH-KPI" },
    month: lastMonth,
    commentary: emptyCommentary(),
  };
  const snapshotTimes: number[] = [];
  let snapshot: unknown = null;
  for (let i = 0; i <= PDFS; i++) {
    const t0 = performance.now();
    snapshot = await withTenant(db, data.agencyId, (tx) => buildSnapshot(tx, subject));
    // The first round warms up; it is not counted.
    if (i > 0) snapshotTimes.push(performance.now() - t0);
  }
  snapshotTimes.sort((a, b) => a - b);
  // The PDF renders in a process of its own: @react-pdf/renderer needs React outside the react-server condition.
  const file = path.resolve(".data/bench-report-snapshot.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(snapshot));
  const child = spawnSync(
    "npx",
    ["tsx", "--import", "./scripts/server-only-stub.mjs", "scripts/bench-pdf.ts", file, String(PDFS)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) throw new Error(`rendering the PDF failed (exit ${child.status})`);
  const rendered = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as { times: number[]; bytes: number };
  const pdfTimes = [...rendered.times].sort((a, b) => a - b);
  const pdfBytes = rendered.bytes;

  console.log("");
  console.log(`Report benchmark — ${prepared.label}, ${clientIds.length} clients`);
  const pass = bulkSeconds <= BULK_TARGET_S && failed === 0;
  console.log(
    `${pass ? "PASS" : "FAIL"}  bulk run (${queue.kind}): ${done} drafts, ${failed} failed in ${fixed(bulkSeconds)} s ` +
      `(target ≤ ${BULK_TARGET_S} s for 500)`,
  );
  console.log(
    `INFO  snapshot of a client with 3 years × 6 channels: p50 ${fixed(percentile(snapshotTimes, 50))} ms, ` +
      `p95 ${fixed(percentile(snapshotTimes, 95))} ms`,
  );
  console.log(
    `INFO  its PDF (Noto Sans JP embedded): p50 ${fixed(percentile(pdfTimes, 50))} ms, ` +
      `p95 ${fixed(percentile(pdfTimes, 95))} ms, ${fixed(pdfBytes / 1024)} KB`,
  );
  console.log(
    `BENCH_REPORTS_JSON ${JSON.stringify({
      database: prepared.label,
      clients: clientIds.length,
      bulkSeconds: round(bulkSeconds, 2),
      done,
      failed,
      snapshotP50: round(percentile(snapshotTimes, 50), 1),
      snapshotP95: round(percentile(snapshotTimes, 95), 1),
      pdfP50: round(percentile(pdfTimes, 50), 1),
      pdfP95: round(percentile(pdfTimes, 95), 1),
      pdfKb: round(pdfBytes / 1024, 1),
    })}`,
  );
  if (!pass) process.exitCode = 1;
} finally {
  await connection.close();
}
