import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { VerdictCard } from "@/components/kpis/verdict-card";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/misc";
import { clientStatusTone } from "@/components/ui/tones";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { listAssignableStaff } from "@/db/queries/members";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { tokyoToday } from "@/lib/contracts/view";
import { monthKey } from "@/lib/domain/calendar";
import { loadVerdicts } from "@/lib/kpis/load";
import { lastCompleteMonth } from "@/lib/kpis/plan-view";
import { ClientForm } from "../../client-form";
import { EndClientButton } from "../end-client-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clients");
  return { title: t("detail") };
}

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations();
  const verdictMonth = lastCompleteMonth(tokyoToday());
  const { member, client, staff, verdict } = await agencyRead(
    "clients.read",
    async ({ tx, agencyId, scope, member }) => {
      if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
      return {
        member,
        client: await getClientOrThrow(tx, { agencyId, clientId: id, scope }),
        staff: await listAssignableStaff(tx, { agencyId }),
        verdict: (await loadVerdicts(tx, { agencyId, clientIds: [id], month: verdictMonth })).get(id) ?? null,
      };
    },
  );
  const canWrite = can(member.membership.role, "clients.write");
  const manager = staff.find((s) => s.id === client.managerMembershipId);
  const operators = staff.filter((s) => client.operatorMembershipIds.includes(s.id));

  return (
    <div className="max-w-4xl space-y-6">
      <Link href="/clients" className="text-sm text-indigo-700 hover:underline">
        ← {t("clients.back")}
      </Link>
      <PageHeader
        title={client.name}
        description={`${client.code}${client.industry ? ` · ${client.industry}` : ""}`}
        actions={
          <>
            <Badge tone={clientStatusTone[client.status]}>{t(`clientStatus.${client.status}`)}</Badge>
            <Link href={`/clients/${client.id}/economics`} className={buttonClass("secondary", "sm")}>
              {t("clients.economicsLink")}
            </Link>
            <Link href={`/clients/${client.id}/kpis`} className={buttonClass("secondary", "sm")}>
              {t("kpiPage.title")}
            </Link>
            <Link href={`/clients/${client.id}/contracts`} className={buttonClass("secondary", "sm")}>
              {t("contracts.link")}
            </Link>
            <Link href={`/clients/${client.id}/kpis/entry`} className={buttonClass("secondary", "sm")}>
              {t("kpiEntry.link")}
            </Link>
            {can(member.membership.role, "margins.read") ? (
              <Link href={`/clients/${client.id}/margin`} className={buttonClass("secondary", "sm")}>
                {t("margins.link")}
              </Link>
            ) : null}
            {canWrite && client.status !== "ended" ? (
              <EndClientButton id={client.id} version={client.version} name={client.name} />
            ) : null}
          </>
        }
      />
      <VerdictCard clientId={client.id} month={monthKey(verdictMonth)} verdict={verdict} />
      {canWrite ? (
        <Card className="p-6">
          <h2 className="mb-4 text-base font-semibold">{t("clients.edit")}</h2>
          <ClientForm
            staff={staff}
            client={{ ...client, channels: client.channels, managerMembershipId: client.managerMembershipId }}
          />
        </Card>
      ) : (
        <Card className="p-6">
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t("clients.columns.channels")}</dt>
              <dd>{client.channels.map((c) => t(`channels.${c}`)).join("、")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("clients.columns.serviceModel")}</dt>
              <dd>{t(`serviceModels.${client.serviceModel}`)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("clients.columns.onboardingStage")}</dt>
              <dd>{t(`onboardingStage.${client.onboardingStage}`)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("clients.columns.manager")}</dt>
              <dd>{manager?.name ?? "—"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("clients.columns.operators")}</dt>
              <dd>{operators.map((o) => o.name).join("、") || "—"}</dd>
            </div>
          </dl>
        </Card>
      )}
    </div>
  );
}
