"use client";

import { FlexRender, type Row } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { cn } from "@/lib/cn";
import { PL_INPUTS } from "@/lib/economics/fields";
import type { GridLine } from "@/lib/economics/view";
import type { Scenario } from "@/lib/options";
import type { features } from "./columns";
import { type PlGridActions, type RowEdit, RowEditContext } from "./row-context";

// Columns whose cells are an input or buttons get tight padding; figures are right-aligned.
const INPUT_IDS = new Set<string>(PL_INPUTS.map((f) => f.name));
const cellClass = (id: string) =>
  INPUT_IDS.has(id) || id === "actions"
    ? "whitespace-nowrap px-1 py-1"
    : cn("whitespace-nowrap px-2 py-1.5", id === "channel" || id === "sku" ? "text-left" : "text-right");

/** One grid row: its form state is shared with the cells its column definitions render. */
export function EditableRow({
  row,
  scenario,
  clientId,
  canEdit,
  selected,
  actions,
}: {
  row: Row<typeof features, GridLine>;
  scenario: Scenario;
  clientId: string;
  canEdit: boolean;
  selected: boolean;
  actions: PlGridActions;
}) {
  const t = useTranslations("economics");
  const line = row.original;
  const { state, onSubmit, pending, fieldErrors, error } = useFormAction(actions.updateLine);
  const [busy, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const formId = `pl-${row.id}-${scenario}`;
  const edit: RowEdit = {
    line,
    scenario,
    clientId,
    canEdit,
    formId,
    errorId: `${formId}-errors`,
    fieldErrors,
    version: state?.ok ? state.data.version : line.current?.version,
    pending,
    busy,
    onSubmit,
    run: (work) => start(async () => setNote(await work())),
    actions,
  };
  const label = (field: string) =>
    t.has(`fields.${field}` as "fields.aov") ? t(`fields.${field}` as "fields.aov") : field;
  const messages = [
    ...Object.entries(fieldErrors).map(([field, list]) => `${label(field)}: ${list.join(" ")}`),
    ...(error && Object.keys(fieldErrors).length === 0 ? [error] : []),
    ...(note ? [note] : []),
  ];

  return (
    <RowEditContext value={edit}>
      <tr className={cn(selected && "bg-indigo-50/60")} aria-selected={selected}>
        {row.getAllCells().map((cell) => (
          <td key={cell.id} className={cellClass(cell.column.id)}>
            <FlexRender cell={cell} />
          </td>
        ))}
      </tr>
      {messages.length > 0 || state?.ok ? (
        <tr>
          <td colSpan={row.getAllCells().length} className="px-2 pb-2">
            <div
              id={edit.errorId}
              role={messages.length > 0 ? "alert" : "status"}
              className={cn("text-xs", messages.length > 0 ? "text-red-600" : "text-emerald-700")}
            >
              {messages.length > 0 ? messages.map((m) => <p key={m}>{m}</p>) : t("saved")}
              {state && !state.ok && state.code === "conflict" ? (
                <button type="button" className="ml-2 underline" onClick={() => window.location.reload()}>
                  {t("reload")}
                </button>
              ) : null}
            </div>
          </td>
        </tr>
      ) : null}
    </RowEditContext>
  );
}
