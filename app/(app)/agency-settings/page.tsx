import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BrandingSettings } from "@/components/branding/branding-settings";
import { InvoiceSettingsForm } from "@/components/contracts/invoice-settings-form";
import { AgencyProfileForm } from "@/components/margins/agency-profile-form";
import { CostRates } from "@/components/margins/cost-rates";
import { VerdictDefaultsForm } from "@/components/margins/verdict-defaults-form";
import { Card, PageHeader } from "@/components/ui/misc";
import { getAgencyProfile } from "@/db/queries/agency";
import { getLogoMeta, listClientColors, listClientNames } from "@/db/queries/branding";
import { listCostRates, listStaffForRates } from "@/db/queries/margins";
import { agencyRead } from "@/lib/actions/agency-read";
import { logoUrl } from "@/lib/branding/load";
import { tokyoToday } from "@/lib/contracts/view";
import { DEFAULT_VERDICT_SETTINGS } from "@/lib/domain/verdict";
import { typedText, VERDICT_SETTING_KEYS, VERDICT_SETTING_KINDS } from "@/lib/kpis/plan-view";
import { costRateViews } from "@/lib/margins/rates-view";
import { STAFF_ROLES } from "@/lib/options";
import {
  addCostRate,
  removeCostRate,
  removeLogo,
  saveAgencyProfile,
  saveBrandColor,
  saveClientColor,
  saveInvoiceSettings,
  saveVerdictDefaults,
  uploadLogo,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("margins");
  return { title: t("settingsPage") };
}

/** Default report deadline when the agency has not set one: the 5th business day of the next month. */
const DEFAULT_REPORT_DEADLINE = 5;

export default async function AgencySettingsPage() {
  const t = await getTranslations();
  const today = tokyoToday();
  const { profile, rates, staff, logo, clientColors, clientNames } = await agencyRead(
    "agency.settings",
    async ({ tx, agencyId }) => ({
      profile: await getAgencyProfile(tx, { agencyId }),
      rates: await listCostRates(tx, { agencyId }),
      staff: await listStaffForRates(tx, { agencyId }),
      logo: await getLogoMeta(tx, { agencyId }),
      clientColors: await listClientColors(tx, { agencyId }),
      clientNames: await listClientNames(tx, { agencyId }),
    }),
  );
  const roleLabel = (role: string) => t("margins.rates.role", { role: t(`roles.${role as "owner"}`) });
  const memberLabel = (name: string) => t("margins.rates.member", { name });
  const settings = profile.settings;
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("margins.settingsPage")} />
      <Card className="space-y-4 p-6">
        <h2 className="text-base font-semibold">{t("margins.profile.title")}</h2>
        <AgencyProfileForm
          current={{
            name: profile.name,
            taxRounding: settings.taxRounding,
            hiringTrigger1: settings.hiringTriggers[0],
            hiringTrigger2: settings.hiringTriggers[1],
            reportDeadlineBusinessDay: settings.reportDeadlineBusinessDay ?? DEFAULT_REPORT_DEADLINE,
          }}
          save={saveAgencyProfile}
        />
      </Card>
      <Card className="p-6">
        <InvoiceSettingsForm current={settings.invoiceRegistrationNumber ?? ""} save={saveInvoiceSettings} />
      </Card>
      <Card className="space-y-4 p-6">
        <div>
          <h2 className="text-base font-semibold">{t("margins.verdictDefaults.title")}</h2>
          <p className="mt-1 text-sm text-slate-500">{t("margins.verdictDefaults.description")}</p>
        </div>
        <VerdictDefaultsForm
          fields={VERDICT_SETTING_KEYS.map((key) => ({
            key,
            label: t(`kpiPlan.settings.${key}`),
            value: typedText(VERDICT_SETTING_KINDS[key], settings.verdictDefaults?.[key]),
            placeholder: typedText(VERDICT_SETTING_KINDS[key], DEFAULT_VERDICT_SETTINGS[key]),
          }))}
          labels={{
            title: t("margins.verdictDefaults.title"),
            save: t("margins.profile.save"),
            saved: t("margins.profile.saved"),
          }}
          save={saveVerdictDefaults}
        />
      </Card>
      <Card className="space-y-4 p-6">
        <div>
          <h2 className="text-base font-semibold">{t("margins.rates.title")}</h2>
          <p className="mt-1 text-sm text-slate-500">{t("margins.rates.description")}</p>
        </div>
        <CostRates
          rates={costRateViews(rates, staff, today, roleLabel, memberLabel)}
          targets={[
            ...STAFF_ROLES.map((role) => ({ value: `role:${role}`, label: roleLabel(role) })),
            ...staff.map((s) => ({ value: `member:${s.membershipId}`, label: memberLabel(s.name) })),
          ]}
          today={today}
          add={addCostRate}
          remove={removeCostRate}
        />
      </Card>
      <Card className="space-y-4 p-6">
        <div>
          <h2 className="text-base font-semibold">{t("branding.title")}</h2>
          <p className="mt-1 text-sm text-slate-500">{t("branding.description")}</p>
        </div>
        <BrandingSettings
          logo={logo ? { url: logoUrl(logo.sha256), ...logo } : null}
          color={settings.brandColor ?? null}
          clientColors={clientColors}
          clients={clientNames}
          upload={uploadLogo}
          remove={removeLogo}
          saveColor={saveBrandColor}
          saveClientColor={saveClientColor}
        />
      </Card>
    </div>
  );
}
