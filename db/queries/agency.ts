import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { type AgencySettings, agencies, defaultAgencySettings } from "../schema";

/** The agency's settings, with defaults for anything an older row lacks. */
export async function getAgencySettings(db: DbOrTx, p: { agencyId: string }): Promise<AgencySettings> {
  const [row] = await db.select({ settings: agencies.settings }).from(agencies).where(eq(agencies.id, p.agencyId));
  return { ...defaultAgencySettings, ...(row?.settings ?? {}) };
}

/** Replaces some of the agency's settings, keeping the rest; returns the settings before and after. */
export async function updateAgencySettings(
  db: DbOrTx,
  p: { agencyId: string; changes: Partial<AgencySettings> },
): Promise<{ before: AgencySettings; after: AgencySettings }> {
  const before = await getAgencySettings(db, p);
  const after = { ...before, ...p.changes };
  await db.update(agencies).set({ settings: after }).where(eq(agencies.id, p.agencyId));
  return { before, after };
}

/** The agency's name and settings, for documents it issues (invoices). */
export async function getAgencyProfile(db: DbOrTx, p: { agencyId: string }) {
  const [row] = await db
    .select({ name: agencies.name, settings: agencies.settings })
    .from(agencies)
    .where(eq(agencies.id, p.agencyId));
  return { name: row?.name ?? "", settings: { ...defaultAgencySettings, ...(row?.settings ?? {}) } };
}

/** Renames the agency; returns the name before. */
export async function renameAgency(db: DbOrTx, p: { agencyId: string; name: string }): Promise<string> {
  const [row] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, p.agencyId));
  await db.update(agencies).set({ name: p.name }).where(eq(agencies.id, p.agencyId));
  return row?.name ?? "";
}
