import "server-only";
import { and, asc, desc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { ReportCommentary } from "../../lib/domain/report-commentary";
import type { DbOrTx } from "../client";
import { ConflictError, NotFoundError } from "../errors";
import { clients, monthlyReports, reportReads, reportRevisions, reportRunItems, reportRuns, users } from "../schema";
import type { ClientScope } from "../scope";
import { clientScopeCondition } from "./clients";
import { updateVersioned } from "./versioned";

/**
 * Reports a member may see: the clients of their scope; a client user only reports with a published
 * revision (a draft is the agency's work in progress).
 */
function reportScope(scope: ClientScope): SQL | undefined {
  return and(clientScopeCondition(scope), scope.kind === "own" ? gt(monthlyReports.revision, 0) : undefined);
}

const reportColumns = {
  id: monthlyReports.id,
  clientId: monthlyReports.clientId,
  clientName: clients.name,
  clientCode: clients.code,
  month: monthlyReports.month,
  status: monthlyReports.status,
  revision: monthlyReports.revision,
  commentary: monthlyReports.commentary,
  version: monthlyReports.version,
  publishedAt: monthlyReports.publishedAt,
  firstPublishedAt: monthlyReports.firstPublishedAt,
  createdAt: monthlyReports.createdAt,
  updatedAt: monthlyReports.updatedAt,
};

function reportsWithClient(db: DbOrTx) {
  return db
    .select(reportColumns)
    .from(monthlyReports)
    .innerJoin(clients, and(eq(clients.agencyId, monthlyReports.agencyId), eq(clients.id, monthlyReports.clientId)));
}

export type ReportRow = Awaited<ReturnType<typeof getReportOrThrow>>;

/** One client's report of a month, or null when none was generated (or the member may not see it). */
export async function findReport(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; month: string; scope: ClientScope },
) {
  const [row] = await reportsWithClient(db).where(
    and(
      eq(monthlyReports.agencyId, p.agencyId),
      eq(monthlyReports.clientId, p.clientId),
      eq(monthlyReports.month, p.month),
      reportScope(p.scope),
    ),
  );
  return row ?? null;
}

export async function getReportOrThrow(db: DbOrTx, p: { agencyId: string; reportId: string; scope: ClientScope }) {
  const [row] = await reportsWithClient(db).where(
    and(eq(monthlyReports.agencyId, p.agencyId), eq(monthlyReports.id, p.reportId), reportScope(p.scope)),
  );
  if (!row) throw new NotFoundError("report");
  return row;
}

/**
 * The month's draft of a client, created if there is none. One report per client and month whatever runs
 * at once: the insert does nothing on the unique (agency, client, month), and the existing row is read.
 */
export async function ensureDraft(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; month: string; commentary: ReportCommentary; createdBy: string | null },
): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insert(monthlyReports)
    .values({
      agencyId: p.agencyId,
      clientId: p.clientId,
      month: p.month,
      commentary: p.commentary,
      createdBy: p.createdBy,
    })
    .onConflictDoNothing({ target: [monthlyReports.agencyId, monthlyReports.clientId, monthlyReports.month] })
    .returning({ id: monthlyReports.id });
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const [existing] = await db
    .select({ id: monthlyReports.id })
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.agencyId, p.agencyId),
        eq(monthlyReports.clientId, p.clientId),
        eq(monthlyReports.month, p.month),
      ),
    );
  if (!existing) throw new Error("report vanished between insert and read");
  return { id: existing.id, created: false };
}

/** The working commentary, checked against the version the author read. Returns the new version. */
export async function saveCommentary(
  db: DbOrTx,
  p: { agencyId: string; reportId: string; version: number; commentary: ReportCommentary },
): Promise<number> {
  return updateVersioned(
    db,
    monthlyReports,
    { agencyId: p.agencyId, id: p.reportId, version: p.version },
    { commentary: p.commentary },
    { entity: "report" },
  );
}

/**
 * Locks the report row for a publication and checks the version the publisher read: of two publications of
 * the same draft at once, the second waits here, then finds the version moved on and gets a conflict.
 */
export async function lockReportForPublish(db: DbOrTx, p: { agencyId: string; reportId: string; version: number }) {
  const [row] = await db
    .select({ revision: monthlyReports.revision, version: monthlyReports.version })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.agencyId, p.agencyId), eq(monthlyReports.id, p.reportId)))
    .for("update");
  if (!row) throw new NotFoundError("report");
  if (row.version !== p.version) throw new ConflictError("report");
  return row;
}

/** Stores revision n + 1 (the snapshot as built) and marks the report published. */
export async function insertRevision(
  db: DbOrTx,
  p: {
    agencyId: string;
    reportId: string;
    revision: number;
    version: number;
    schemaVersion: number;
    snapshot: unknown;
    publishedBy: string | null;
    at: Date;
  },
): Promise<{ revision: number; version: number }> {
  await db.insert(reportRevisions).values({
    agencyId: p.agencyId,
    reportId: p.reportId,
    revision: p.revision,
    schemaVersion: p.schemaVersion,
    snapshot: p.snapshot,
    publishedAt: p.at,
    publishedBy: p.publishedBy,
  });
  const version = await updateVersioned(
    db,
    monthlyReports,
    { agencyId: p.agencyId, id: p.reportId, version: p.version },
    {
      status: "published",
      revision: p.revision,
      publishedAt: p.at,
      firstPublishedAt: sql`coalesce(${monthlyReports.firstPublishedAt}, ${p.at.toISOString()}::timestamptz)`,
    },
    { entity: "report" },
  );
  return { revision: p.revision, version };
}

/** A report's revisions, newest first, without their snapshots. */
export async function listRevisions(db: DbOrTx, p: { agencyId: string; reportId: string }) {
  return db
    .select({
      revision: reportRevisions.revision,
      schemaVersion: reportRevisions.schemaVersion,
      publishedAt: reportRevisions.publishedAt,
      publishedByName: users.name,
    })
    .from(reportRevisions)
    .leftJoin(users, eq(users.id, reportRevisions.publishedBy))
    .where(and(eq(reportRevisions.agencyId, p.agencyId), eq(reportRevisions.reportId, p.reportId)))
    .orderBy(desc(reportRevisions.revision));
}

export async function getRevisionOrThrow(db: DbOrTx, p: { agencyId: string; reportId: string; revision: number }) {
  const [row] = await db
    .select({
      revision: reportRevisions.revision,
      schemaVersion: reportRevisions.schemaVersion,
      snapshot: reportRevisions.snapshot,
      publishedAt: reportRevisions.publishedAt,
    })
    .from(reportRevisions)
    .where(
      and(
        eq(reportRevisions.agencyId, p.agencyId),
        eq(reportRevisions.reportId, p.reportId),
        eq(reportRevisions.revision, p.revision),
      ),
    );
  if (!row) throw new NotFoundError("report_revision");
  return row;
}

/**
 * The agency's view of a month: every client the member may see that is active, or has a report that month,
 * with its report (if any). Ended clients without a report are left out.
 */
export async function listMonthReports(db: DbOrTx, p: { agencyId: string; month: string; scope: ClientScope }) {
  return db
    .select({
      clientId: clients.id,
      clientName: clients.name,
      clientCode: clients.code,
      clientStatus: clients.status,
      reportId: monthlyReports.id,
      status: monthlyReports.status,
      revision: monthlyReports.revision,
      version: monthlyReports.version,
      publishedAt: monthlyReports.publishedAt,
      firstPublishedAt: monthlyReports.firstPublishedAt,
      updatedAt: monthlyReports.updatedAt,
    })
    .from(clients)
    .leftJoin(
      monthlyReports,
      and(
        eq(monthlyReports.agencyId, clients.agencyId),
        eq(monthlyReports.clientId, clients.id),
        eq(monthlyReports.month, p.month),
      ),
    )
    .where(
      and(
        eq(clients.agencyId, p.agencyId),
        clientScopeCondition(p.scope),
        sql`(${clients.status} = 'active' or ${monthlyReports.id} is not null)`,
      ),
    )
    .orderBy(asc(clients.name), asc(clients.id));
}

/** The active clients of the agency: whom a bulk run generates for. */
export async function listActiveClientIds(db: DbOrTx, p: { agencyId: string }) {
  const rows = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.agencyId, p.agencyId), eq(clients.status, "active")))
    .orderBy(asc(clients.name), asc(clients.id));
  return rows.map((r) => r.id);
}

/** A client's published reports, newest month first, with the revision this member last opened. */
export async function listPublishedReports(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; membershipId: string; scope: ClientScope },
) {
  return db
    .select({
      id: monthlyReports.id,
      month: monthlyReports.month,
      revision: monthlyReports.revision,
      publishedAt: monthlyReports.publishedAt,
      readRevision: reportReads.revision,
    })
    .from(monthlyReports)
    .innerJoin(clients, and(eq(clients.agencyId, monthlyReports.agencyId), eq(clients.id, monthlyReports.clientId)))
    .leftJoin(
      reportReads,
      and(
        eq(reportReads.agencyId, monthlyReports.agencyId),
        eq(reportReads.reportId, monthlyReports.id),
        eq(reportReads.membershipId, p.membershipId),
      ),
    )
    .where(
      and(
        eq(monthlyReports.agencyId, p.agencyId),
        eq(monthlyReports.clientId, p.clientId),
        gt(monthlyReports.revision, 0),
        clientScopeCondition(p.scope),
      ),
    )
    .orderBy(desc(monthlyReports.month));
}

/** Remembers that a member opened a revision (the unread mark goes until a newer one is published). */
export async function markRead(
  db: DbOrTx,
  p: { agencyId: string; membershipId: string; reportId: string; revision: number },
) {
  await db
    .insert(reportReads)
    .values({ agencyId: p.agencyId, membershipId: p.membershipId, reportId: p.reportId, revision: p.revision })
    .onConflictDoUpdate({
      target: [reportReads.agencyId, reportReads.membershipId, reportReads.reportId],
      set: { revision: sql`greatest(${reportReads.revision}, excluded.revision)`, readAt: new Date() },
    });
}

/** When the report of a month was first published, for the SLA's report deadline (null: not yet). */
export async function reportFirstPublished(db: DbOrTx, p: { agencyId: string; clientId: string; month: string }) {
  const [row] = await db
    .select({ at: monthlyReports.firstPublishedAt })
    .from(monthlyReports)
    .where(
      and(
        eq(monthlyReports.agencyId, p.agencyId),
        eq(monthlyReports.clientId, p.clientId),
        eq(monthlyReports.month, p.month),
      ),
    );
  return row?.at ?? null;
}

// ── Bulk runs ────────────────────────────────────────────────────────────────────────────────────────

export async function createRun(
  db: DbOrTx,
  p: { agencyId: string; month: string; createdBy: string; clientIds: readonly string[] },
): Promise<string> {
  const [run] = await db
    .insert(reportRuns)
    .values({ agencyId: p.agencyId, month: p.month, createdBy: p.createdBy })
    .returning({ id: reportRuns.id });
  if (!run) throw new Error("no run");
  if (p.clientIds.length > 0) {
    await db
      .insert(reportRunItems)
      .values(p.clientIds.map((clientId) => ({ agencyId: p.agencyId, runId: run.id, clientId })));
  }
  return run.id;
}

export async function getRunOrThrow(db: DbOrTx, p: { agencyId: string; runId: string }) {
  const [run] = await db
    .select({ id: reportRuns.id, month: reportRuns.month, createdBy: reportRuns.createdBy })
    .from(reportRuns)
    .where(and(eq(reportRuns.agencyId, p.agencyId), eq(reportRuns.id, p.runId)));
  if (!run) throw new NotFoundError("report_run");
  return run;
}

/** The latest run of a month and its progress: done, failed (with reasons) and pending items. */
export async function latestRunProgress(db: DbOrTx, p: { agencyId: string; month: string }) {
  const [run] = await db
    .select({ id: reportRuns.id, createdAt: reportRuns.createdAt })
    .from(reportRuns)
    .where(and(eq(reportRuns.agencyId, p.agencyId), eq(reportRuns.month, p.month)))
    .orderBy(desc(reportRuns.createdAt), desc(reportRuns.id))
    .limit(1);
  if (!run) return null;
  return { id: run.id, createdAt: run.createdAt, ...(await runProgress(db, { agencyId: p.agencyId, runId: run.id })) };
}

export async function runProgress(db: DbOrTx, p: { agencyId: string; runId: string }) {
  const items = await db
    .select({
      clientId: reportRunItems.clientId,
      clientName: clients.name,
      status: reportRunItems.status,
      error: reportRunItems.error,
      attempts: reportRunItems.attempts,
    })
    .from(reportRunItems)
    .innerJoin(clients, and(eq(clients.agencyId, reportRunItems.agencyId), eq(clients.id, reportRunItems.clientId)))
    .where(and(eq(reportRunItems.agencyId, p.agencyId), eq(reportRunItems.runId, p.runId)))
    .orderBy(asc(clients.name));
  return {
    total: items.length,
    done: items.filter((i) => i.status === "done").length,
    failed: items.filter((i) => i.status === "failed"),
    pending: items.filter((i) => i.status === "pending").length,
  };
}

export async function setRunItem(
  db: DbOrTx,
  p: {
    agencyId: string;
    runId: string;
    clientId: string;
    status: "pending" | "done" | "failed";
    error?: string | null;
  },
) {
  await db
    .update(reportRunItems)
    .set({
      status: p.status,
      error: p.error ?? null,
      attempts: p.status === "pending" ? reportRunItems.attempts : sql`${reportRunItems.attempts} + 1`,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(reportRunItems.agencyId, p.agencyId),
        eq(reportRunItems.runId, p.runId),
        eq(reportRunItems.clientId, p.clientId),
      ),
    );
}

/** Puts a run's failed items back to pending (a retry); returns their client ids. */
export async function retryFailedItems(db: DbOrTx, p: { agencyId: string; runId: string }) {
  const rows = await db
    .update(reportRunItems)
    .set({ status: "pending", error: null, updatedAt: new Date() })
    .where(
      and(
        eq(reportRunItems.agencyId, p.agencyId),
        eq(reportRunItems.runId, p.runId),
        eq(reportRunItems.status, "failed"),
      ),
    )
    .returning({ clientId: reportRunItems.clientId });
  return rows.map((r) => r.clientId);
}

/**
 * System query (across agencies, outside any tenant context): every pending item of every run, for a server
 * that starts to resume what a stopped one left. Runs as the connection's own role, like db/queries/system.ts.
 */
export async function listPendingRunItemsAcrossAgencies(db: DbOrTx) {
  return db
    .select({
      agencyId: reportRunItems.agencyId,
      runId: reportRunItems.runId,
      clientId: reportRunItems.clientId,
    })
    .from(reportRunItems)
    .where(eq(reportRunItems.status, "pending"));
}
/** System query (the demo seed, outside any tenant): every active client of every agency. */
export async function listActiveClientsAcrossAgencies(db: DbOrTx) {
  return db
    .select({ agencyId: clients.agencyId, id: clients.id })
    .from(clients)
    .where(eq(clients.status, "active"))
    .orderBy(asc(clients.agencyId), asc(clients.name));
}

/**
 * For some clients and a month: the report's status and first publication (null when none was generated),
 * and the report deadline's business day from the client's active contract (null when none states it).
 */
export async function reportStatusRows(
  db: DbOrTx,
  p: { agencyId: string; clientIds: readonly string[]; month: string },
) {
  if (p.clientIds.length === 0) return [];
  return db
    .select({
      clientId: clients.id,
      status: monthlyReports.status,
      firstPublishedAt: monthlyReports.firstPublishedAt,
      deadlineBusinessDay: sql<number | null>`(
        select (v.document -> 'sla' ->> 'reportDeadlineBusinessDay')::int
        from contracts c join contract_versions v on v.agency_id = c.agency_id and v.id = c.current_version_id
        where c.agency_id = ${clients.agencyId} and c.client_id = ${clients.id} and c.status = 'active'
        order by c.created_at desc limit 1)`,
    })
    .from(clients)
    .leftJoin(
      monthlyReports,
      and(
        eq(monthlyReports.agencyId, clients.agencyId),
        eq(monthlyReports.clientId, clients.id),
        eq(monthlyReports.month, p.month),
      ),
    )
    .where(and(eq(clients.agencyId, p.agencyId), inArray(clients.id, [...p.clientIds])));
}
