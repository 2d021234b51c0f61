import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { ReportCommentary } from "../../lib/domain/report-commentary";
import { createdAt, id, tenantPolicy, updatedAt } from "./_shared";
import { agencies } from "./agencies";
import { clients } from "./clients";
import { memberships, users } from "./users";

export const reportStatusEnum = pgEnum("report_status", ["draft", "published"]);
export const reportRunItemStatusEnum = pgEnum("report_run_item_status", ["pending", "done", "failed"]);

const MONTH = sql.raw(`'^[0-9]{4}-(0[1-9]|1[0-2])$'`);

/**
 * One client's monthly report (SPEC §7): at most one per client and month. Until its first publication it
 * is a draft; `revision` is the number of the latest published revision (0 = none yet). The commentary is
 * the working copy the next publication freezes; `version` guards concurrent edits and publications.
 */
export const monthlyReports = pgTable(
  "monthly_reports",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    month: text("month").notNull(),
    status: reportStatusEnum("status").notNull().default("draft"),
    revision: integer("revision").notNull().default(0),
    commentary: jsonb("commentary").$type<ReportCommentary>().notNull(),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** The first publication: what the SLA's report deadline is judged by (a correction does not move it). */
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("monthly_reports_client_month_key").on(t.agencyId, t.clientId, t.month),
    unique("monthly_reports_agency_id_key").on(t.agencyId, t.id),
    index("monthly_reports_month_idx").on(t.agencyId, t.month),
    check("monthly_reports_month_format", sql`${t.month} ~ ${MONTH}`),
    check("monthly_reports_revision_range", sql`${t.revision} >= 0`),
    foreignKey({
      name: "monthly_reports_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("monthly_reports"),
  ],
).enableRLS();

/**
 * A published revision: the report's snapshot as it was frozen (a JSON document validated by the schema of
 * its `schema_version`, lib/domain/report.ts). Never updated (a trigger refuses it); a correction adds one.
 */
export const reportRevisions = pgTable(
  "report_revisions",
  {
    agencyId: uuid("agency_id").notNull(),
    reportId: uuid("report_id").notNull(),
    revision: integer("revision").notNull(),
    schemaVersion: integer("schema_version").notNull(),
    snapshot: jsonb("snapshot").$type<unknown>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ name: "report_revisions_pkey", columns: [t.agencyId, t.reportId, t.revision] }),
    check("report_revisions_revision_range", sql`${t.revision} >= 1`),
    foreignKey({
      name: "report_revisions_report_fk",
      columns: [t.agencyId, t.reportId],
      foreignColumns: [monthlyReports.agencyId, monthlyReports.id],
    }).onDelete("cascade"),
    tenantPolicy("report_revisions"),
  ],
).enableRLS();

/** Which revision of a report a member last opened: the portal's unread mark. */
export const reportReads = pgTable(
  "report_reads",
  {
    agencyId: uuid("agency_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    reportId: uuid("report_id").notNull(),
    revision: integer("revision").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "report_reads_pkey", columns: [t.agencyId, t.membershipId, t.reportId] }),
    foreignKey({
      name: "report_reads_report_fk",
      columns: [t.agencyId, t.reportId],
      foreignColumns: [monthlyReports.agencyId, monthlyReports.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "report_reads_membership_fk",
      columns: [t.agencyId, t.membershipId],
      foreignColumns: [memberships.agencyId, memberships.id],
    }).onDelete("cascade"),
    tenantPolicy("report_reads"),
  ],
).enableRLS();

/**
 * A bulk generation (every active client of the agency for a month): its items are the durable progress a
 * restarted server resumes from, whatever the job queue kept.
 */
export const reportRuns = pgTable(
  "report_runs",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    unique("report_runs_agency_id_key").on(t.agencyId, t.id),
    index("report_runs_month_idx").on(t.agencyId, t.month),
    check("report_runs_month_format", sql`${t.month} ~ ${MONTH}`),
    tenantPolicy("report_runs"),
  ],
).enableRLS();

export const reportRunItems = pgTable(
  "report_run_items",
  {
    agencyId: uuid("agency_id").notNull(),
    runId: uuid("run_id").notNull(),
    clientId: uuid("client_id").notNull(),
    status: reportRunItemStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: "report_run_items_pkey", columns: [t.agencyId, t.runId, t.clientId] }),
    index("report_run_items_pending_idx").on(t.status),
    foreignKey({
      name: "report_run_items_run_fk",
      columns: [t.agencyId, t.runId],
      foreignColumns: [reportRuns.agencyId, reportRuns.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "report_run_items_client_fk",
      columns: [t.agencyId, t.clientId],
      foreignColumns: [clients.agencyId, clients.id],
    }).onDelete("cascade"),
    tenantPolicy("report_run_items"),
  ],
).enableRLS();

export type MonthlyReport = typeof monthlyReports.$inferSelect;
export type ReportRevision = typeof reportRevisions.$inferSelect;
