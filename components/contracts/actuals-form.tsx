"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { InvoiceActuals } from "@/lib/domain/invoice";
import type { CallAction } from "./types";

const FIGURES = ["sales", "orders", "grossProfit", "adRevenue", "adSpend", "customisationMinutes"] as const;
const KPIS = ["cvr", "repeat_rate", "sla_response_rate"] as const;

/** The fee simulator: the month's actuals, typed and kept; the invoice above is recomputed from them. */
export function ActualsForm({
  clientId,
  contractId,
  month,
  version,
  actuals,
  slaItems,
  save,
}: {
  clientId: string;
  contractId: string;
  month: string;
  version: number;
  actuals: InvoiceActuals;
  slaItems: { key: string; label: string }[];
  save: CallAction<{ version: number }>;
}) {
  const t = useTranslations("contracts");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const value = (k: string) => String(f.get(k) ?? "");
        start(async () => {
          const r = await save(null, {
            clientId,
            contractId,
            month,
            version,
            actuals: {
              ...Object.fromEntries(FIGURES.map((k) => [k, value(k)])),
              kpiValues: Object.fromEntries(
                KPIS.map((k) => [k, { numerator: value(`${k}.numerator`), denominator: value(`${k}.denominator`) }]),
              ),
              missedSlaItems: f.getAll("missedSlaItems").map(String),
            },
          });
          setResult(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <FormMessage>{result && !result.ok ? result.message : null}</FormMessage>
      {result?.ok ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        {FIGURES.map((k) => (
          <div key={k}>
            <label htmlFor={`actuals-${k}`} className="block text-xs font-medium text-slate-700">
              {t(`actuals.${k}`)}
            </label>
            <input
              id={`actuals-${k}`}
              name={k}
              inputMode="numeric"
              className={inputClass}
              defaultValue={actuals[k] ?? ""}
              aria-invalid={errors[`actuals.${k}`] ? true : undefined}
            />
            <FieldErrors name={`actuals-${k}`} errors={errors[`actuals.${k}`]} />
          </div>
        ))}
        {KPIS.map((k) => (
          <fieldset key={k}>
            <legend className="block text-xs font-medium text-slate-700">
              {t("actuals.kpi", { metric: t(`editor.metrics.${k}`) })}
            </legend>
            <div className="flex gap-1">
              <input
                name={`${k}.numerator`}
                aria-label={t("actuals.numerator")}
                inputMode="numeric"
                className={inputClass}
                defaultValue={actuals.kpiValues?.[k]?.numerator ?? ""}
              />
              <input
                name={`${k}.denominator`}
                aria-label={t("actuals.denominator")}
                inputMode="numeric"
                className={inputClass}
                defaultValue={actuals.kpiValues?.[k]?.denominator ?? ""}
              />
            </div>
            <FieldErrors name={`actuals-${k}`} errors={errors[`actuals.kpiValues.${k}`]} />
          </fieldset>
        ))}
      </div>
      {slaItems.length > 0 ? (
        <fieldset>
          <legend className="text-xs font-medium text-slate-700">{t("actuals.missedSlaItems")}</legend>
          <div className="flex flex-wrap gap-3">
            {slaItems.map((i) => (
              <label key={i.key} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  name="missedSlaItems"
                  value={i.key}
                  defaultChecked={actuals.missedSlaItems?.includes(i.key)}
                />
                {i.label}
              </label>
            ))}
          </div>
          <FieldErrors name="actuals-missed" errors={errors["actuals.missedSlaItems"]} />
        </fieldset>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("actuals.save")}
      </Button>
    </form>
  );
}
