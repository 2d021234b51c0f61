"use client";

import { useLocale, useTranslations } from "next-intl";
import { Card, EmptyState } from "@/components/ui/misc";
import type { LineView } from "@/lib/economics/view";
import { formatNumber } from "@/lib/format";
import { messageFiller } from "@/lib/i18n/fill";
import { toLocale } from "@/lib/i18n/locales";
import type { Scenario } from "@/lib/options";
import { WaterfallChart } from "./waterfall-chart";
import { Yen } from "./yen";

/** The selected line: where the yen go, the three levers worth most, and the pace the hiring triggers need. */
export function LinePanel({
  line,
  scenario,
  triggers,
}: {
  line: LineView;
  scenario: Scenario;
  triggers: readonly number[];
}) {
  const t = useTranslations("economics");
  const locale = toLocale(useLocale());
  const view = line.scenarios[scenario];
  // "{count}件": the count formatted once here, the message filled by replacement (no ICU parse per request).
  const fillOrders = messageFiller(t.raw("orders"), (v) => t("orders", v));
  const orders = (count: number) => fillOrders({ count: formatNumber(count, locale) });
  if (!view) return <EmptyState title={t("noScenario")} />;
  const f = view.figures;
  return (
    <Card className="space-y-6 p-6" aria-labelledby="line-panel-title">
      <div>
        <h2 id="line-panel-title" className="text-base font-semibold">
          {t(`channelShort.${line.channel}`)} / {line.sku} · {t(`scenarios.${scenario}`)}
        </h2>
        <p className="mt-1 text-sm">
          {t("figures.contribution")}:{" "}
          <Yen value={f.contribution} className="text-lg font-bold" data-testid="contribution" />
        </p>
      </div>
      <WaterfallChart aov={Number(view.cells.aov)} figures={f} />
      <section aria-labelledby="levers-title">
        <h3 id="levers-title" className="mb-2 text-sm font-semibold">
          {t("leversTitle")}
        </h3>
        {view.levers.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noLevers")}</p>
        ) : (
          <ol className="space-y-1 text-sm" data-testid="top-levers">
            {view.levers.map((l, i) => (
              <li key={l.lever} className="flex items-baseline justify-between gap-4 rounded bg-slate-50 px-3 py-2">
                <span>
                  {i + 1}. {t(`levers.${l.lever}`)}
                </span>
                <span className="text-right">
                  <Yen value={l.gainPerOrder} className="font-semibold text-emerald-700" />
                  {t("perOrder")}
                  {view.monthlyOrders > 0 ? (
                    <>
                      {" · "}
                      <Yen value={l.gainPerMonth} />
                      {t("perMonth")}
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ol>
        )}
        {view.monthlyOrders === 0 ? <p className="mt-1 text-xs text-slate-500">{t("leversNeedOrders")}</p> : null}
      </section>
      <section aria-labelledby="pacing-title">
        <h3 id="pacing-title" className="mb-2 text-sm font-semibold">
          {t("pacingTitle")}
        </h3>
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th scope="col" className="py-1 font-medium">
                {t("pacing.target")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("pacing.perMonth")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("pacing.perWeek")}
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                {t("pacing.perDay")}
              </th>
            </tr>
          </thead>
          <tbody>
            {triggers.map((trigger, i) => {
              const p = f.pacing[i];
              return (
                <tr key={trigger} className="border-t border-slate-100">
                  <th scope="row" className="py-1.5 text-left font-normal">
                    <Yen value={trigger} />
                  </th>
                  {p ? (
                    <>
                      <td className="py-1.5 text-right tabular-nums">{orders(p.perMonth)}</td>
                      <td className="py-1.5 text-right tabular-nums">{orders(p.perWeek)}</td>
                      <td className="py-1.5 text-right tabular-nums">{orders(p.perDay)}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="py-1.5 text-right text-red-600">
                      {t("unreachable")}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </Card>
  );
}
