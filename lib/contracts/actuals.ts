import type { ContractVersion } from "@/lib/domain/contract";
import { computeInvoiceForValidVersion, type InvoiceActuals, type InvoiceSettings } from "@/lib/domain/invoice";
import type { RoundingMode } from "@/lib/domain/money";
import { fail, ok, type Result } from "@/lib/domain/result";

/** Drops figures that were not entered, so the stored actuals say only what someone typed. */
function compact(actuals: InvoiceActuals): InvoiceActuals {
  const out: InvoiceActuals = {};
  for (const key of ["sales", "orders", "grossProfit", "adRevenue", "adSpend", "customisationMinutes"] as const) {
    const v = actuals[key];
    if (v !== null && v !== undefined) out[key] = v;
  }
  const kpis = Object.entries(actuals.kpiValues ?? {}).filter(([, v]) => v !== null && v !== undefined);
  if (kpis.length > 0) out.kpiValues = Object.fromEntries(kpis);
  if (actuals.missedSlaItems && actuals.missedSlaItems.length > 0) out.missedSlaItems = [...actuals.missedSlaItems];
  return out;
}

/**
 * A month's actuals checked against the contract by the invoice engine itself (ranges, and SLA keys that
 * must be the version's): errors at "actuals.<field>", or the actuals as they will be stored.
 */
export function checkActuals(version: ContractVersion, month: string, actuals: InvoiceActuals): Result<InvoiceActuals> {
  const value = compact(actuals);
  const result = computeInvoiceForValidVersion(version, month, value);
  if (!result.ok) return fail(result.errors);
  return ok(value);
}

/** The agency's tax-rounding setting in the invoice engine's terms. */
export function invoiceSettingsOf(agency: { taxRounding: "floor" | "round" | "ceil" }): Partial<InvoiceSettings> {
  const rounding: Record<typeof agency.taxRounding, RoundingMode> = { floor: "down", round: "half_up", ceil: "up" };
  return { taxRounding: rounding[agency.taxRounding] };
}

/** The month's invoice of a stored (already validated) version with the month's saved actuals. */
export function billMonth(
  version: ContractVersion,
  month: string,
  actuals: InvoiceActuals | null,
  agency: { taxRounding: "floor" | "round" | "ceil" },
) {
  return computeInvoiceForValidVersion(version, month, actuals ?? {}, invoiceSettingsOf(agency));
}
