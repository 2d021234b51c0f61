// The report's PDF for staff: a published revision (?rev=n, default the latest).
import { getLocale } from "next-intl/server";
import { NotFoundError } from "@/db/errors";
import { agencyRead } from "@/lib/actions/agency-read";
import { pdfBranding } from "@/lib/branding/load";
import { toLocale } from "@/lib/i18n/locales";
import { pdfResponse } from "@/lib/reports/download";
import { loadStaffReport, revisionParam } from "@/lib/reports/load";

export async function GET(request: Request, { params }: { params: Promise<{ id: string; month: string }> }) {
  const { id, month } = await params;
  const url = new URL(request.url);
  const rev = revisionParam(url.searchParams.get("rev") ?? undefined);
  const { shown, brand } = await agencyRead(
    "reports.read",
    async (ctx) => {
      const loaded = await loadStaffReport(ctx, id, month, rev);
      if (!loaded.shown || loaded.shown.revision === null) throw new NotFoundError("report");
      return { ...loaded, brand: await pdfBranding(ctx.tx, { agencyId: ctx.agencyId }) };
    },
    { signedOut: "notFound" },
  );
  if (!shown || shown.revision === null) throw new Error("unreachable");
  const locale = toLocale(await getLocale());
  return pdfResponse(shown.snapshot, shown.revision, locale, brand);
}
