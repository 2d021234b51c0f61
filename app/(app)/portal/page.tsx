import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BrandHeader } from "@/components/branding/brand-header";
import { ContractSummary } from "@/components/contracts/contract-summary";
import { InvoiceDocument, PRINT_CSS } from "@/components/contracts/invoice-document";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { NotFoundError } from "@/db/errors";
import { getAgencyProfile } from "@/db/queries/agency";
import { getClientOrThrow } from "@/db/queries/clients";
import { getContractActuals, listClientContracts, versionsInForce } from "@/db/queries/contracts";
import { listPublishedReports } from "@/db/queries/reports";
import { agencyRead } from "@/lib/actions/agency-read";
import { loadBranding } from "@/lib/branding/load";
import { billMonth } from "@/lib/contracts/actuals";
import { loadSlaMonth } from "@/lib/contracts/sla-month";
import { termOf } from "@/lib/contracts/term";
import { shiftMonth, tokyoToday } from "@/lib/contracts/view";
import { MONTH } from "@/lib/schemas/contracts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal");
  return { title: t("title") };
}

/** A client user's home: their own client only, and (for now) the fact that no report is published yet. */
export default async function PortalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("portal");
  const tc = await getTranslations("contracts");
  const tr = await getTranslations("reports");
  const today = tokyoToday();
  const requested = (await searchParams).month;
  const month = typeof requested === "string" && MONTH.test(requested) ? requested : today.slice(0, 7);
  const { client, agencyName, contract, reports, branding } = await agencyRead(
    "portal.read",
    async ({ tx, agencyId, scope, member }) => {
      const { clientId, agencyName } = member.membership;
      // A client user whose client is gone still gets their portal, with nothing in it.
      const client = clientId
        ? await getClientOrThrow(tx, { agencyId, clientId, scope }).catch((error: unknown) => {
            if (error instanceof NotFoundError) return null;
            throw error;
          })
        : null;
      // The client's own contract in force (never a draft: the scope leaves drafts out) and the month's invoice.
      const contracts = client ? await listClientContracts(tx, { agencyId, clientId: client.id, scope }) : [];
      // The client's published reports, newest first (never a draft), with what this user has not opened yet.
      const reports = client
        ? await listPublishedReports(tx, { agencyId, clientId: client.id, membershipId: member.membership.id, scope })
        : [];
      const current = contracts.find((c) => c.status === "active") ?? contracts[0];
      const branding = await loadBranding(tx, { agencyId, clientId: client?.id });
      if (!current) return { client, agencyName, contract: null, reports, branding };
      const agency = await getAgencyProfile(tx, { agencyId });
      const actuals = await getContractActuals(tx, { agencyId, contractId: current.id, month });
      // The month bills with the version in force then (an amendment counts from its effective month).
      const inForce = await versionsInForce(tx, { agencyId, contractIds: [current.id], month });
      const document = inForce.get(current.id)?.document ?? current.document;
      const sla = await loadSlaMonth(tx, {
        agencyId,
        clientId: current.clientId,
        month,
        sla: document.sla,
        actuals: actuals?.actuals ?? null,
      });
      const outcome = billMonth(document, month, sla.actuals, agency.settings);
      return {
        client,
        agencyName,
        reports,
        branding,
        contract: { ...current, agency, outcome: outcome.ok ? outcome.value : null },
      };
    },
  );
  return (
    <div className="space-y-6">
      <BrandHeader branding={branding} />
      <PageHeader title={client ? t("welcome", { client: client.name }) : t("title")} description={agencyName} />
      {contract && client ? (
        <>
          <Card className="no-print p-6">
            <h2 className="mb-4 text-base font-semibold">
              {tc("current")}: {contract.title}
            </h2>
            <ContractSummary
              document={contract.document}
              status={contract.status}
              term={termOf(contract.document, today)}
              showFees
            />
          </Card>
          <section className="space-y-3">
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant style sheet for printing */}
            <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
            <div className="no-print flex items-center gap-3">
              <h2 className="text-base font-semibold">
                {tc("invoice")} {month}
              </h2>
              <a href={`?month=${shiftMonth(month, -1)}`} className="text-sm text-indigo-700 hover:underline">
                ← {tc("invoiceDoc.prev")}
              </a>
              <a href={`?month=${shiftMonth(month, 1)}`} className="text-sm text-indigo-700 hover:underline">
                {tc("invoiceDoc.next")} →
              </a>
            </div>
            {contract.outcome?.kind === "invoice" ? (
              <InvoiceDocument
                invoice={contract.outcome.invoice}
                issuer={contract.agency.name}
                registrationNumber={contract.agency.settings.invoiceRegistrationNumber ?? null}
                recipient={client.name}
                issueDate={today}
                contractTitle={contract.title}
              />
            ) : (
              <Card className="p-6 text-sm">{tc("invoiceDoc.noInvoice")}</Card>
            )}
          </section>
        </>
      ) : null}
      <Card className="no-print p-6">
        <h2 className="mb-4 text-base font-semibold">{t("reports")}</h2>
        {reports.length === 0 ? (
          <EmptyState title={t("noReports")} body={t("noReportsBody")} />
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("reportList")}>
            {reports.map((r) => (
              <li key={r.id} className="flex items-center gap-3 py-2 text-sm">
                <Link href={`/portal/reports/${r.month}`} className="font-medium text-indigo-700 hover:underline">
                  {r.month}
                </Link>
                <span className="text-slate-500">{tr("revision", { n: r.revision })}</span>
                {r.readRevision === null || r.readRevision < r.revision ? (
                  <Badge tone="red">{tr("unread")}</Badge>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
