// A client user's report as PDF: their own client's published revision (?rev=n, default the latest).
import { getLocale } from "next-intl/server";
import { agencyRead } from "@/lib/actions/agency-read";
import { pdfBranding } from "@/lib/branding/load";
import { toLocale } from "@/lib/i18n/locales";
import { pdfResponse } from "@/lib/reports/download";
import { loadPortalReport, revisionParam } from "@/lib/reports/load";

export async function GET(request: Request, { params }: { params: Promise<{ month: string }> }) {
  const { month } = await params;
  const url = new URL(request.url);
  const rev = revisionParam(url.searchParams.get("rev") ?? undefined);
  const { snapshot, revision, brand } = await agencyRead(
    "portal.read",
    async (ctx) => ({
      ...(await loadPortalReport(ctx, month, rev, { mark: false })),
      brand: await pdfBranding(ctx.tx, { agencyId: ctx.agencyId }),
    }),
    { signedOut: "notFound" },
  );
  const locale = toLocale(await getLocale());
  return pdfResponse(snapshot, revision, locale, brand);
}
