"use client";

import { FlexRender, type Row } from "@tanstack/react-table";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { copyBaseToScenarios, deletePlLine, updatePlLine } from "@/app/(app)/clients/[id]/economics/actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useFormAction } from "@/components/ui/use-form-action";
import { cn } from "@/lib/cn";
import type { GridLine } from "@/lib/economics/view";
import { AD_MODES, type Scenario } from "@/lib/options";
import { type features, INPUT_PREFIX, INPUTS } from "./columns";

// A short class (defined in app/globals.css) keeps a grid of hundreds of inputs light.
const inputClass = "pl-input";

export function EditableRow({
  row,
  scenario,
  clientId,
  canEdit,
  selected,
}: {
  row: Row<typeof features, GridLine>;
  scenario: Scenario;
  clientId: string;
  canEdit: boolean;
  selected: boolean;
}) {
  const t = useTranslations("economics");
  const line = row.original;
  const view = line.current;
  const { state, onSubmit, pending, fieldErrors, error } = useFormAction(updatePlLine);
  const [busy, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  const pathname = usePathname();
  const search = useSearchParams();
  const formId = `pl-${row.id}-${scenario}`;
  const errorId = `${formId}-errors`;
  const version = state?.ok ? state.data.version : view?.version;
  const selectHref = () => {
    const next = new URLSearchParams(search.toString());
    next.set("line", line.key);
    return `${pathname}?${next.toString()}`;
  };
  const key = { clientId, channel: line.channel, sku: line.sku };
  const messages = [
    ...Object.entries(fieldErrors).map(
      ([field, list]) =>
        `${t.has(`fields.${field}` as "fields.aov") ? t(`fields.${field}` as "fields.aov") : field}: ${list.join(" ")}`,
    ),
    ...(error && Object.keys(fieldErrors).length === 0 ? [error] : []),
    ...(note ? [note] : []),
  ];

  return (
    <>
      <tr className={cn(selected && "bg-indigo-50/60")} aria-selected={selected}>
        {row.getAllCells().map((cell) => {
          const id = cell.column.id;
          if (id.startsWith(INPUT_PREFIX)) {
            const input = INPUTS.find((i) => `${INPUT_PREFIX}${i.name}` === id);
            if (!input || !view) return <td key={cell.id} className="px-2 py-1.5" />;
            const value = view.cells[input.name] ?? "";
            const label = `${line.sku} ${t(`fields.${input.name}`)}`;
            const invalid = Boolean(fieldErrors[input.name]);
            if (!canEdit) {
              return (
                <td key={cell.id} className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums">
                  {input.kind === "mode" ? t(`adModes.${value as "cpa"}`) : value || "—"}
                </td>
              );
            }
            return (
              <td key={cell.id} className="px-1 py-1">
                {input.kind === "mode" ? (
                  <select
                    form={formId}
                    name={input.name}
                    defaultValue={value}
                    aria-label={label}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? errorId : undefined}
                    className="pl-input pl-input-wide"
                  >
                    {AD_MODES.map((m) => (
                      <option key={m} value={m}>
                        {t(`adModes.${m}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    form={formId}
                    name={input.name}
                    defaultValue={value}
                    aria-label={label}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? errorId : undefined}
                    inputMode={input.kind === "text" ? "text" : "decimal"}
                    className={input.kind === "text" ? "pl-input pl-input-text" : inputClass}
                  />
                )}
              </td>
            );
          }
          if (id === "actions") {
            return (
              <td key={cell.id} className="whitespace-nowrap px-2 py-1">
                <div className="flex items-center gap-1">
                  <Link
                    href={selectHref()}
                    scroll={false}
                    className="rounded px-1.5 py-1 text-indigo-700 hover:bg-indigo-50"
                    aria-label={t("showLine", { sku: line.sku })}
                  >
                    {t("details")}
                  </Link>
                  {canEdit && view ? (
                    <form id={formId} method="post" onSubmit={onSubmit} className="flex items-center gap-1">
                      <input type="hidden" name="clientId" value={clientId} />
                      <input type="hidden" name="id" value={view.id} />
                      <input type="hidden" name="version" value={version} />
                      <input type="hidden" name="channel" value={line.channel} />
                      <input type="hidden" name="sku" value={line.sku} />
                      <input type="hidden" name="scenario" value={scenario} />
                      <Button type="submit" size="sm" pending={pending} aria-label={t("saveLine", { sku: line.sku })}>
                        {t("save")}
                      </Button>
                    </form>
                  ) : null}
                  {canEdit && scenario === "base" ? (
                    <Button
                      type="button"
                      size="sm"
                      variant="ghost"
                      pending={busy}
                      title={t("copyBaseHint")}
                      aria-label={t("copyBaseFor", { sku: line.sku })}
                      onClick={() =>
                        start(async () => {
                          const r = await copyBaseToScenarios(null, {
                            ...key,
                            versions: {
                              pessimistic: line.versions.pessimistic ?? undefined,
                              optimistic: line.versions.optimistic ?? undefined,
                            },
                          });
                          setNote(r.ok ? t("copied") : r.message);
                        })
                      }
                    >
                      {t("copyBase")}
                    </Button>
                  ) : null}
                  {canEdit ? (
                    <ConfirmButton
                      aria-label={t("deleteLine", { sku: line.sku })}
                      title={t("deleteConfirm", { sku: line.sku })}
                      confirmLabel={t("delete")}
                      onConfirm={() =>
                        start(async () => {
                          const r = await deletePlLine(null, key);
                          if (!r.ok) setNote(r.message);
                        })
                      }
                    >
                      {t("delete")}
                    </ConfirmButton>
                  ) : null}
                </div>
              </td>
            );
          }
          return (
            <td
              key={cell.id}
              className="whitespace-nowrap px-2 py-1.5 text-right first:text-left [&:nth-child(2)]:text-left"
            >
              <FlexRender cell={cell} />
            </td>
          );
        })}
      </tr>
      {messages.length > 0 || state?.ok ? (
        <tr>
          <td colSpan={row.getAllCells().length} className="px-2 pb-2">
            <div
              id={errorId}
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
