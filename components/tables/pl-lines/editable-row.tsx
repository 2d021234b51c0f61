"use client";

import type { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { cn } from "@/lib/cn";
import type { GridLine } from "@/lib/economics/view";
import type { Scenario } from "@/lib/options";
import type { PlColumn } from "./columns";
import type { PlGridActions, RowEdit } from "./row-context";

// Columns whose cells are an input or buttons get tight padding; figures (pl-td-figure) are right-aligned.
const cellClass: Record<Exclude<PlColumn["kind"], "figure">, string> = {
  input: "pl-td",
  actions: "pl-td",
  key: "pl-td-key",
};

/** One grid row: its form state goes to every cell its column definitions render. */
export function EditableRow({
  line,
  columns,
  scenario,
  clientId,
  canEdit,
  selected,
  actions,
  lineHref,
  t,
}: {
  line: GridLine;
  columns: PlColumn[];
  scenario: Scenario;
  clientId: string;
  canEdit: boolean;
  selected: boolean;
  actions: PlGridActions;
  lineHref: (key: string) => string;
  /** The grid's translator: one for the grid, not a hook call for each of its rows. */
  t: ReturnType<typeof useTranslations<"economics">>;
}) {
  // The row's identity and version go with its inputs when it is saved.
  const { state, submit, pending, fieldErrors, error } = useFormAction(
    actions.updateLine,
    (): Record<string, string | number | undefined> => ({
      clientId,
      id: line.current?.id,
      version,
      channel: line.channel,
      sku: line.sku,
      scenario,
    }),
  );
  const [busy, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const rowId = `pl-${line.key}-${scenario}`;
  const row = useRef<HTMLTableRowElement>(null);
  const save = () => {
    if (row.current && canEdit && line.current) submit(row.current);
  };
  const version: number | undefined = state?.ok ? state.data.version : line.current?.version;
  const edit: RowEdit = {
    line,
    scenario,
    clientId,
    canEdit,
    errorId: `${rowId}-errors`,
    fieldErrors,
    version,
    pending,
    busy,
    save,
    run: (work) => start(async () => setNote(await work())),
    actions,
    lineHref,
  };
  const label = (field: string) =>
    t.has(`fields.${field}` as "fields.aov") ? t(`fields.${field}` as "fields.aov") : field;
  const messages = [
    ...Object.entries(fieldErrors).map(([field, list]) => `${label(field)}: ${list.join(" ")}`),
    ...(error && Object.keys(fieldErrors).length === 0 ? [error] : []),
    ...(note ? [note] : []),
  ];

  return (
    <>
      {/* The row's inputs are saved together (the Save button, or Enter in one of them): a row cannot be a form. */}
      <tr
        ref={row}
        className={cn(selected && "bg-indigo-50/60")}
        aria-selected={selected}
        onKeyDown={(event) => {
          if (event.key === "Enter" && event.target instanceof HTMLInputElement && !event.nativeEvent.isComposing) {
            event.preventDefault();
            save();
          }
        }}
      >
        {columns.map((column) => {
          if (column.kind === "figure") {
            const f = column.figure(line);
            return (
              <td key={column.id} className={f.tone ? `pl-td-figure ${f.tone}` : "pl-td-figure"} data-testid={f.testId}>
                {f.text}
              </td>
            );
          }
          return (
            <td key={column.id} className={cellClass[column.kind]}>
              {column.cell(line, edit)}
            </td>
          );
        })}
      </tr>
      {messages.length > 0 || state?.ok ? (
        <tr>
          <td colSpan={columns.length} className="px-2 pb-2">
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
    </>
  );
}
