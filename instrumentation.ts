// Runs once when a server instance starts: bring the database schema up to date before serving.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConnection } = await import("./db/client");
  const { migrateToLatest } = await import("./db/migrate");
  await migrateToLatest(getConnection());
}
