import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { generateReport, publishReport, saveReportCommentary } from "@/app/(app)/reports/actions";
import { BrandHeader } from "@/components/branding/brand-header";
import { ReportMargin } from "@/components/margins/report-margin";
import { CommentaryForm } from "@/components/reports/commentary-form";
import { GenerateButton, PublishButton } from "@/components/reports/report-actions";
import { ReportDocument } from "@/components/reports/report-document";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import { agencyReadKept, type ReadContext } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { loadBranding } from "@/lib/branding/load";
import { tokyoToday } from "@/lib/contracts/view";
import { diffSnapshots } from "@/lib/domain/report";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { loadClientMargin } from "@/lib/margins/client-month";
import { reportLabels } from "@/lib/reports/labels";
import { loadRevisionSnapshot, loadStaffReport, revisionParam } from "@/lib/reports/load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

/**
 * One client's report of a month for the agency: the draft (a preview with today's data, the commentary
 * editor and publication) or a published revision, the revision history and what changed between two.
 */
export default async function ClientReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; month: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, month } = await params;
  const sp = await searchParams;
  const t = await getTranslations("reports");
  const locale = toLocale(await getLocale());
  const rev = revisionParam(sp.rev);
  const left = revisionParam(sp.from);
  const right = revisionParam(sp.to);
  const loadReportPage = async (ctx: ReadContext) => {
    const loaded = await loadStaffReport(ctx, id, month, rev);
    const diff =
      loaded.report && left !== null && right !== null
        ? diffSnapshots(
            await loadRevisionSnapshot(ctx, loaded.report.id, left),
            await loadRevisionSnapshot(ctx, loaded.report.id, right),
          )
        : null;
    // The agency's margin of the month (owners and managers): computed live, never in the snapshot.
    const margin =
      loaded.report && can(ctx.member.membership.role, "margins.read") ? await loadClientMargin(ctx, id, month) : null;
    const branding = await loadBranding(ctx.tx, { agencyId: ctx.agencyId, clientId: loaded.client.id });
    return { ...loaded, diff, margin, branding, role: ctx.member.membership.role };
  };
  // What the member may see of the report (their scope and role are in every kept key), computed once per state of
  // the agency's data.
  const { data } = await agencyReadKept(
    "reports.read",
    ["report", id, month, rev, left, right, tokyoToday()],
    loadReportPage,
  );
  const { client, report, revisions, shown, diff, margin, branding, role } = data;
  const base = `/clients/${client.id}/reports/${month}`;
  if (!report || !shown) {
    return (
      <div className="space-y-6">
        <PageHeader title={`${client.name} · ${month}`} description={t("title")} />
        <EmptyState
          title={t("notFoundMonth")}
          action={
            can(role, "reports.generate") ? (
              <GenerateButton clientId={client.id} month={month} generate={generateReport} />
            ) : null
          }
        />
      </div>
    );
  }
  const canEdit = can(role, "reports.commentary") && (role !== "operator" || report.status === "draft");
  const viewingRev = shown.revision;
  const suffix = viewingRev ? `?rev=${viewingRev}` : "";
  return (
    <div className="space-y-6">
      <div className="no-print">
        <PageHeader
          title={`${client.name} · ${month}`}
          description={t("title")}
          actions={
            <Link href="/reports" className="text-sm text-indigo-700 hover:underline">
              {t("title")}
            </Link>
          }
        />
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone={report.status === "published" ? "green" : "yellow"}>{t(`status.${report.status}`)}</Badge>
          {viewingRev ? <Badge tone="indigo">{t("revision", { n: viewingRev })}</Badge> : <Badge>{t("draft")}</Badge>}
          {viewingRev ? (
            <>
              <a href={`${base}/pdf${suffix}`} className="text-sm text-indigo-700 hover:underline" download>
                {t("download.pdf")}
              </a>
              <a href={`${base}/csv${suffix}`} className="text-sm text-indigo-700 hover:underline" download>
                {t("download.csv")}
              </a>
              <a
                href={`${base}/csv${suffix ? `${suffix}&` : "?"}enc=sjis`}
                className="text-sm text-indigo-700 hover:underline"
                download
              >
                {t("download.csvSjis")}
              </a>
            </>
          ) : null}
        </div>
      </div>

      {can(role, "reports.publish") || canEdit ? (
        <Card className="no-print space-y-4 p-6">
          <p className="text-sm text-slate-600">{report.revision === 0 ? t("draftNotice") : t("unpublishedChanges")}</p>
          {canEdit ? (
            <CommentaryForm
              reportId={report.id}
              version={report.version}
              commentary={report.commentary}
              save={saveReportCommentary}
            />
          ) : null}
          {can(role, "reports.publish") ? (
            <PublishButton
              reportId={report.id}
              version={report.version}
              correction={report.revision > 0}
              publish={publishReport}
            />
          ) : null}
        </Card>
      ) : null}

      <BrandHeader branding={branding} />
      <ReportDocument snapshot={shown.snapshot} labels={reportLabels(locale)} />

      {margin ? (
        <ReportMargin
          clientId={client.id}
          month={month}
          margin={margin.margin}
          unratedNames={margin.unratedNames}
          locale={locale}
        />
      ) : null}

      {revisions.length > 0 ? (
        <Card className="no-print space-y-4 p-6">
          <h2 className="text-base font-semibold">{t("revisions")}</h2>
          <ul className="space-y-1 text-sm">
            {revisions.map((r) => (
              <li key={r.revision}>
                <Link href={`${base}?rev=${r.revision}`} className="text-indigo-700 hover:underline">
                  {t("revision", { n: r.revision })}
                </Link>{" "}
                · {t("publishedOn", { date: formatDateTime(r.publishedAt, locale) })}
                {r.publishedByName ? ` · ${r.publishedByName}` : ""}
              </li>
            ))}
          </ul>
          {revisions.length > 1 ? (
            <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
              <label>
                <span className="block text-xs text-slate-600">{t("before")}</span>
                <select
                  name="from"
                  defaultValue={String(left ?? revisions[1]?.revision ?? "")}
                  className="rounded border px-2 py-1"
                >
                  {revisions.map((r) => (
                    <option key={r.revision} value={r.revision}>
                      {t("revision", { n: r.revision })}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="block text-xs text-slate-600">{t("after")}</span>
                <select
                  name="to"
                  defaultValue={String(right ?? revisions[0]?.revision ?? "")}
                  className="rounded border px-2 py-1"
                >
                  {revisions.map((r) => (
                    <option key={r.revision} value={r.revision}>
                      {t("revision", { n: r.revision })}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="rounded bg-slate-100 px-3 py-1">
                {t("compare")}
              </button>
            </form>
          ) : null}
          {diff ? (
            <div className="space-y-2">
              <h3 className="text-sm font-semibold">{t("compareTitle", { left: left ?? 0, right: right ?? 0 })}</h3>
              {diff.length === 0 ? (
                <p className="text-sm text-slate-500">{t("noDiff")}</p>
              ) : (
                <Table>
                  <thead>
                    <tr>
                      <Th>{t("path")}</Th>
                      <Th>{t("before")}</Th>
                      <Th>{t("after")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {diff.map((d) => (
                      <tr key={d.path}>
                        <Td className="font-mono text-xs">{d.path}</Td>
                        <Td className="whitespace-pre-wrap">{d.left}</Td>
                        <Td className="whitespace-pre-wrap">{d.right}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
