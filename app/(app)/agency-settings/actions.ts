"use server";
// The agency's own settings that invoices print (SPEC §3, §4.2).
import { revalidatePath } from "next/cache";
import { updateAgencySettings } from "@/db/queries/agency";
import { agencyAction } from "@/lib/actions/safe-action";
import { agencyInvoiceSettingsSchema } from "@/lib/schemas/contracts";

/** The qualified-invoice registration number (T + 13 digits); empty clears it. */
export const saveInvoiceSettings = agencyAction({
  name: "agency.invoiceSettings",
  permission: "agency.settings",
  schema: agencyInvoiceSettingsSchema,
  async run({ invoiceRegistrationNumber }, ctx) {
    const { before, after } = await updateAgencySettings(ctx.tx, {
      agencyId: ctx.agencyId,
      changes: { invoiceRegistrationNumber: invoiceRegistrationNumber || null },
    });
    await ctx.audit({
      action: "agency.settings",
      entity: "agency",
      entityId: ctx.agencyId,
      before: { invoiceRegistrationNumber: before.invoiceRegistrationNumber ?? null },
      after: { invoiceRegistrationNumber: after.invoiceRegistrationNumber ?? null },
    });
    revalidatePath("/agency-settings");
    return { invoiceRegistrationNumber: after.invoiceRegistrationNumber ?? null };
  },
});
