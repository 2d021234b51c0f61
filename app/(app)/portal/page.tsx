import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { agencyRead } from "@/lib/actions/agency-read";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("portal");
  return { title: t("title") };
}

/** A client user's home: their own client only, and (for now) the fact that no report is published yet. */
export default async function PortalPage() {
  const t = await getTranslations("portal");
  const { client, agencyName } = await agencyRead("portal.read", async ({ tx, agencyId, scope, member }) => {
    const { clientId, agencyName } = member.membership;
    // A client user whose client is gone still gets their portal, with nothing in it.
    const client = clientId
      ? await getClientOrThrow(tx, { agencyId, clientId, scope }).catch((error: unknown) => {
          if (error instanceof NotFoundError) return null;
          throw error;
        })
      : null;
    return { client, agencyName };
  });
  return (
    <div className="space-y-6">
      <PageHeader title={client ? t("welcome", { client: client.name }) : t("title")} description={agencyName} />
      <Card className="p-6">
        <h2 className="mb-4 text-base font-semibold">{t("reports")}</h2>
        <EmptyState title={t("noReports")} body={t("noReportsBody")} />
      </Card>
    </div>
  );
}
