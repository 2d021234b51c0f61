import { sql } from "drizzle-orm";
import { pgPolicy, pgRole, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The role every tenant-scoped transaction switches to (`SET LOCAL ROLE`). It is created by the
 * hand-written first migration, so drizzle only references it here.
 */
export const appTenant = pgRole("app_tenant").existing();

/** The agency of the current transaction, or NULL when none was set (then every policy matches nothing). */
export const currentAgency = sql`nullif(current_setting('app.agency_id', true), '')::uuid`;

/** Row-level security for a table that carries `agency_id`: reads and writes only inside the current agency. */
export function tenantPolicy(table: string) {
  return pgPolicy(`${table}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    to: appTenant,
    using: sql`agency_id = ${currentAgency}`,
    withCheck: sql`agency_id = ${currentAgency}`,
  });
}

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
