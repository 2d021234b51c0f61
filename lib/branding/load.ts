import "server-only";
// The branding a page shows: the agency's logo (its URL, versioned by its hash so a new logo is fetched at
// once) and the brand colour — the client's own where set, else the agency's.

import type { DbOrTx } from "@/db/client";
import { getAgencyProfile } from "@/db/queries/agency";
import { getClientColor, getLogo, getLogoMeta } from "@/db/queries/branding";

export interface Branding {
  agencyName: string;
  logoUrl: string | null;
  logoType: string | null;
  color: string | null;
}

export const logoUrl = (sha256: string) => `/branding/logo?v=${sha256.slice(0, 16)}`;

export async function loadBranding(tx: DbOrTx, p: { agencyId: string; clientId?: string | null }): Promise<Branding> {
  const [profile, logo, clientColor] = await Promise.all([
    getAgencyProfile(tx, { agencyId: p.agencyId }),
    getLogoMeta(tx, { agencyId: p.agencyId }),
    p.clientId ? getClientColor(tx, { agencyId: p.agencyId, clientId: p.clientId }) : null,
  ]);
  return {
    agencyName: profile.name,
    logoUrl: logo ? logoUrl(logo.sha256) : null,
    logoType: logo?.contentType ?? null,
    color: clientColor ?? profile.settings.brandColor ?? null,
  };
}

/** What the report's PDF draws: the logo when it is a PNG (an SVG logo is left out of the PDF). */
export async function pdfBranding(tx: DbOrTx, p: { agencyId: string }): Promise<{ logoPng: Buffer | null }> {
  const meta = await getLogoMeta(tx, p);
  if (meta?.contentType !== "image/png") return { logoPng: null };
  return { logoPng: (await getLogo(tx, p))?.bytes ?? null };
}
