import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BrandHeader } from "@/components/branding/brand-header";
import { ReportDocument } from "@/components/reports/report-document";
import { Badge } from "@/components/ui/misc";
import { agencyRead } from "@/lib/actions/agency-read";
import { loadBranding } from "@/lib/branding/load";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { reportLabels } from "@/lib/reports/labels";
import { loadPortalReport, revisionParam } from "@/lib/reports/load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

/** A client user's report: the latest published revision (earlier ones one click away), PDF and CSV. */
export default async function PortalReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ month: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { month } = await params;
  const rev = revisionParam((await searchParams).rev);
  const t = await getTranslations("reports");
  const tp = await getTranslations("portal");
  const locale = toLocale(await getLocale());
  const { report, revision, revisions, snapshot, branding } = await agencyRead("portal.read", async (ctx) => {
    const loaded = await loadPortalReport(ctx, month, rev);
    return {
      ...loaded,
      branding: await loadBranding(ctx.tx, { agencyId: ctx.agencyId, clientId: ctx.member.membership.clientId }),
    };
  });
  const base = `/portal/reports/${month}`;
  const q = `?rev=${revision}`;
  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link href="/portal" className="text-sm text-indigo-700 hover:underline">
          ← {tp("backToList")}
        </Link>
        <Badge tone="indigo">{t("revision", { n: revision })}</Badge>
        {revision === report.revision ? <Badge tone="green">{t("latest")}</Badge> : null}
        <a href={`${base}/pdf${q}`} className="text-sm text-indigo-700 hover:underline" download>
          {t("download.pdf")}
        </a>
        <a href={`${base}/csv${q}`} className="text-sm text-indigo-700 hover:underline" download>
          {t("download.csv")}
        </a>
        <a href={`${base}/csv${q}&enc=sjis`} className="text-sm text-indigo-700 hover:underline" download>
          {t("download.csvSjis")}
        </a>
      </div>
      <BrandHeader branding={branding} />
      <ReportDocument snapshot={snapshot} labels={reportLabels(locale)} />
      {revisions.length > 1 ? (
        <nav className="no-print text-sm" aria-label={t("earlier")}>
          <h2 className="mb-1 font-semibold">{t("earlier")}</h2>
          <ul className="space-y-1">
            {revisions.map((r) => (
              <li key={r.revision}>
                <Link href={`${base}?rev=${r.revision}`} className="text-indigo-700 hover:underline">
                  {t("revision", { n: r.revision })}
                </Link>{" "}
                · {t("publishedOn", { date: formatDateTime(r.publishedAt, locale) })}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
