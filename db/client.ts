import "server-only";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquirePgliteLock } from "./pglite-lock";
import { hasNamedStatements, PgliteWithNamedStatements } from "./pglite-named";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What query functions take: they run the same alone or inside a transaction. */
export type DbOrTx = Database | Transaction;

export type Connection = { db: Database; kind: "pglite" | "postgres"; url?: string; close: () => Promise<void> };

/** Opens a connection. The app uses `getDb()`; scripts and tests call this directly to own the lifetime. */
export function connect(options: { url?: string; pgliteDir?: string; holder: string }): Connection {
  if (options.url) {
    const sql = postgres(options.url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      // Keep the session clean between pooled uses: tenant settings are transaction-local (set_config …, true).
      connection: { application_name: options.holder },
    });
    const db = drizzlePostgres(sql, { schema }) as unknown as Database;
    return { db, kind: "postgres", url: options.url, close: () => sql.end({ timeout: 5 }) };
  }
  const dir = options.pgliteDir ?? "memory://";
  if (!dir.startsWith("memory://")) acquirePgliteLock(dir, options.holder);
  const client = new PgliteWithNamedStatements(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: "pglite", close: () => client.close() };
}

/**
 * On the embedded database, runs `text` (a prepared query's SQL) as the server-side prepared statement `name`
 * from now on (db/pglite-named.ts); on a Postgres server postgres.js keeps named statements by itself, and
 * inside a transaction nothing changes.
 */
function nameStatement(db: DbOrTx, name: string, text: string): void {
  const client = (db as { $client?: unknown }).$client;
  if (hasNamedStatements(client)) client.nameStatement(name, text);
}

/**
 * A query every request runs, built once per connection by `build` (which ends in drizzle's `.prepare(name)`):
 * building its SQL from the query builder on each call is a measurable part of a page. On the embedded database it
 * is also named as a server-side prepared statement (nameStatement), so Postgres plans it once.
 */
export function preparedOnce<Q extends { getQuery(): { sql: string } }>(
  name: string,
  build: (db: DbOrTx, name: string) => Q,
): (db: DbOrTx) => Q {
  const built = new WeakMap<DbOrTx, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db, name);
      built.set(db, query);
      nameStatement(db, name, query.getQuery().sql);
    }
    return query;
  };
}

// One connection per server process (kept on globalThis so dev-mode reloads do not open a second PGlite).
const globalForDb = globalThis as unknown as { __portalDb?: Connection };

export function getConnection(): Connection {
  if (!globalForDb.__portalDb) {
    globalForDb.__portalDb = connect({
      url: process.env.DATABASE_URL || undefined,
      pgliteDir: process.env.PGLITE_DIR || ".data/pglite",
      holder: "the app server",
    });
  }
  return globalForDb.__portalDb;
}

export function getDb(): Database {
  return getConnection().db;
}

/** Tests install a freshly migrated database here; production code never calls it. */
export function setConnectionForTesting(connection: Connection | undefined): void {
  if (process.env.NODE_ENV !== "test") throw new Error("setConnectionForTesting is for tests only");
  globalForDb.__portalDb = connection;
}
