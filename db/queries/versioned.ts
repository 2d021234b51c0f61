import "server-only";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { ConflictError } from "../errors";

/** A tenant table with optimistic concurrency: every row carries the version the next writer must name. */
type VersionedTable = PgTable & { id: PgColumn; agencyId: PgColumn; version: PgColumn; updatedAt: PgColumn };

export type VersionedKey = { agencyId: string; id: string; version: number };

/**
 * The one version-checked update: sets `values`, moves the version on by one and stamps updated_at, but
 * only if the row still has the version the caller read. Otherwise nothing is written and it throws
 * ConflictError — a concurrent edit is never silently overwritten. Returns the new version.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: DbOrTx,
  table: T,
  key: VersionedKey,
  values: PgUpdateSetSource<T>,
  options: { entity: string; where?: SQL } = { entity: "row" },
): Promise<number> {
  const rows = await db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as PgUpdateSetSource<T>)
    .where(and(eq(table.agencyId, key.agencyId), eq(table.id, key.id), eq(table.version, key.version), options.where))
    .returning({ version: table.version });
  const row = (rows as { version: number }[])[0];
  if (!row) throw new ConflictError(options.entity);
  return row.version;
}
