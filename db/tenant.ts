import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";

/**
 * Runs `fn` in one transaction inside an agency's row-level-security context: the agency is set with
 * set_config(…, true) and the role with SET LOCAL ROLE, both transaction-local, so nothing leaks to the next
 * user of a pooled connection. Every request-driven query goes through here; the few system queries that
 * must see across agencies (sign-in, sign-up, accepting an invite) live in db/queries/system.ts.
 */
export async function withTenant<T>(db: Database, agencyId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await enterTenant(tx, agencyId);
    return fn(tx);
  });
}

/** Switches an open transaction into the agency's context; everything after it is row-level secured. */
export async function enterTenant(tx: Transaction, agencyId: string): Promise<void> {
  // One statement, not two: set_config('role', …, true) is SET LOCAL ROLE (the same membership check), and
  // every request pays this round trip.
  await tx.execute(sql`select set_config('app.agency_id', ${agencyId}, true), set_config('role', 'app_tenant', true)`);
}
