"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Yen } from "@/components/economics/yen";
import { PL_INPUTS } from "@/lib/economics/fields";
import type { GridLine } from "@/lib/economics/view";
import { formatYen } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { SCENARIOS, type Scenario } from "@/lib/options";
import { InputCell, RowActions } from "./cells";

export const features = tableFeatures({});
const helper = createColumnHelper<typeof features, GridLine>();

function Orders({ value, testId }: { value: number | null | undefined; testId: string }) {
  const t = useTranslations("economics");
  const format = useFormatter();
  if (value === undefined) return <span className="text-slate-400">—</span>;
  if (value === null) return <span className="text-red-600">{t("unreachable")}</span>;
  return (
    <span className="tabular-nums" data-testid={testId}>
      {format.number(value)}
    </span>
  );
}

/** Columns for the scenario being edited; the three scenarios' contribution stand side by side. */
export function usePlColumns(scenario: Scenario, triggers: readonly number[]) {
  const t = useTranslations("economics");
  const locale = toLocale(useLocale());
  return useMemo(() => {
    const figure = (line: GridLine) => line.current;
    return helper.columns([
      helper.accessor("channel", { header: t("fields.channel"), cell: (info) => t(`channelShort.${info.getValue()}`) }),
      helper.accessor("sku", {
        header: t("fields.sku"),
        cell: (info) => <span className="font-medium">{info.getValue()}</span>,
      }),
      helper.display({ id: "actions", header: t("actions"), cell: () => <RowActions /> }),
      helper.display({
        id: "grossProfit",
        header: t("figures.grossProfit"),
        cell: (info) => {
          const f = figure(info.row.original);
          return f ? <Yen value={f.grossProfit} /> : "—";
        },
      }),
      ...SCENARIOS.map((s) =>
        helper.display({
          id: `contribution:${s}`,
          header: t("figures.contributionIn", { scenario: t(`scenarios.${s}`) }),
          cell: (info) => {
            const value = info.row.original.contributions[s];
            return value === null ? (
              "—"
            ) : (
              <Yen value={value} className={s === scenario ? "font-bold" : "text-slate-500"} />
            );
          },
        }),
      ),
      helper.display({
        id: "allowedCpa",
        header: t("figures.allowedCpa"),
        cell: (info) => {
          const f = figure(info.row.original);
          if (!f || f.allowedCpa === null) return <span className="text-slate-400">—</span>;
          return f.noAdBudget ? <span className="text-red-600">{t("noAdBudget")}</span> : <Yen value={f.allowedCpa} />;
        },
      }),
      ...triggers.map((trigger, i) =>
        helper.display({
          id: `orders:${i}`,
          header: t("figures.ordersFor", { amount: formatYen(trigger, locale) }),
          cell: (info) => <Orders value={figure(info.row.original)?.ordersNeeded[i]} testId={`orders-${i}`} />,
        }),
      ),
      // Inputs last, from the field table: the figures a manager reads first stay in view; the grid scrolls
      // sideways for the rest.
      ...PL_INPUTS.map((field) =>
        helper.display({
          id: field.name,
          header: t(`fields.${field.name}` as "fields.aov"),
          cell: () => <InputCell field={field} />,
        }),
      ),
    ]);
  }, [t, locale, scenario, triggers]);
}
