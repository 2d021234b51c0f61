"use client";

import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import { verdictTone } from "@/components/ui/tones";
import { useDisclosure } from "@/components/ui/use-disclosure";
import type { RuleEvaluation, Verdict } from "@/lib/domain/verdict";
import { toLocale } from "@/lib/i18n/locales";
import { formatKpi } from "./format";

const MISSING = new Set([
  "contribution",
  "orders",
  "revenue",
  "adSpend",
  "returns",
  "inventoryTurnoverDays",
  "reviewRatingHundredths",
  "adOrders",
  "grossProfitPerOrder",
  "returnRateBaselineBp",
]);

/** Go / Hold / Stop for the month with every rule, its periods (actual against threshold) and the outcome. */
export function VerdictPanel({ verdict, contribution }: { verdict: Verdict | null; contribution: number | null }) {
  const t = useTranslations("kpiPage.verdict");
  const tk = useTranslations("kpis");
  const locale = toLocale(useLocale());
  return (
    <div className="space-y-4" data-testid="verdict">
      <div className="flex flex-wrap items-center gap-3">
        {verdict ? (
          <span data-testid="verdict-badge" className="text-base">
            <Badge tone={verdictTone[verdict.verdict]}>{tk(`verdict.${verdict.verdict}`)}</Badge>
          </span>
        ) : (
          <Badge>{tk("verdict.none")}</Badge>
        )}
        <span className="text-sm text-slate-600">
          {t("contribution")}{" "}
          <strong className="tabular-nums" data-testid="monthly-contribution">
            {contribution === null ? t("noContribution") : formatKpi("yen", contribution, locale)}
          </strong>
        </span>
      </div>
      {verdict ? (
        <>
          <p className="text-sm text-slate-700">
            {t(`why.${verdict.verdict}`)} {verdict.decidingRules.map((code) => t(`rules.${code}`)).join("、")}
          </p>
          <ul className="space-y-3">
            {verdict.rules.map((rule) => (
              <RuleItem key={rule.code} rule={rule} deciding={verdict.decidingRules.includes(rule.code)} />
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-slate-500">{t("cannotEvaluate")}</p>
      )}
    </div>
  );
}

/**
 * One rule: its outcome and latest period in the summary line (a rule that decided the verdict is marked); the
 * period-by-period table opens on demand and is not rendered while closed.
 */
function RuleItem({ rule, deciding }: { rule: RuleEvaluation; deciding: boolean }) {
  const t = useTranslations("kpiPage.verdict");
  const locale = toLocale(useLocale());
  const { open, props } = useDisclosure();
  const value = (v: number | null) => (v === null ? "—" : formatKpi(rule.unit, v, locale));
  const tone: BadgeTone =
    rule.outcome === "insufficient_data"
      ? "gray"
      : (rule.leadsTo === "go") === (rule.outcome === "met")
        ? "green"
        : "red";
  const missing = (name: string) => {
    const field = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1) : name;
    const label = MISSING.has(field) ? t(`missing.${field}` as "missing.orders") : field;
    return name.includes(".") ? `${name.slice(0, name.lastIndexOf("."))} ${label}` : label;
  };
  const latest = rule.periods.at(-1);
  return (
    <li className="rounded-md ring-1 ring-slate-200" data-testid={`rule-${rule.code}`}>
      <details {...props}>
        <summary
          className={`cursor-pointer rounded-md px-3 py-2 text-sm ${deciding ? "bg-indigo-50 ring-1 ring-indigo-200" : "bg-slate-50"}`}
        >
          <span className="mr-2 text-xs uppercase text-slate-500">{rule.leadsTo === "go" ? "Go" : "Stop"}</span>
          <span className="font-medium">
            {t(`rules.${rule.code}`)} ({rule.comparator})
          </span>{" "}
          <Badge tone={tone}>{t(`outcome.${rule.leadsTo}.${rule.outcome}`)}</Badge>
          {latest ? (
            <span className="ml-2 text-xs text-slate-500 tabular-nums">
              {latest.period}: {t("actual")} {value(latest.actual)} / {t("threshold")} {value(latest.threshold)}
            </span>
          ) : null}
        </summary>
        {open ? (
          <table className="min-w-full text-xs">
            <thead>
              <tr className="text-left text-slate-500">
                <th scope="col" className="px-3 py-1 font-medium">
                  {rule.periodKind === "week" ? t("week") : t("month")}
                </th>
                <th scope="col" className="px-3 py-1 text-right font-medium">
                  {t("actual")}
                </th>
                <th scope="col" className="px-3 py-1 text-right font-medium">
                  {t("threshold")}
                </th>
                <th scope="col" className="px-3 py-1 font-medium">
                  {t("result")}
                </th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {rule.periods.map((p) => (
                <tr key={p.period} className="border-t border-slate-100">
                  <td className="px-3 py-1">{p.period}</td>
                  <td className="px-3 py-1 text-right">{value(p.actual)}</td>
                  <td className="px-3 py-1 text-right">{value(p.threshold)}</td>
                  <td className="px-3 py-1">
                    {p.met === null
                      ? `${t("periodMet.null")}${p.missing.length > 0 ? `: ${p.missing.map(missing).join("、")}` : ""}`
                      : t(`periodMet.${p.met ? "yes" : "no"}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </details>
    </li>
  );
}
