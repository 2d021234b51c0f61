import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, Card } from "@/components/ui/misc";
import { verdictTone } from "@/components/ui/tones";
import type { Verdict } from "@/lib/domain/verdict";

/** The client page's glance at the KPIs: the last complete month's verdict and the way to the KPI page. */
export function VerdictCard({
  clientId,
  month,
  verdict,
}: {
  clientId: string;
  month: string;
  verdict: Verdict | null;
}) {
  const t = useTranslations();
  return (
    <Card className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="client-verdict">
      <div className="space-y-1">
        <h2 className="text-base font-semibold">{t("kpiPage.clientCard.title")}</h2>
        <p className="text-xs text-slate-500">{t("kpiPage.clientCard.month", { month })}</p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {verdict ? (
          <span className="text-sm">
            <Badge tone={verdictTone[verdict.verdict]}>{t(`kpis.verdict.${verdict.verdict}`)}</Badge>
            {verdict.decidingRules.length > 0 ? (
              <span className="ml-2 text-xs text-slate-600">
                {verdict.decidingRules.map((code) => t(`kpiPage.verdict.rules.${code}`)).join("、")}
              </span>
            ) : null}
          </span>
        ) : (
          <span className="text-sm text-slate-500">{t("kpiPage.clientCard.none")}</span>
        )}
        <Link href={`/clients/${clientId}/kpis?month=${month}`} className="text-sm text-indigo-700 hover:underline">
          {t("kpiPage.clientCard.link")}
        </Link>
      </div>
    </Card>
  );
}
