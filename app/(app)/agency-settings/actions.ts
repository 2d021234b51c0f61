"use server";
// The agency's own settings (SPEC §3, §4.2, §9): what invoices print, the defaults every client inherits, and
// what an hour of work costs. Owners only; every change audited.
import { revalidatePath } from "next/cache";
import { FieldError } from "@/db/errors";
import { getAgencyProfile, renameAgency, updateAgencySettings } from "@/db/queries/agency";
import { deleteCostRate, insertCostRate, listStaffForRates } from "@/db/queries/margins";
import { agencyAction } from "@/lib/actions/safe-action";
import { agencyInvoiceSettingsSchema } from "@/lib/schemas/contracts";
import {
  addCostRateSchema,
  agencyProfileSchema,
  agencyVerdictDefaultsSchema,
  deleteCostRateSchema,
} from "@/lib/schemas/margins";

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

/** Name, tax rounding, hiring triggers and the report deadline default. */
export const saveAgencyProfile = agencyAction({
  name: "agency.profile",
  permission: "agency.settings",
  schema: agencyProfileSchema,
  async run(input, ctx) {
    const before = await getAgencyProfile(ctx.tx, { agencyId: ctx.agencyId });
    await renameAgency(ctx.tx, { agencyId: ctx.agencyId, name: input.name });
    const { after } = await updateAgencySettings(ctx.tx, {
      agencyId: ctx.agencyId,
      changes: {
        taxRounding: input.taxRounding,
        hiringTriggers: [input.hiringTrigger1, input.hiringTrigger2],
        reportDeadlineBusinessDay: input.reportDeadlineBusinessDay,
      },
    });
    const shown = (name: string, s: typeof after) => ({
      name,
      taxRounding: s.taxRounding,
      hiringTriggers: s.hiringTriggers,
      reportDeadlineBusinessDay: s.reportDeadlineBusinessDay ?? null,
    });
    await ctx.audit({
      action: "agency.profile",
      entity: "agency",
      entityId: ctx.agencyId,
      before: shown(before.name, before.settings),
      after: shown(input.name, after),
    });
    revalidatePath("/", "layout");
    return { name: input.name };
  },
});

/** A cost rate for a role or a person from a date; a raise is a new row, never an edit. */
export const addCostRate = agencyAction({
  name: "margins.addCostRate",
  permission: "agency.settings",
  schema: addCostRateSchema,
  async run({ target, yenPerHour, effectiveFrom }, ctx) {
    if (target.membershipId !== null) {
      const staff = await listStaffForRates(ctx.tx, { agencyId: ctx.agencyId });
      if (!staff.some((s) => s.membershipId === target.membershipId))
        throw new FieldError("target", "margins.errors.unknown_member");
    }
    const row = { agencyId: ctx.agencyId, ...target, yenPerHour, effectiveFrom };
    const id = await insertCostRate(ctx.tx, row);
    await ctx.audit({
      action: "margins.costRate.add",
      entity: "cost_rate",
      entityId: id,
      after: { ...target, yenPerHour, effectiveFrom },
    });
    revalidatePath("/agency-settings");
    return { id };
  },
});

/** Removes a mistaken rate (the months it covered fall back to the previous rate). */
export const removeCostRate = agencyAction({
  name: "margins.deleteCostRate",
  permission: "agency.settings",
  schema: deleteCostRateSchema,
  async run({ id }, ctx) {
    const before = await deleteCostRate(ctx.tx, { agencyId: ctx.agencyId, id });
    await ctx.audit({ action: "margins.costRate.delete", entity: "cost_rate", entityId: id, before });
    revalidatePath("/agency-settings");
    return { id };
  },
});

/**
 * The agency's default verdict thresholds (SPEC §5): every client's verdict starts from them, and a client's
 * plan overrides them. Checked with the verdict's own rules; only values that differ from the product's
 * defaults are stored.
 */
export const saveVerdictDefaults = agencyAction({
  name: "agency.verdictDefaults",
  permission: "agency.settings",
  schema: agencyVerdictDefaultsSchema,
  async run(verdictDefaults, ctx) {
    const { before, after } = await updateAgencySettings(ctx.tx, {
      agencyId: ctx.agencyId,
      changes: { verdictDefaults },
    });
    await ctx.audit({
      action: "agency.verdictDefaults",
      entity: "agency",
      entityId: ctx.agencyId,
      before: { verdictDefaults: before.verdictDefaults ?? {} },
      after: { verdictDefaults: after.verdictDefaults ?? {} },
    });
    // Verdicts show on the client list, client pages, KPI pages and the portfolio.
    revalidatePath("/", "layout");
    return { verdictDefaults };
  },
});
