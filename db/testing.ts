import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Connection, connect } from "./client";
import { migrateToLatest } from "./migrate";

export type TestDatabase = Connection & { name: string };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or — when DATABASE_URL names a Postgres
 * server — a new database on that server, dropped again by `close()`. Nothing is shared between files.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const connection = connect({ holder: "tests" });
    await migrateToLatest(connection);
    return { ...connection, name: "pglite:memory" };
  }
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = connect({ url: url.toString(), holder: "tests" });
  await migrateToLatest(connection);
  return {
    ...connection,
    name,
    close: async () => {
      await connection.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
