import "server-only";
// The server's report queue: pg-boss when DATABASE_URL names a Postgres server, in-process on the embedded
// database. Tests get an in-process queue that runs nothing until they say so (setReportQueueForTesting).

import { inProcessQueue, type JobQueue, pgBossQueue } from "@/lib/jobs/queue";
import { REPORT_JOB, resumePendingRuns, runReportJob } from "./service";

const holder = globalThis as unknown as { __reportQueue?: Promise<JobQueue> };

async function create(): Promise<JobQueue> {
  const url = process.env.DATABASE_URL;
  const queue =
    process.env.NODE_ENV === "test"
      ? inProcessQueue({ autoRun: false })
      : url
        ? await pgBossQueue(url)
        : inProcessQueue();
  await queue.work(REPORT_JOB, (data) => runReportJob(data));
  // pg-boss keeps its jobs across a restart; the in-process queue re-reads what the stopped server left.
  if (queue.kind === "in-process" && process.env.NODE_ENV !== "test") await resumePendingRuns(queue);
  return queue;
}

export function reportQueue(): Promise<JobQueue> {
  if (!holder.__reportQueue) {
    holder.__reportQueue = create().catch((error: unknown) => {
      holder.__reportQueue = undefined;
      throw error;
    });
  }
  return holder.__reportQueue;
}

export function setReportQueueForTesting(queue: JobQueue | undefined): void {
  if (process.env.NODE_ENV !== "test") throw new Error("setReportQueueForTesting is for tests only");
  holder.__reportQueue = queue ? Promise.resolve(queue) : undefined;
}

/** Queues one job per client of a run. */
export async function enqueueRun(p: { agencyId: string; runId: string; clientIds: readonly string[] }) {
  const queue = await reportQueue();
  await queue.send(
    REPORT_JOB,
    p.clientIds.map((clientId) => ({ agencyId: p.agencyId, runId: p.runId, clientId })),
  );
}
