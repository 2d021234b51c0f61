import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/misc";
import { listAssignableStaff } from "@/db/queries/members";
import { agencyRead } from "@/lib/actions/agency-read";
import { ClientForm } from "../../client-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clients");
  return { title: t("new") };
}

export default async function NewClientPage() {
  const t = await getTranslations("clients");
  const staff = await agencyRead("clients.write", ({ tx, agencyId }) => listAssignableStaff(tx, { agencyId }));
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("new")} />
      <Card className="p-6">
        <ClientForm staff={staff} />
      </Card>
    </div>
  );
}
