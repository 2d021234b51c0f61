"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { GridLine } from "@/lib/economics/view";
import type { Scenario } from "@/lib/options";
import { usePlColumns } from "./columns";
import { EditableRow } from "./editable-row";
import type { PlGridActions } from "./row-context";

/**
 * The P/L grid: one row per line (channel × SKU), the selected scenario's inputs editable in place (Enter
 * saves the row), computed figures beside them, and each scenario's contribution side by side. A plain table:
 * the columns (columns.tsx) are a list, and each row renders its cells by calling them.
 */
export function PlLinesTable(props: {
  lines: GridLine[];
  scenario: Scenario;
  clientId: string;
  canEdit: boolean;
  triggers: readonly number[];
  selectedKey?: string;
  actions: PlGridActions;
}) {
  const t = useTranslations("economics");
  const columns = usePlColumns(props.scenario, props.triggers);
  // The address of this page with a line selected: read once for the grid, not once for each of its rows.
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const lineHref = useCallback(
    (key: string) => {
      const next = new URLSearchParams(search);
      next.set("line", key);
      return `${pathname}?${next.toString()}`;
    },
    [pathname, search],
  );
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full text-xs" aria-label={t("gridLabel")}>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column) => (
              <th
                key={column.id}
                scope="col"
                className="whitespace-nowrap px-2 py-2 text-left font-semibold text-slate-600"
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {props.lines.map((line) => (
            <EditableRow
              key={`${line.key}:${props.scenario}`}
              line={line}
              columns={columns}
              scenario={props.scenario}
              clientId={props.clientId}
              canEdit={props.canEdit}
              selected={line.key === props.selectedKey}
              actions={props.actions}
              lineHref={lineHref}
              t={t}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
