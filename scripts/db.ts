// Database commands: `tsx --conditions=react-server scripts/db.ts migrate|seed`. Each opens the database the
// app would use (DATABASE_URL, or the embedded PGlite directory, which it refuses to open while the app runs).
import { connect } from "@/db/client";
import { migrateToLatest } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/lib/demo-accounts";
import { seedReports } from "@/lib/reports/seed";

async function main() {
  const command = process.argv[2];
  if (command !== "migrate" && command !== "seed") {
    console.error("usage: scripts/db.ts migrate|seed");
    process.exit(2);
  }
  const url = process.env.DATABASE_URL || undefined;
  const connection = connect({
    url,
    pgliteDir: process.env.PGLITE_DIR || ".data/pglite",
    holder: `npm run db:${command}`,
  });
  try {
    await migrateToLatest(connection);
    console.log(
      `Migrated ${url ? "the Postgres database" : `the embedded database at ${process.env.PGLITE_DIR || ".data/pglite"}`}.`,
    );
    if (command === "seed") {
      const counts = await seedDemo(connection.db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
      const reports = await seedReports(connection.db);
      console.log(
        `Demo data ready: ${counts.agencies} agencies, ${counts.clients} clients, ${counts.users} users, ${reports} reports published.`,
      );
    }
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
