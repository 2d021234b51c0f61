import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CopyContractForm } from "@/components/contracts/contract-actions";
import { ContractEditor } from "@/components/contracts/contract-editor";
import { ContractSummary, contractStatusTone, TermAlerts } from "@/components/contracts/contract-summary";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { listAgencyContracts, listClientContracts } from "@/db/queries/contracts";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { shownStatus, termOf } from "@/lib/contracts/term";
import { blankVersion, monthlyTotal, tokyoToday } from "@/lib/contracts/view";
import { formatYen } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { copyContract, createContract } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contracts");
  return { title: t("title") };
}

export default async function ContractsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations("contracts");
  const locale = toLocale(await getLocale());
  const today = tokyoToday();
  const { client, contracts, sources, canWrite, canFees } = await agencyRead(
    "contracts.read",
    async ({ tx, agencyId, scope, member }) => {
      if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
      const role = member.membership.role;
      const writer = can(role, "contracts.write");
      return {
        client: await getClientOrThrow(tx, { agencyId, clientId: id, scope }),
        contracts: await listClientContracts(tx, { agencyId, clientId: id, scope }),
        sources: writer ? await listAgencyContracts(tx, { agencyId, scope }) : [],
        canWrite: writer,
        canFees: can(role, "contracts.fees"),
      };
    },
  );
  const current = contracts.find((c) => c.status === "active") ?? contracts[0];

  return (
    <div className="space-y-6">
      <Link href={`/clients/${id}`} className="text-sm text-indigo-700 hover:underline">
        ← {client.name}
      </Link>
      <PageHeader title={t("title")} description={t("description", { client: client.name })} />
      {current ? (
        <Card className="space-y-3 p-6">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-base font-semibold">
              {t("current")}:{" "}
              <Link href={`/clients/${id}/contracts/${current.id}`} className="text-indigo-700 hover:underline">
                {current.title}
              </Link>{" "}
              <span className="text-sm font-normal text-slate-500">
                {t("versionLabel", { number: current.versionNumber })}
              </span>
            </h2>
          </div>
          <ContractSummary
            document={current.document}
            status={current.status}
            term={termOf(current.document, today)}
            showFees={canFees}
          />
        </Card>
      ) : (
        <EmptyState title={t("empty")} body={canWrite ? t("emptyBody") : undefined} />
      )}
      {contracts.length > 0 ? (
        <Card className="overflow-x-auto">
          <Table>
            <thead>
              <tr>
                <Th>{t("columns.title")}</Th>
                <Th>{t("columns.status")}</Th>
                <Th>{t("columns.version")}</Th>
                <Th>{t("columns.term")}</Th>
                {canFees ? <Th className="text-right">{t("columns.monthly")}</Th> : null}
                <Th>{t("columns.alerts")}</Th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((c) => (
                <tr key={c.id}>
                  <Td>
                    <Link href={`/clients/${id}/contracts/${c.id}`} className="text-indigo-700 hover:underline">
                      {c.title}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={contractStatusTone[shownStatus(c.status, termOf(c.document, today))]}>
                      {t(`status.${shownStatus(c.status, termOf(c.document, today))}`)}
                    </Badge>
                  </Td>
                  <Td>{c.versionNumber}</Td>
                  <Td>
                    {c.document.terms.startDate} 〜 {c.document.terms.endDate ?? t("openEnded")}
                  </Td>
                  {canFees ? (
                    <Td className="text-right tabular-nums">{formatYen(monthlyTotal(c.document), locale)}</Td>
                  ) : null}
                  <Td>{c.status === "active" ? <TermAlerts status={termOf(c.document, today)} /> : null}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {canWrite ? (
        <section className="space-y-4">
          <h2 className="text-lg font-semibold">{t("new")}</h2>
          <Card className="p-4">
            <h3 className="mb-2 text-sm font-semibold">{t("copyFrom")}</h3>
            <CopyContractForm
              clientId={id}
              copy={copyContract}
              sources={sources.map((s) => ({
                id: s.id,
                label: `${s.clientName}：${s.title}（${t(`status.${s.status}`)}）`,
              }))}
            />
          </Card>
          <ContractEditor clientId={id} initial={blankVersion(today)} mode="create" save={createContract} />
        </section>
      ) : null}
    </div>
  );
}
