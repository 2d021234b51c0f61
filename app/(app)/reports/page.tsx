import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { BulkGeneratePanel, BulkPublishForm } from "@/components/reports/month-panel";
import { GenerateButton } from "@/components/reports/report-actions";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Badge, type BadgeTone, Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import { listAgencyContracts } from "@/db/queries/contracts";
import { latestRunProgress, listMonthReports } from "@/db/queries/reports";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { shiftMonth, tokyoToday } from "@/lib/contracts/view";
import { deadlineOf, defaultReportMonth, MONTH_STATUSES, monthStatus } from "@/lib/reports/month";
import { REPORT_MONTH } from "@/lib/schemas/reports";
import { parseSearchParams } from "@/lib/search-params";
import { bulkGenerateReports, bulkPublishReports, generateReport, retryReportRun } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

const params = z.object({
  month: z.string().regex(REPORT_MONTH).optional().catch(undefined),
  status: z.enum(["none", "draft", "published", "late"]).optional().catch(undefined),
});

const TONE: Record<string, BadgeTone> = { none: "gray", draft: "yellow", published: "green" };

/** The agency's month of reports: every active client's status, the bulk run and bulk publication. */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("reports");
  const p = parseSearchParams(params, await searchParams);
  const month = p.month ?? defaultReportMonth();
  const today = tokyoToday();
  const data = await agencyRead("reports.read", async ({ tx, agencyId, scope, member }) => {
    const [rows, contracts, run] = await Promise.all([
      listMonthReports(tx, { agencyId, month, scope }),
      listAgencyContracts(tx, { agencyId, scope, statuses: ["active"] }),
      can(member.membership.role, "reports.generate") ? latestRunProgress(tx, { agencyId, month }) : null,
    ]);
    const dayOf = new Map(contracts.map((c) => [c.clientId, c.document.sla?.reportDeadlineBusinessDay ?? null]));
    return {
      run,
      role: member.membership.role,
      rows: rows.map((r) => {
        const deadline = deadlineOf(month, dayOf.get(r.clientId));
        return {
          ...r,
          deadline,
          ...monthStatus({
            status: r.status,
            firstPublishedOn: r.firstPublishedAt ? tokyoToday(r.firstPublishedAt) : null,
            deadline,
            today,
          }),
        };
      }),
    };
  });
  const canGenerate = can(data.role, "reports.generate");
  const canPublish = can(data.role, "reports.publish");
  const rows = data.rows.filter((r) => (p.status === "late" ? r.late : p.status ? r.status === p.status : true));
  const formId = "bulk-publish";
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description", { month })} />
      <form className="flex flex-wrap items-end gap-3" method="get">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("month")}</span>
          <input type="month" name="month" defaultValue={month} className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="block text-xs text-slate-600">{t("filter")}</span>
          <select name="status" defaultValue={p.status ?? ""} className={inputClass}>
            <option value="">{t("filterAll")}</option>
            {MONTH_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("show")}
        </button>
        <Link href={`/reports?month=${shiftMonth(month, -1)}`} className="text-sm text-indigo-700 hover:underline">
          ← {t("prevMonth")}
        </Link>
        <Link href={`/reports?month=${shiftMonth(month, 1)}`} className="text-sm text-indigo-700 hover:underline">
          {t("nextMonth")} →
        </Link>
      </form>
      {canGenerate ? (
        <Card className="p-4">
          <BulkGeneratePanel
            month={month}
            run={
              data.run
                ? {
                    id: data.run.id,
                    total: data.run.total,
                    done: data.run.done,
                    pending: data.run.pending,
                    failed: data.run.failed.map((f) => ({
                      clientId: f.clientId,
                      clientName: f.clientName,
                      error: f.error,
                    })),
                  }
                : null
            }
            bulkGenerate={bulkGenerateReports}
            retry={retryReportRun}
          />
        </Card>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyBody")} />
      ) : (
        <Card className="overflow-x-auto">
          <form id={formId}>
            <Table>
              <thead>
                <tr>
                  {canPublish ? <Th>{t("columns.select")}</Th> : null}
                  <Th>{t("columns.client")}</Th>
                  <Th>{t("columns.status")}</Th>
                  <Th>{t("columns.revision")}</Th>
                  <Th>{t("columns.deadline")}</Th>
                  <Th>{t("columns.actions")}</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.clientId} data-testid={`report-row-${r.clientCode}`}>
                    {canPublish ? (
                      <Td>
                        {r.reportId && r.status === "draft" ? (
                          <input
                            type="checkbox"
                            name="publish"
                            value={`${r.reportId}:${r.version}`}
                            aria-label={`${t("publish")}: ${r.clientName}`}
                          />
                        ) : null}
                      </Td>
                    ) : null}
                    <Td>{r.clientName}</Td>
                    <Td>
                      <span className="inline-flex gap-1">
                        <Badge tone={TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
                        {r.late ? <Badge tone="red">{t("status.late")}</Badge> : null}
                      </span>
                    </Td>
                    <Td>{r.revision ? t("revision", { n: r.revision }) : "—"}</Td>
                    <Td>{r.deadline ?? "—"}</Td>
                    <Td>
                      {r.reportId ? (
                        <Link
                          href={`/clients/${r.clientId}/reports/${month}`}
                          className="text-sm text-indigo-700 hover:underline"
                        >
                          {t("open")}
                        </Link>
                      ) : canGenerate ? (
                        <GenerateButton clientId={r.clientId} month={month} generate={generateReport} />
                      ) : null}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </form>
        </Card>
      )}
      {canPublish && rows.some((r) => r.status === "draft") ? (
        <BulkPublishForm formId={formId} bulkPublish={bulkPublishReports} />
      ) : null}
    </div>
  );
}
