"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useMemo } from "react";
import { PL_INPUTS, type PlField } from "@/lib/economics/fields";
import type { GridLine } from "@/lib/economics/view";
import { formatNumber, formatYen } from "@/lib/format";
import { messageFiller } from "@/lib/i18n/fill";
import { type Locale, toLocale } from "@/lib/i18n/locales";
import { SCENARIOS, type Scenario } from "@/lib/options";
import { type RowActionLabels, RowActions } from "./cells";
import type { RowEdit } from "./row-context";

/**
 * A column of the P/L grid: its id, header and what a cell shows for a line, given the line's editing state
 * (its save, field errors). Cells are plain calls, not components: a page of 25 lines has several hundred of
 * them, and each one's labels are translated once per grid here rather than once per cell.
 */
export type PlColumn =
  | {
      id: string;
      header: string;
      /** Inputs and buttons sit tight; keys are left-aligned. */
      kind: "key" | "input" | "actions";
      cell: (line: GridLine, edit: RowEdit) => ReactNode;
    }
  | {
      id: string;
      header: string;
      /** A computed figure: text in a right-aligned cell with tabular digits, no element of its own. */
      kind: "figure";
      figure: (line: GridLine) => Figure;
    };

/** What a figure cell shows: its text, and the tone of its cell (red for a loss, bold for the scenario edited). */
export type Figure = { text: string; tone?: string; testId?: string };

const DASH: Figure = { text: "—", tone: "text-slate-400" };

/** A yen amount; negative amounts in red (as components/economics/yen.tsx shows them). */
function yen(value: number, locale: Locale, tone?: string): Figure {
  const red = value < 0 ? "text-red-600" : undefined;
  return { text: formatYen(value, locale), tone: red && tone ? `${red} ${tone}` : (red ?? tone) };
}

/** Columns for the scenario being edited; the three scenarios' contribution stand side by side. */
export function usePlColumns(scenario: Scenario, triggers: readonly number[]): PlColumn[] {
  const t = useTranslations("economics");
  const locale = toLocale(useLocale());
  return useMemo(() => {
    const unreachable: Figure = { text: t("unreachable"), tone: "text-red-600" };
    const noAdBudget: Figure = { text: t("noAdBudget"), tone: "text-red-600" };
    const channelShort = new Map<string, string>();
    const contributionIn = messageFiller(t.raw("figures.contributionIn"), (v) => t("figures.contributionIn", v));
    const ordersFor = messageFiller(t.raw("figures.ordersFor"), (v) => t("figures.ordersFor", v));
    const sku = (key: "showLine" | "saveLine" | "copyBaseFor" | "deleteLine" | "deleteConfirm") =>
      messageFiller(t.raw(key), (values) => t(key, values as { sku: string }));
    const actionLabels: RowActionLabels = {
      details: t("details"),
      save: t("save"),
      copyBase: t("copyBase"),
      copyBaseHint: t("copyBaseHint"),
      copied: t("copied"),
      delete: t("delete"),
      showLine: sku("showLine"),
      saveLine: sku("saveLine"),
      copyBaseFor: sku("copyBaseFor"),
      deleteLine: sku("deleteLine"),
      deleteConfirm: sku("deleteConfirm"),
    };
    const orders = (value: number | null | undefined, testId: string): Figure => {
      if (value === undefined) return DASH;
      if (value === null) return unreachable;
      return { text: formatNumber(value, locale), testId };
    };
    return [
      {
        id: "channel",
        header: t("fields.channel"),
        kind: "key",
        cell: (line) => {
          let label = channelShort.get(line.channel);
          if (label === undefined) {
            label = t(`channelShort.${line.channel}`);
            channelShort.set(line.channel, label);
          }
          return label;
        },
      },
      {
        id: "sku",
        header: t("fields.sku"),
        kind: "key",
        cell: (line) => <span className="font-medium">{line.sku}</span>,
      },
      {
        id: "actions",
        header: t("actions"),
        kind: "actions",
        cell: (_line, edit) => <RowActions edit={edit} labels={actionLabels} />,
      },
      {
        id: "grossProfit",
        header: t("figures.grossProfit"),
        kind: "figure",
        figure: (line) => (line.current ? yen(line.current.grossProfit, locale) : { text: "—" }),
      },
      ...SCENARIOS.map(
        (s): PlColumn => ({
          id: `contribution:${s}`,
          header: contributionIn({ scenario: t(`scenarios.${s}`) }),
          kind: "figure",
          figure: (line) => {
            const value = line.contributions[s];
            return value === null ? { text: "—" } : yen(value, locale, s === scenario ? "font-bold" : "text-slate-500");
          },
        }),
      ),
      {
        id: "allowedCpa",
        header: t("figures.allowedCpa"),
        kind: "figure",
        figure: (line) => {
          const f = line.current;
          if (!f || f.allowedCpa === null) return DASH;
          return f.noAdBudget ? noAdBudget : yen(f.allowedCpa, locale);
        },
      },
      ...triggers.map(
        (trigger, i): PlColumn => ({
          id: `orders:${i}`,
          header: ordersFor({ amount: formatYen(trigger, locale) }),
          kind: "figure",
          figure: (line) => orders(line.current?.ordersNeeded[i], `orders-${i}`),
        }),
      ),
      // Inputs last, from the field table: the figures a manager reads first stay in view; the grid scrolls
      // sideways for the rest.
      ...PL_INPUTS.map((field): PlColumn => {
        const label = t(`fields.${field.name}` as "fields.aov");
        const options = field.options?.map((m) => ({ value: m, label: t(`adModes.${m as "cpa"}`) }));
        return {
          id: field.name,
          header: label,
          kind: "input",
          cell: (line, edit) => inputCell(field, label, options, line, edit),
        };
      }),
    ];
  }, [t, locale, scenario, triggers]);
}

/** One input of the row's scenario, named by the field table; read-only text for those who may not edit. */
function inputCell(
  field: PlField,
  label: string,
  options: { value: string; label: string }[] | undefined,
  line: GridLine,
  edit: RowEdit,
): ReactNode {
  const view = line.current;
  if (!view) return null;
  const value = view.cells[field.name] ?? "";
  if (!edit.canEdit) {
    const shown = field.kind === "enum" ? options?.find((o) => o.value === value)?.label : value;
    return <span className="block text-right">{shown || "—"}</span>;
  }
  const invalid = Boolean(edit.fieldErrors[field.name]);
  const common = {
    name: field.name,
    defaultValue: value,
    "aria-label": `${line.sku} ${label}`,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? edit.errorId : undefined,
  };
  if (field.kind === "enum") {
    return (
      <select {...common} className="pl-input pl-input-wide">
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  const text = field.kind === "costs" || field.kind === "text";
  // A short class (defined in app/globals.css) keeps a grid of hundreds of inputs light.
  return (
    <input {...common} inputMode={text ? "text" : "decimal"} className={text ? "pl-input pl-input-text" : "pl-input"} />
  );
}
