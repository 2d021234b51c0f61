"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/misc";
import type { ServerAction } from "@/lib/actions/safe-action";
import { cn } from "@/lib/cn";
import { fillFrom, type TargetGrid } from "@/lib/kpis/plan-view";

type Saved = { version: number; targets: number };

const MONTHS = Array.from({ length: 12 }, (_, m) => m);

/**
 * A year of monthly targets: the plan's KPIs × 12 months, typed as people type numbers. "Fill the following
 * months" copies one month's column forward in the grid; "copy last year" does it on the server.
 */
export function TargetsEditor({
  clientId,
  version,
  year,
  kpis,
  initial,
  canCopy,
  save,
  copy,
}: {
  clientId: string;
  version: number;
  year: number;
  kpis: { key: string; label: string; hint: string }[];
  initial: TargetGrid;
  canCopy: boolean;
  save: ServerAction<Saved>;
  copy: ServerAction<Saved>;
}) {
  const t = useTranslations("kpiPlan");
  const [grid, setGrid] = useState(initial);
  const [dirty, setDirty] = useState(false);
  // After a save or a copy the page comes back with the stored targets and the plan's next version.
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    if (!dirty) setGrid(initial);
  }
  const [saved, dispatchSave, saving] = useActionState(save, null);
  const [copied, dispatchCopy, copying] = useActionState(copy, null);
  const state = copied && (!saved || copying) ? copied : saved;
  const errors = saved && !saved.ok && saved.code === "invalid" ? saved.fieldErrors : {};

  const setCell = (kpi: string, month: number, value: string) => {
    setGrid((g) => ({ ...g, [kpi]: (g[kpi] ?? []).map((c, i) => (i === month ? value : c)) }));
    setDirty(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDirty(false);
    startTransition(() => dispatchSave({ clientId, year, version, targets: grid }));
  };
  const message =
    state === null
      ? null
      : state.ok
        ? state === copied
          ? t("copied")
          : t("targetsSaved")
        : state.code === "conflict"
          ? t("conflict")
          : (Object.values(state.code === "invalid" ? state.fieldErrors : {})[0]?.[0] ?? state.message);

  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="targets-editor">
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <thead>
            <tr className="text-xs text-slate-500">
              <th scope="col" className="sticky left-0 bg-white py-1 pr-2 text-left font-medium">
                KPI
              </th>
              {MONTHS.map((m) => (
                <th key={`month-${m}`} scope="col" className="px-1 py-1 text-right font-medium">
                  <span className="block">{t("monthShort", { month: m + 1 })}</span>
                  {m < 11 ? (
                    <button
                      type="button"
                      className="text-[10px] font-normal text-indigo-700 hover:underline"
                      title={t("fillFromMonth", { month: m + 1 })}
                      aria-label={t("fillFromMonth", { month: m + 1 })}
                      onClick={() => {
                        setGrid((g) => fillFrom(g, m));
                        setDirty(true);
                      }}
                    >
                      →
                    </button>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi) => (
              <tr key={kpi.key} className="border-t border-slate-100" data-testid={`targets-${kpi.key}`}>
                <th scope="row" className="sticky left-0 min-w-36 bg-white py-1 pr-2 text-left font-medium">
                  {kpi.label}
                  <span className="block text-[10px] font-normal text-slate-500">{kpi.hint}</span>
                </th>
                {(grid[kpi.key] ?? []).map((value, m) => {
                  const name = `targets.${kpi.key}.${m}`;
                  const error = errors[name];
                  return (
                    <td key={name} className="px-0.5 py-1">
                      <input
                        value={value}
                        inputMode="decimal"
                        aria-label={t("cell", { kpi: kpi.label, month: m + 1 })}
                        aria-invalid={error ? true : undefined}
                        title={error?.[0]}
                        onChange={(e) => setCell(kpi.key, m, e.target.value)}
                        className={cn(
                          "w-24 rounded border-0 px-1.5 py-1 text-right text-xs tabular-nums ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-indigo-600",
                          error && "ring-red-500",
                        )}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormMessage tone={state?.ok ? "success" : "error"}>{message}</FormMessage>
      {dirty ? <p className="text-xs text-amber-700">{t("unsaved")}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={saving}>
          {t("saveTargets")}
        </Button>
        {canCopy ? (
          <ConfirmButton
            variant="secondary"
            size="md"
            pending={copying}
            title={t("copyPrevious")}
            description={t("copyPreviousConfirm", { year, from: year - 1 })}
            confirmLabel={t("copyPrevious")}
            onConfirm={() => startTransition(() => dispatchCopy({ clientId, year, version }))}
          >
            {t("copyPrevious")}
          </ConfirmButton>
        ) : null}
      </div>
    </form>
  );
}
