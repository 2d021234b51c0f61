import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tenantPolicy } from "./_shared";
import { agencies } from "./agencies";

/** One row per mutation: who did what to which row, with the row before and after. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    /** NULL for actions without a signed-in actor (e.g. accepting an invite records the new user instead). */
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_agency_at_idx").on(t.agencyId, t.at), tenantPolicy("audit_log")],
).enableRLS();

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

/**
 * How far an agency's data has moved: one row per agency, its `revision` raised by the commit of every
 * transaction that wrote audit rows for the agency (a deferred trigger on audit_log, migration 0021). Every
 * mutation writes an audit row, so an unchanged revision means unchanged data; lib/cache/agency-memo.ts keeps
 * figures derived from the whole agency under it.
 */
export const agencyRevisions = pgTable(
  "agency_revisions",
  {
    agencyId: uuid("agency_id")
      .primaryKey()
      .references(() => agencies.id, { onDelete: "cascade" }),
    revision: bigint("revision", { mode: "number" }).notNull().default(0),
  },
  () => [tenantPolicy("agency_revisions")],
).enableRLS();
