// The agency's logo, for everyone of the agency (the portal's header, reports). Served strictly as an image:
// its own type, no sniffing, and a policy under which an SVG opened directly can run nothing and load nothing.
import { getLogo } from "@/db/queries/branding";
import { agencyRead } from "@/lib/actions/agency-read";

const LOGO_HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  "x-content-type-options": "nosniff",
} as const;

export async function GET() {
  const logo = await agencyRead("branding.read", ({ tx, agencyId }) => getLogo(tx, { agencyId }), {
    signedOut: "notFound",
  });
  if (!logo) return new Response(null, { status: 404, headers: LOGO_HEADERS });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      ...LOGO_HEADERS,
      "content-type": logo.contentType === "image/svg+xml" ? "image/svg+xml" : "image/png",
      "content-disposition": `inline; filename="logo.${logo.contentType === "image/svg+xml" ? "svg" : "png"}"`,
      // The page's URL carries the logo's hash, so a new logo is a new URL.
      "cache-control": "private, max-age=86400",
      etag: `"${logo.sha256}"`,
    },
  });
}
