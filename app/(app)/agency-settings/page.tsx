import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InvoiceSettingsForm } from "@/components/contracts/invoice-settings-form";
import { Card, PageHeader } from "@/components/ui/misc";
import { getAgencySettings } from "@/db/queries/agency";
import { agencyRead } from "@/lib/actions/agency-read";
import { saveInvoiceSettings } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contracts");
  return { title: t("settings.title") };
}

export default async function AgencySettingsPage() {
  const t = await getTranslations("contracts");
  const settings = await agencyRead("agency.settings", ({ tx, agencyId }) => getAgencySettings(tx, { agencyId }));
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t("settings.title")} />
      <Card className="p-6">
        <InvoiceSettingsForm current={settings.invoiceRegistrationNumber ?? ""} save={saveInvoiceSettings} />
      </Card>
    </div>
  );
}
