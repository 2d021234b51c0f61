// Runs once when a server instance starts: bring the database schema up to date before serving.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConnection } = await import("./db/client");
  const { migrateToLatest } = await import("./db/migrate");
  await migrateToLatest(getConnection());
  // The report job queue's workers (and, on the embedded database, the runs a stopped server left).
  const { reportQueue } = await import("./lib/reports/queue");
  await reportQueue();
}
