import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { getDb } from "@/db/client";
import { getClientOrThrow } from "@/db/queries/clients";
import { withTenant } from "@/db/tenant";
import { requirePermission } from "@/lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal");
  return { title: t("title") };
}

/** A client user's home: their own client only, and (for now) the fact that no report is published yet. */
export default async function PortalPage() {
  const member = await requirePermission("portal.read");
  const t = await getTranslations("portal");
  const { agencyId, clientId } = member.membership;
  const client = clientId
    ? await withTenant(getDb(), agencyId, (tx) =>
        getClientOrThrow(tx, { agencyId, clientId, scope: member.scope }),
      ).catch(() => null)
    : null;
  return (
    <div className="space-y-6">
      <PageHeader
        title={client ? t("welcome", { client: client.name }) : t("title")}
        description={member.membership.agencyName}
      />
      <Card className="p-6">
        <h2 className="mb-4 text-base font-semibold">{t("reports")}</h2>
        <EmptyState title={t("noReports")} body={t("noReportsBody")} />
      </Card>
    </div>
  );
}
