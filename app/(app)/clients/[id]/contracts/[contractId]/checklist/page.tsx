import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChecklistDecision } from "@/components/contracts/checklist-decision";
import { PrintButton } from "@/components/contracts/contract-actions";
import { PRINT_CSS } from "@/components/contracts/invoice-document";
import { Badge, type BadgeTone, Card, PageHeader } from "@/components/ui/misc";
import { listChecklistItems } from "@/db/queries/contracts";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { loadKpiPlanSummary } from "@/lib/contracts/kpi-plan-checklist";
import { tokyoToday } from "@/lib/contracts/view";
import { type ChecklistStatus, checklistCompletion, proposeChecklist } from "@/lib/domain/checklist";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { decideChecklistItem } from "../../actions";
import { loadContract } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contracts");
  return { title: t("checklistPage.title") };
}

const tone: Record<ChecklistStatus, BadgeTone> = {
  unchecked: "gray",
  confirmed: "green",
  needs_action: "red",
  not_applicable: "blue",
};

export default async function ChecklistPage({ params }: { params: Promise<{ id: string; contractId: string }> }) {
  const { id, contractId } = await params;
  const t = await getTranslations("contracts");
  const locale = toLocale(await getLocale());
  const today = tokyoToday();
  const { client, contract, records, canWrite, kpiPlan } = await agencyRead("contracts.read", async (ctx) => {
    const loaded = await loadContract(ctx, id, contractId);
    return {
      ...loaded,
      // Item 2 reads the client's KPI plan and this month's targets.
      kpiPlan: await loadKpiPlanSummary(ctx.tx, { agencyId: ctx.agencyId, clientId: id, month: today.slice(0, 7) }),
      records: loaded.contract.currentVersionId
        ? await listChecklistItems(ctx.tx, {
            agencyId: ctx.agencyId,
            contractVersionId: loaded.contract.currentVersionId,
          })
        : [],
      canWrite: can(ctx.member.membership.role, "contracts.write"),
    };
  });
  const proposal = proposeChecklist(contract.document, { today, kpiPlan });
  const proposals = proposal.ok ? proposal.value : [];
  const byItem = new Map(records.map((r) => [r.item, r]));
  const decided = proposals.map((p) => byItem.get(p.item)?.status ?? "unchecked");
  const { done, of } = checklistCompletion(decided.map((status) => ({ status })));
  const versionId = contract.currentVersionId ?? "";
  const reason = (code: string, params?: Readonly<Record<string, string | number>>) =>
    t(`checklistPage.reasonTexts.${code}` as "checklistPage.reasonTexts.no_sla", params as Record<string, string>);
  return (
    <div className="space-y-6">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant style sheet for printing */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <Link
        href={`/clients/${id}/contracts/${contractId}`}
        className="no-print text-sm text-indigo-700 hover:underline"
      >
        ← {client.name} / {contract.title}
      </Link>
      <div className="print-area space-y-4" data-testid="checklist">
        <PageHeader
          title={t("checklistPage.title")}
          description={`${client.name}・${contract.title}・${t("versionLabel", { number: contract.versionNumber })}`}
          actions={
            <>
              <Badge tone={done === of ? "green" : "yellow"}>{t("checklistPage.completion", { done, of })}</Badge>
              <PrintButton label={t("checklistPage.print")} />
            </>
          }
        />
        <ol className="space-y-3">
          {proposals.map((p) => {
            const record = byItem.get(p.item);
            return (
              <li key={p.item} className="break-inside-avoid">
                <Card className="space-y-2 p-4" data-testid={`checklist-item-${p.item}`}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h2 className="font-semibold">
                      {p.item}. {t(`checklistPage.items.${p.item}` as "checklistPage.items.1")}
                    </h2>
                    <div className="flex items-center gap-2 text-xs">
                      <span className="text-slate-500">{t("checklistPage.proposed")}</span>
                      <Badge tone={tone[p.status]}>{t(`checklistPage.statuses.${p.status}`)}</Badge>
                      <span className="text-slate-500">{t("checklistPage.decided")}</span>
                      {record ? (
                        <Badge tone={tone[record.status]}>{t(`checklistPage.statuses.${record.status}`)}</Badge>
                      ) : (
                        <span>{t("checklistPage.undecided")}</span>
                      )}
                    </div>
                  </div>
                  <ul className="list-disc pl-5 text-sm text-slate-700">
                    {p.reasons.map((r) => (
                      <li key={`${r.code}-${JSON.stringify(r.params ?? {})}`}>{reason(r.code, r.params)}</li>
                    ))}
                  </ul>
                  {record ? (
                    <p className="text-sm">
                      {record.note ? <span className="whitespace-pre-wrap">{record.note}</span> : null}{" "}
                      <span className="text-xs text-slate-500">
                        {t("checklistPage.by", {
                          name: record.checkedByName ?? t("historyPage.unknownAuthor"),
                          at: formatDateTime(record.checkedAt, locale),
                        })}
                      </span>
                    </p>
                  ) : null}
                  {canWrite ? (
                    <ChecklistDecision
                      keyOf={{ clientId: id, contractId, versionId }}
                      item={p.item}
                      proposed={p.status}
                      current={record ? { status: record.status, note: record.note } : null}
                      decide={decideChecklistItem}
                    />
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
