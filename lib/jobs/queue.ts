import "server-only";
// Background jobs behind one small interface. On a Postgres server the jobs live in pg-boss's tables (they
// survive a restart and are shared by every instance); on the embedded database (one process by design) the
// same interface runs them in this process, one at a time. What a job achieves is kept in the app's own
// tables, so a job that runs twice (a retry, a restart half-way) does no harm.

export type JobData = Record<string, string>;
export type JobHandler = (data: JobData) => Promise<void>;

export interface JobQueue {
  readonly kind: "pg-boss" | "in-process";
  /** Queues jobs; they run after the caller's transaction has committed (the caller sends after commit). */
  send(name: string, jobs: readonly JobData[]): Promise<void>;
  /** Handles the jobs of `name` from now on. */
  work(name: string, handler: JobHandler): Promise<void>;
  /** Waits until every queued job has run (in-process only; pg-boss workers poll on their own). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export type InProcessQueue = JobQueue & {
  /** Runs at most `limit` queued jobs now (tests: a server killed half-way through a run). */
  run(limit: number): Promise<void>;
  pendingCount(): number;
};

/**
 * Jobs in memory, run one after another. `autoRun: false` leaves them queued until `drain()` (tests use it to
 * stop a run half-way, as a killed server would).
 */
export function inProcessQueue(options: { autoRun?: boolean } = {}): InProcessQueue {
  const autoRun = options.autoRun ?? true;
  const queue: { name: string; data: JobData }[] = [];
  const handlers = new Map<string, JobHandler>();
  let running: Promise<void> | null = null;
  let stopped = false;

  async function loop(limit = Number.POSITIVE_INFINITY) {
    let n = 0;
    while (!stopped && n < limit) {
      const index = queue.findIndex((job) => handlers.has(job.name));
      if (index < 0) return;
      const [job] = queue.splice(index, 1);
      if (!job) return;
      n++;
      try {
        await handlers.get(job.name)?.(job.data);
      } catch (error) {
        // The handler records its own failures; this is a bug in the handler itself.
        console.error(`[jobs] ${job.name} failed`, error);
      }
    }
  }

  function kick() {
    if (!autoRun || running || stopped) return;
    running = loop().finally(() => {
      running = null;
      if (queue.some((job) => handlers.has(job.name))) kick();
    });
  }

  return {
    kind: "in-process",
    async send(name, jobs) {
      for (const data of jobs) queue.push({ name, data });
      kick();
    },
    async work(name, handler) {
      handlers.set(name, handler);
      kick();
    },
    async drain() {
      if (running) await running;
      await loop();
    },
    async stop() {
      stopped = true;
      if (running) await running;
      queue.length = 0;
    },
    async run(limit) {
      if (running) await running;
      await loop(limit);
    },
    pendingCount: () => queue.length,
  };
}

/** pg-boss on the Postgres server named by `url` (its own schema, `pgboss`). */
export async function pgBossQueue(url: string): Promise<JobQueue> {
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 4, application_name: "report jobs" });
  boss.on("error", (error) => console.error("[jobs] pg-boss", error));
  await boss.start();
  const created = new Set<string>();
  async function ensureQueue(name: string) {
    if (created.has(name)) return;
    await boss.createQueue(name, { name, retryLimit: 2, retryDelay: 5 });
    created.add(name);
  }
  return {
    kind: "pg-boss",
    async send(name, jobs) {
      await ensureQueue(name);
      if (jobs.length > 0) await boss.insert(jobs.map((data) => ({ name, data })));
    },
    async work(name, handler) {
      await ensureQueue(name);
      // A worker fetches a batch, handles it, then waits for the polling interval: with small batches a run of
      // 500 clients took two minutes on the benchmark; 50 a batch takes it to a few seconds a hundred.
      await boss.work<JobData>(name, { batchSize: 50, pollingIntervalSeconds: 0.5 }, async (batch) => {
        for (const job of batch) await handler(job.data);
      });
    },
    async drain() {},
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
