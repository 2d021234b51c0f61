import "server-only";
// What the report pages and downloads read: a client's report of a month with its revisions, and the
// snapshot to show (a published revision, or for staff a preview of the draft built from today's data).

import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { findReport, getRevisionOrThrow, listRevisions, markRead } from "@/db/queries/reports";
import type { ReadContext } from "@/lib/actions/agency-read";
import { parseSnapshot, type ReportSnapshot } from "@/lib/domain/report";
import { REPORT_MONTH } from "@/lib/schemas/reports";
import { buildSnapshot } from "./build";

export function checkMonth(month: string): string {
  if (!REPORT_MONTH.test(month)) throw new NotFoundError("report");
  return month;
}

export function revisionParam(value: string | string[] | undefined): number | null {
  const n = typeof value === "string" && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : null;
  return n;
}

/** The staff's view of one client's month: the report (or null), its revisions, the snapshot to show. */
export async function loadStaffReport(ctx: ReadContext, clientId: string, month: string, rev: number | null) {
  if (!z.uuid().safeParse(clientId).success) throw new NotFoundError("client");
  checkMonth(month);
  const client = await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.scope });
  const report = await findReport(ctx.tx, { agencyId: ctx.agencyId, clientId, month, scope: ctx.scope });
  if (!report) return { client, report: null, revisions: [], shown: null };
  const revisions = await listRevisions(ctx.tx, { agencyId: ctx.agencyId, reportId: report.id });
  let shown: { revision: number | null; snapshot: ReportSnapshot };
  if (rev !== null || report.revision > 0) {
    const revision = rev ?? report.revision;
    const row = await getRevisionOrThrow(ctx.tx, { agencyId: ctx.agencyId, reportId: report.id, revision });
    shown = { revision, snapshot: parseSnapshot(row.snapshot) };
  } else {
    const snapshot = await buildSnapshot(ctx.tx, {
      agencyId: ctx.agencyId,
      client: { id: client.id, name: client.name, code: client.code },
      month,
      commentary: report.commentary,
    });
    shown = { revision: null, snapshot };
  }
  return { client, report, revisions, shown };
}

/** One revision's snapshot of a report the member may see (for a diff). */
export async function loadRevisionSnapshot(ctx: ReadContext, reportId: string, revision: number) {
  const row = await getRevisionOrThrow(ctx.tx, { agencyId: ctx.agencyId, reportId, revision });
  return parseSnapshot(row.snapshot);
}

/**
 * A client user's report of a month: the latest revision, or an earlier one; never a draft (the scope
 * leaves reports without a published revision out). Opening it marks it read.
 */
export async function loadPortalReport(ctx: ReadContext, month: string, rev: number | null, options = { mark: true }) {
  checkMonth(month);
  const clientId = ctx.member.membership.clientId;
  if (!clientId) throw new NotFoundError("report");
  const report = await findReport(ctx.tx, { agencyId: ctx.agencyId, clientId, month, scope: ctx.scope });
  if (!report || report.revision === 0) throw new NotFoundError("report");
  const revision = rev ?? report.revision;
  if (revision > report.revision) throw new NotFoundError("report");
  const row = await getRevisionOrThrow(ctx.tx, { agencyId: ctx.agencyId, reportId: report.id, revision });
  const revisions = await listRevisions(ctx.tx, { agencyId: ctx.agencyId, reportId: report.id });
  if (options.mark) {
    await markRead(ctx.tx, {
      agencyId: ctx.agencyId,
      membershipId: ctx.member.membership.id,
      reportId: report.id,
      revision,
    });
  }
  return { report, revision, revisions, snapshot: parseSnapshot(row.snapshot) };
}
