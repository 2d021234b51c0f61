"use server";
// Monthly reports (SPEC §7): generate a client's draft or the whole agency's month (a bulk run on the job
// queue), retry a run's failures, edit the draft commentary, publish (one report or several reviewed drafts).
import { revalidatePath } from "next/cache";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import {
  createRun,
  getReportOrThrow,
  getRunOrThrow,
  listActiveClientIds,
  retryFailedItems,
  saveCommentary as save,
} from "@/db/queries/reports";
import { type ActionContext, agencyAction } from "@/lib/actions/safe-action";
import { notifyPublished } from "@/lib/reports/notify";
import { enqueueRun } from "@/lib/reports/queue";
import { generateDraft, publish } from "@/lib/reports/service";
import {
  bulkGenerateSchema,
  bulkPublishSchema,
  commentarySchema,
  generateReportSchema,
  publishReportSchema,
  retryRunSchema,
} from "@/lib/schemas/reports";

const reportPath = (clientId: string, month: string) => `/clients/${clientId}/reports/${month}`;

async function ownReport(ctx: ActionContext, reportId: string) {
  return getReportOrThrow(ctx.tx, { agencyId: ctx.agencyId, reportId, scope: ctx.member.scope });
}

/** A client's draft for a month (the existing report when there is one: never two for one month). */
export const generateReport = agencyAction({
  name: "reports.generate",
  permission: "reports.generate",
  schema: generateReportSchema,
  async run({ clientId, month }, ctx) {
    await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
    const draft = await generateDraft(ctx.tx, {
      agencyId: ctx.agencyId,
      clientId,
      month,
      actorUserId: ctx.member.userId,
    });
    await ctx.audit({
      action: "report.generate",
      entity: "monthly_report",
      entityId: draft.id,
      after: { clientId, month, created: draft.created },
    });
    revalidatePath("/reports");
    return draft;
  },
});

/** Drafts for every active client of the agency, made by the job queue; the page follows the run's progress. */
export const bulkGenerateReports = agencyAction({
  name: "reports.bulkGenerate",
  permission: "reports.generate",
  schema: bulkGenerateSchema,
  async run({ month }, ctx) {
    const clientIds = await listActiveClientIds(ctx.tx, { agencyId: ctx.agencyId });
    const runId = await createRun(ctx.tx, { agencyId: ctx.agencyId, month, createdBy: ctx.member.userId, clientIds });
    await ctx.audit({
      action: "report.bulkGenerate",
      entity: "report_run",
      entityId: runId,
      after: { month, total: clientIds.length },
    });
    ctx.afterCommit(() => enqueueRun({ agencyId: ctx.agencyId, runId, clientIds }));
    return { runId, total: clientIds.length };
  },
});

/** Puts a run's failed clients back on the queue. */
export const retryReportRun = agencyAction({
  name: "reports.retryRun",
  permission: "reports.generate",
  schema: retryRunSchema,
  async run({ runId }, ctx) {
    const run = await getRunOrThrow(ctx.tx, { agencyId: ctx.agencyId, runId });
    const clientIds = await retryFailedItems(ctx.tx, { agencyId: ctx.agencyId, runId });
    await ctx.audit({
      action: "report.retryRun",
      entity: "report_run",
      entityId: runId,
      after: { month: run.month, clientIds },
    });
    ctx.afterCommit(() => enqueueRun({ agencyId: ctx.agencyId, runId, clientIds }));
    return { retried: clientIds.length };
  },
});

/**
 * The working commentary. Managers edit any report's; operators only drafts of their assigned clients
 * (the scope already limits them to those clients).
 */
export const saveReportCommentary = agencyAction({
  name: "reports.commentary",
  permission: "reports.commentary",
  schema: commentarySchema,
  async run({ reportId, version, ...commentary }, ctx) {
    const report = await ownReport(ctx, reportId);
    if (ctx.member.membership.role === "operator" && report.status !== "draft") throw new NotFoundError("report");
    const next = await save(ctx.tx, { agencyId: ctx.agencyId, reportId, version, commentary });
    await ctx.audit({
      action: "report.commentary",
      entity: "monthly_report",
      entityId: reportId,
      before: report.commentary,
      after: commentary,
    });
    revalidatePath(reportPath(report.clientId, report.month));
    return { version: next };
  },
});

/** Publishes revision n + 1 (a first publication, or a correction). */
export const publishReport = agencyAction({
  name: "reports.publish",
  permission: "reports.publish",
  schema: publishReportSchema,
  async run({ reportId, version }, ctx) {
    const report = await ownReport(ctx, reportId);
    const published = await publish(ctx.tx, {
      agencyId: ctx.agencyId,
      reportId,
      version,
      actorUserId: ctx.member.userId,
    });
    await ctx.audit({
      action: "report.publish",
      entity: "monthly_report",
      entityId: reportId,
      after: { clientId: report.clientId, month: report.month, revision: published.revision },
    });
    await notifyPublished(ctx, { clientId: report.clientId, month: report.month, revision: published.revision });
    revalidatePath(reportPath(report.clientId, report.month));
    revalidatePath("/reports");
    return { revision: published.revision, version: published.version };
  },
});

/** Publishes several reviewed drafts at once, each checked against the version the manager saw: all or none. */
export const bulkPublishReports = agencyAction({
  name: "reports.bulkPublish",
  permission: "reports.publish",
  schema: bulkPublishSchema,
  async run({ items }, ctx) {
    const published: { reportId: string; revision: number }[] = [];
    for (const item of items) {
      const report = await ownReport(ctx, item.reportId);
      const result = await publish(ctx.tx, {
        agencyId: ctx.agencyId,
        reportId: item.reportId,
        version: item.version,
        actorUserId: ctx.member.userId,
      });
      await ctx.audit({
        action: "report.publish",
        entity: "monthly_report",
        entityId: item.reportId,
        after: { clientId: report.clientId, month: report.month, revision: result.revision },
      });
      await notifyPublished(ctx, { clientId: report.clientId, month: report.month, revision: result.revision });
      published.push({ reportId: item.reportId, revision: result.revision });
    }
    revalidatePath("/reports");
    return { published: published.length };
  },
});
