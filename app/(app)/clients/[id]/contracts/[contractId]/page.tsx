import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ContractStatusButtons } from "@/components/contracts/contract-actions";
import { ContractEditor } from "@/components/contracts/contract-editor";
import { ContractSummary } from "@/components/contracts/contract-summary";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/misc";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { termOf } from "@/lib/contracts/term";
import { tokyoToday } from "@/lib/contracts/view";
import { activateContract, amendContract, terminateContract } from "../actions";
import { loadContract } from "./load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contracts");
  return { title: t("title") };
}

export default async function ContractPage({ params }: { params: Promise<{ id: string; contractId: string }> }) {
  const { id, contractId } = await params;
  const t = await getTranslations("contracts");
  const { client, contract, canWrite, canFees } = await agencyRead("contracts.read", async (ctx) => ({
    ...(await loadContract(ctx, id, contractId)),
    canWrite: can(ctx.member.membership.role, "contracts.write"),
    canFees: can(ctx.member.membership.role, "contracts.fees"),
  }));
  const today = tokyoToday();
  const base = `/clients/${id}/contracts/${contractId}`;
  const editable = canWrite && (contract.status === "draft" || contract.status === "active");
  return (
    <div className="space-y-6">
      <Link href={`/clients/${id}/contracts`} className="text-sm text-indigo-700 hover:underline">
        ← {client.name} / {t("title")}
      </Link>
      <PageHeader
        title={contract.title}
        description={t("versionLabel", { number: contract.versionNumber })}
        actions={
          <>
            <Link href={`${base}/history`} className={buttonClass("secondary", "sm")}>
              {t("history")}
            </Link>
            <Link href={`${base}/checklist`} className={buttonClass("secondary", "sm")}>
              {t("checklist")}
            </Link>
            {canFees ? (
              <Link href={`${base}/invoice/${today.slice(0, 7)}`} className={buttonClass("secondary", "sm")}>
                {t("invoice")}
              </Link>
            ) : null}
          </>
        }
      />
      {canWrite ? (
        <ContractStatusButtons
          keyOf={{ clientId: id, contractId, version: contract.version }}
          status={contract.status}
          activate={activateContract}
          terminate={terminateContract}
        />
      ) : null}
      <Card className="p-6">
        <ContractSummary
          document={contract.document}
          status={contract.status}
          term={termOf(contract.document, today)}
          showFees={canFees}
        />
      </Card>
      {editable ? (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("amend")}</h2>
          <ContractEditor
            clientId={id}
            contractId={contractId}
            version={contract.version}
            initial={contract.document}
            mode="amend"
            save={amendContract}
          />
        </section>
      ) : null}
    </div>
  );
}
