import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/misc";
import type { Margin } from "@/lib/domain/margin";
import { formatYen } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { formatBp, formatHours } from "@/lib/margins/format";

/** The month's revenue, hours, costs and margin as cards; when there is no margin, why. */
export function MarginFigures({
  margin,
  locale,
  unratedNames,
}: {
  margin: Margin;
  locale: Locale;
  unratedNames: string[];
}) {
  const t = useTranslations("margins");
  const yen = (n: number) => formatYen(n, locale);
  const figures: [string, string, string?][] = [
    [t("revenue"), margin.revenue === null ? "—" : yen(margin.revenue)],
    [t("hours"), t("hoursValue", { hours: formatHours(margin.minutes) })],
    [t("labourCost"), yen(margin.labourCost)],
    [t("directCost"), yen(margin.directCost)],
    [t("deliveryCost"), yen(margin.deliveryCost)],
    [t("margin"), margin.margin === null ? "—" : yen(margin.margin), "margin"],
    [t("marginRate"), formatBp(margin.marginBp), "margin-rate"],
  ];
  return (
    <div className="space-y-3">
      <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
        {figures.map(([label, value, testId]) => (
          <Card key={label} className="p-4">
            <dt className="text-xs font-medium text-slate-500">{label}</dt>
            <dd
              className={`mt-1 text-lg font-semibold tabular-nums ${value.startsWith("-") || value.startsWith("−") ? "text-red-600" : "text-slate-900"}`}
              data-testid={testId}
            >
              {value}
            </dd>
          </Card>
        ))}
      </dl>
      {margin.status === "ok" ? null : (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" role="status">
          {t(`status.${margin.status}`)}
          {margin.status === "missing_rate" && unratedNames.length > 0
            ? ` — ${t("unrated", { names: unratedNames.join("、") })}`
            : ""}
        </p>
      )}
    </div>
  );
}
