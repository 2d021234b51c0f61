import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/misc";
import type { Margin } from "@/lib/domain/margin";
import type { Locale } from "@/lib/i18n/locales";
import { MarginFigures } from "./margin-figures";

/**
 * The report's agency margin section (SPEC §7, §9): the month's margin computed live for owners and managers
 * beside the report. It is never part of the published snapshot, so neither the client's view nor the PDF or
 * CSV can carry it; it is not printed either.
 */
export function ReportMargin({
  clientId,
  month,
  margin,
  unratedNames,
  locale,
}: {
  clientId: string;
  month: string;
  margin: Margin;
  unratedNames: string[];
  locale: Locale;
}) {
  const t = useTranslations("margins.report");
  return (
    <Card className="no-print space-y-4 p-6" data-testid="report-margin">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h2 className="text-base font-semibold">{t("title", { month })}</h2>
          <p className="mt-1 text-sm text-slate-500">{t("note")}</p>
        </div>
        <Link href={`/clients/${clientId}/margin?month=${month}`} className="text-sm text-indigo-700 hover:underline">
          {t("details")}
        </Link>
      </div>
      <MarginFigures margin={margin} locale={locale} unratedNames={unratedNames} />
    </Card>
  );
}
