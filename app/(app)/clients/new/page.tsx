import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/misc";
import { getDb } from "@/db/client";
import { listAssignableStaff } from "@/db/queries/members";
import { withTenant } from "@/db/tenant";
import { requirePermission } from "@/lib/auth/viewer";
import { ClientForm } from "../client-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clients");
  return { title: t("new") };
}

export default async function NewClientPage() {
  const member = await requirePermission("clients.write");
  const t = await getTranslations("clients");
  const { agencyId } = member.membership;
  const staff = await withTenant(getDb(), agencyId, (tx) => listAssignableStaff(tx, { agencyId }));
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("new")} />
      <Card className="p-6">
        <ClientForm staff={staff} />
      </Card>
    </div>
  );
}
