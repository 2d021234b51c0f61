import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ActualsForm } from "@/components/contracts/actuals-form";
import { PrintButton } from "@/components/contracts/contract-actions";
import { InvoiceDocument, PRINT_CSS } from "@/components/contracts/invoice-document";
import { SlaResults } from "@/components/contracts/sla-results";
import { buttonClass } from "@/components/ui/button";
import { Card, FormMessage, PageHeader } from "@/components/ui/misc";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { shiftMonth, tokyoToday } from "@/lib/contracts/view";
import { saveActuals } from "../../../actions";
import { loadInvoice } from "./load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contracts");
  return { title: t("invoice") };
}

export default async function InvoicePage({
  params,
}: {
  params: Promise<{ id: string; contractId: string; month: string }>;
}) {
  const { id, contractId, month } = await params;
  const t = await getTranslations("contracts");
  const data = await agencyRead("contracts.fees", async (ctx) => ({
    ...(await loadInvoice(ctx, id, contractId, month)),
    canWrite: can(ctx.member.membership.role, "contracts.write"),
  }));
  const { client, contract, agency, actuals, outcome, slaResults, canWrite } = data;
  const base = `/clients/${id}/contracts/${contractId}`;
  return (
    <div className="space-y-6">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant style sheet for printing */}
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <div className="no-print space-y-4">
        <Link href={base} className="text-sm text-indigo-700 hover:underline">
          ← {client.name} / {contract.title}
        </Link>
        <PageHeader
          title={`${t("invoice")} ${month}`}
          actions={
            <>
              <Link href={`${base}/invoice/${shiftMonth(month, -1)}`} className={buttonClass("ghost", "sm")}>
                ← {t("invoiceDoc.prev")}
              </Link>
              <Link href={`${base}/invoice/${shiftMonth(month, 1)}`} className={buttonClass("ghost", "sm")}>
                {t("invoiceDoc.next")} →
              </Link>
              <a href={`${base}/invoice/${month}/csv`} className={buttonClass("secondary", "sm")} download>
                {t("invoiceDoc.csv")}
              </a>
              <PrintButton label={t("invoiceDoc.print")} />
            </>
          }
        />
        {agency.settings.invoiceRegistrationNumber ? null : (
          <FormMessage tone="info">
            {t("invoiceDoc.noRegistration")}{" "}
            <Link href="/agency-settings" className="underline">
              {t("settings.title")}
            </Link>
          </FormMessage>
        )}
        {data.versionNumber !== contract.versionNumber ? (
          <FormMessage tone="info">
            {t("invoiceDoc.billedVersion", { number: data.versionNumber, current: contract.versionNumber })}
          </FormMessage>
        ) : null}
        {outcome.kind === "invoice" && outcome.invoice.missingActuals.length > 0 ? (
          <FormMessage tone="info">
            {t("invoiceDoc.missing", { items: outcome.invoice.missingActuals.join("、") })}
          </FormMessage>
        ) : null}
      </div>
      {outcome.kind === "invoice" ? (
        <InvoiceDocument
          invoice={outcome.invoice}
          issuer={agency.name}
          registrationNumber={agency.settings.invoiceRegistrationNumber ?? null}
          recipient={client.name}
          issueDate={tokyoToday()}
          contractTitle={contract.title}
        />
      ) : (
        <Card className="p-6 text-sm">{t("invoiceDoc.noInvoice")}</Card>
      )}
      {slaResults ? (
        <Card className="no-print p-6">
          <SlaResults items={slaResults.items} />
        </Card>
      ) : null}
      {canWrite ? (
        <Card className="no-print space-y-3 p-6">
          <h2 className="text-base font-semibold">{t("actuals.title")}</h2>
          <p className="text-xs text-slate-500">{t("actuals.hint")}</p>
          <ActualsForm
            key={actuals?.version ?? 0}
            clientId={id}
            contractId={contractId}
            month={month}
            version={actuals?.version ?? 0}
            actuals={actuals?.actuals ?? {}}
            slaItems={data.slaItems}
            save={saveActuals}
          />
        </Card>
      ) : null}
    </div>
  );
}
