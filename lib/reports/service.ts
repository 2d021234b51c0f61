import "server-only";
// What the report actions and the bulk job do to a report: create a client's draft (never a second one),
// publish a revision (the snapshot built at that moment, stored once), and run one item of a bulk run.

import type { DbOrTx } from "@/db/client";
import { getDb } from "@/db/client";
import { insertAuditRow } from "@/db/queries/audit";
import { getClientOrThrow } from "@/db/queries/clients";
import {
  ensureDraft,
  getReportOrThrow,
  getRunOrThrow,
  insertRevision,
  listPendingRunItemsAcrossAgencies,
  lockReportForPublish,
  setRunItem,
} from "@/db/queries/reports";
import { withTenant } from "@/db/tenant";
import { REPORT_SCHEMA_VERSION, type ReportSnapshot } from "@/lib/domain/report";
import { emptyCommentary } from "@/lib/domain/report-commentary";
import type { JobData, JobQueue } from "@/lib/jobs/queue";
import { buildSnapshot } from "./build";

export const REPORT_JOB = "report-generate";

/** The client's draft of the month, created when there is none. */
export async function generateDraft(
  tx: DbOrTx,
  p: { agencyId: string; clientId: string; month: string; actorUserId: string | null },
) {
  return ensureDraft(tx, {
    agencyId: p.agencyId,
    clientId: p.clientId,
    month: p.month,
    commentary: emptyCommentary(),
    createdBy: p.actorUserId,
  });
}

/**
 * Publishes the report as revision n + 1: locks it, checks the version the publisher read (so two
 * publications of one draft make one revision), builds the snapshot from the data as it is now and stores it.
 */
export async function publish(
  tx: DbOrTx,
  p: { agencyId: string; reportId: string; version: number; actorUserId: string | null; now?: Date },
): Promise<{ revision: number; version: number; snapshot: ReportSnapshot }> {
  const locked = await lockReportForPublish(tx, p);
  const report = await getReportOrThrow(tx, { agencyId: p.agencyId, reportId: p.reportId, scope: { kind: "all" } });
  const now = p.now ?? new Date();
  const snapshot = await buildSnapshot(
    tx,
    {
      agencyId: p.agencyId,
      client: { id: report.clientId, name: report.clientName, code: report.clientCode },
      month: report.month,
      commentary: report.commentary,
    },
    now,
  );
  const stored = await insertRevision(tx, {
    agencyId: p.agencyId,
    reportId: p.reportId,
    revision: locked.revision + 1,
    version: p.version,
    schemaVersion: REPORT_SCHEMA_VERSION,
    snapshot,
    publishedBy: p.actorUserId,
    at: now,
  });
  return { ...stored, snapshot };
}

/**
 * One client of a bulk run: make the draft (a no-op if it exists: a job run twice, or a server restarted
 * after the draft but before the item was marked), mark the item done, audit it. A failure is kept on the
 * item with its reason, for the manager to retry.
 */
export async function runReportJob(data: JobData, db = getDb()): Promise<void> {
  const { agencyId, runId, clientId } = data;
  if (!agencyId || !runId || !clientId) return;
  try {
    await withTenant(db, agencyId, async (tx) => {
      const run = await getRunOrThrow(tx, { agencyId, runId });
      await getClientOrThrow(tx, { agencyId, clientId, scope: { kind: "all" } });
      const draft = await generateDraft(tx, { agencyId, clientId, month: run.month, actorUserId: run.createdBy });
      await setRunItem(tx, { agencyId, runId, clientId, status: "done" });
      await insertAuditRow(tx, {
        agencyId,
        actorUserId: run.createdBy,
        action: "report.generate",
        entity: "monthly_report",
        entityId: draft.id,
        before: null,
        after: { clientId, month: run.month, runId, created: draft.created },
      });
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await withTenant(db, agencyId, (tx) =>
      setRunItem(tx, { agencyId, runId, clientId, status: "failed", error: reason.slice(0, 500) }),
    ).catch((e: unknown) => console.error("[reports] could not record a failed item", e));
  }
}

/** Queues every pending item left by a stopped server (a restart resumes the runs it interrupted). */
export async function resumePendingRuns(queue: JobQueue, db = getDb()): Promise<number> {
  const items = await listPendingRunItemsAcrossAgencies(db);
  await queue.send(
    REPORT_JOB,
    items.map((i) => ({ agencyId: i.agencyId, runId: i.runId, clientId: i.clientId })),
  );
  return items.length;
}
