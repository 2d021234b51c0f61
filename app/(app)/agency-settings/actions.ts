"use server";
// The agency's own settings (SPEC §3, §4.2, §9): what invoices print, the defaults every client inherits, and
// what an hour of work costs. Owners only; every change audited.
import { revalidatePath } from "next/cache";
import { FieldError, NotFoundError } from "@/db/errors";
import { getAgencyProfile, renameAgency, updateAgencySettings } from "@/db/queries/agency";
import { deleteLogo, saveLogo, setClientColor } from "@/db/queries/branding";
import { getClientOrThrow } from "@/db/queries/clients";
import { deleteCostRate, insertCostRate, listStaffForRates } from "@/db/queries/margins";
import { agencyAction } from "@/lib/actions/safe-action";
import { checkLogo, sha256Hex } from "@/lib/branding/logo";
import { brandColorSchema, clientColorSchema, removeLogoSchema, uploadLogoSchema } from "@/lib/schemas/branding";
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

// ─── Branding (issue 11) ──────────────────────────────────────────────────────────────────────────────

/** The agency's logo: a PNG or an SVG recognised by its bytes (lib/branding/logo.ts), at most 200 KB. */
export const uploadLogo = agencyAction({
  name: "branding.uploadLogo",
  permission: "agency.settings",
  schema: uploadLogoSchema,
  async run({ file }, ctx) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = checkLogo(bytes);
    if (!checked.ok) throw new FieldError("file", `branding.errors.${checked.code}`, { detail: checked.detail ?? "" });
    const sha256 = await sha256Hex(bytes);
    const before = await saveLogo(ctx.tx, { agencyId: ctx.agencyId, contentType: checked.contentType, bytes, sha256 });
    await ctx.audit({
      action: "branding.logo",
      entity: "agency",
      entityId: ctx.agencyId,
      before,
      after: { contentType: checked.contentType, size: bytes.length, sha256 },
    });
    revalidatePath("/", "layout");
    return { sha256 };
  },
});

/** Removes the logo the owner saw (by its hash); one uploaded since is not found. */
export const removeLogo = agencyAction({
  name: "branding.removeLogo",
  permission: "agency.settings",
  schema: removeLogoSchema,
  async run({ sha256 }, ctx) {
    if (!(await deleteLogo(ctx.tx, { agencyId: ctx.agencyId, sha256 }))) throw new NotFoundError("logo");
    await ctx.audit({ action: "branding.logo.remove", entity: "agency", entityId: ctx.agencyId, before: { sha256 } });
    revalidatePath("/", "layout");
    return { sha256 };
  },
});

/** The agency's brand colour ("#rrggbb"); empty clears it. */
export const saveBrandColor = agencyAction({
  name: "branding.color",
  permission: "agency.settings",
  schema: brandColorSchema,
  async run({ color }, ctx) {
    const { before } = await updateAgencySettings(ctx.tx, { agencyId: ctx.agencyId, changes: { brandColor: color } });
    await ctx.audit({
      action: "branding.color",
      entity: "agency",
      entityId: ctx.agencyId,
      before: { brandColor: before.brandColor ?? null },
      after: { brandColor: color },
    });
    revalidatePath("/", "layout");
    return { color };
  },
});

/** A client's own brand colour, overriding the agency's in its portal and reports; empty removes it. */
export const saveClientColor = agencyAction({
  name: "branding.clientColor",
  permission: "agency.settings",
  schema: clientColorSchema,
  async run({ clientId, color }, ctx) {
    await getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
    const before = await setClientColor(ctx.tx, { agencyId: ctx.agencyId, clientId, color });
    await ctx.audit({
      action: "branding.clientColor",
      entity: "client",
      entityId: clientId,
      before: { color: before },
      after: { color },
    });
    revalidatePath("/", "layout");
    return { clientId, color };
  },
});
