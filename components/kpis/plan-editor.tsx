"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import type { ServerAction } from "@/lib/actions/safe-action";
import { cn } from "@/lib/cn";
import { type Direction, KPI_KEYS, KPIS, type KpiKey, type Tier } from "@/lib/domain/kpi";

export interface PlanItemInput {
  kpi: KpiKey;
  tier: Tier;
  direction: Direction;
  dataSource: string;
  thirdPartyAudited: boolean;
}

export interface PlanInput {
  reviewCadence: "" | "weekly" | "monthly" | "quarterly";
  thirdPartyAudit: "yes" | "no" | "unstated";
  items: PlanItemInput[];
  /** Threshold → the text typed (empty: the default). */
  verdictSettings: Record<string, string>;
  returnRateBaseline: string;
}

/**
 * The plan's KPIs (an ordered list: add, remove, move), each with tier, direction, data source and audit;
 * the review cadence and audit statement; the verdict thresholds with their defaults shown; one save,
 * checked against the version the page was read at.
 */
export function PlanEditor({
  clientId,
  version,
  initial,
  defaults,
  settingKeys,
  save,
}: {
  clientId: string;
  version: number;
  initial: PlanInput;
  /** Each threshold's default, as typed. */
  defaults: Record<string, string>;
  settingKeys: readonly string[];
  save: ServerAction<{ version: number; checklistDropped: number }>;
}) {
  const t = useTranslations("kpiPlan");
  const tk = useTranslations("kpis");
  const id = useId();
  const [plan, setPlan] = useState(initial);
  const [adding, setAdding] = useState<KpiKey | "">("");
  const [state, dispatch, pending] = useActionState(save, null);
  // After its own save the page comes back with the plan as stored (thresholds equal to a default drop out).
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    if (state?.ok && state.data.version === version) setPlan(initial);
  }
  const errors = state && !state.ok && state.code === "invalid" ? state.fieldErrors : {};
  const available = KPI_KEYS.filter((k) => !plan.items.some((i) => i.kpi === k));
  const choice = adding !== "" && available.includes(adding) ? adding : (available[0] ?? "");

  const setItem = (index: number, patch: Partial<PlanItemInput>) =>
    setPlan((p) => ({ ...p, items: p.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) }));
  const move = (index: number, delta: number) =>
    setPlan((p) => {
      const items = [...p.items];
      const [item] = items.splice(index, 1);
      if (item) items.splice(index + delta, 0, item);
      return { ...p, items };
    });
  const remove = (index: number) => setPlan((p) => ({ ...p, items: p.items.filter((_, i) => i !== index) }));
  const add = () => {
    if (choice === "") return;
    setPlan((p) => ({ ...p, items: [...p.items, defaultItem(choice)] }));
    setAdding("");
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(() => dispatch({ clientId, version, ...plan }));
  };

  const message =
    state === null
      ? null
      : state.ok
        ? state.data.checklistDropped > 0
          ? t("savedDropped")
          : t("saved")
        : state.code === "conflict"
          ? t("conflict")
          : state.message;

  return (
    <form onSubmit={submit} className="space-y-6" noValidate data-testid="plan-editor">
      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t("kpisTitle")}</h2>
        <p className="text-xs text-slate-500">{t("kpisHint")}</p>
        <FieldErrors name="items" errors={errors.items} />
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-slate-500">
                <th scope="col" className="py-1 pr-2 font-medium">
                  KPI
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  {t("tier")}
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  {t("direction")}
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  {t("dataSource")}
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  {t("audited")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  <span className="sr-only">{t("kpisHint")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.items.map((item, i) => {
                const label = tk(`kpi.${item.kpi}`);
                const sourceName = `items.${i}.dataSource`;
                return (
                  <tr key={item.kpi} className="border-t border-slate-100" data-testid={`plan-item-${item.kpi}`}>
                    <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                      {label}
                      <FieldErrors name={`items.${i}.kpi`} errors={errors[`items.${i}.kpi`]} />
                    </th>
                    <td className="py-1.5 pr-2">
                      <select
                        aria-label={`${label} ${t("tier")}`}
                        value={item.tier}
                        onChange={(e) => setItem(i, { tier: e.target.value as Tier })}
                        className={cn(inputClass, "w-auto")}
                      >
                        <option value="surface">{tk("tier.surface")}</option>
                        <option value="quality">{tk("tier.quality")}</option>
                      </select>
                    </td>
                    <td className="py-1.5 pr-2">
                      <select
                        aria-label={`${label} ${t("direction")}`}
                        value={item.direction}
                        onChange={(e) => setItem(i, { direction: e.target.value as Direction })}
                        className={cn(inputClass, "w-auto")}
                      >
                        <option value="higher">{tk("direction.higher")}</option>
                        <option value="lower">{tk("direction.lower")}</option>
                      </select>
                    </td>
                    <td className="py-1.5 pr-2">
                      <input
                        id={`${id}-${sourceName}`}
                        aria-label={`${label} ${t("dataSource")}`}
                        value={item.dataSource}
                        maxLength={100}
                        placeholder={t("dataSourcePlaceholder")}
                        onChange={(e) => setItem(i, { dataSource: e.target.value })}
                        className={cn(inputClass, "min-w-64")}
                        aria-invalid={errors[sourceName] ? true : undefined}
                        aria-describedby={`${sourceName}-error`}
                      />
                      <FieldErrors name={sourceName} errors={errors[sourceName]} />
                    </td>
                    <td className="py-1.5 pr-2 text-center">
                      <input
                        type="checkbox"
                        aria-label={`${label} ${t("audited")}`}
                        checked={item.thirdPartyAudited}
                        onChange={(e) => setItem(i, { thirdPartyAudited: e.target.checked })}
                        className="size-4 rounded border-slate-300 text-indigo-600"
                      />
                    </td>
                    <td className="whitespace-nowrap py-1.5">
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        aria-label={t("moveUp", { kpi: label })}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      >
                        ↑
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        aria-label={t("moveDown", { kpi: label })}
                        disabled={i === plan.items.length - 1}
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        aria-label={t("remove", { kpi: label })}
                        onClick={() => remove(i)}
                      >
                        ×
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {available.length > 0 ? (
          <div className="flex items-center gap-2">
            <label htmlFor={`${id}-add`} className="text-sm text-slate-700">
              {t("add")}
            </label>
            <select
              id={`${id}-add`}
              value={choice}
              onChange={(e) => setAdding(e.target.value as KpiKey)}
              className={cn(inputClass, "w-auto")}
            >
              {available.map((k) => (
                <option key={k} value={k}>
                  {tk(`kpi.${k}`)}
                </option>
              ))}
            </select>
            <Button type="button" variant="secondary" size="sm" onClick={add}>
              {t("addButton")}
            </Button>
          </div>
        ) : null}
      </section>

      <section className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-cadence`} className="block text-sm font-medium text-slate-800">
            {t("cadence")}
          </label>
          <select
            id={`${id}-cadence`}
            value={plan.reviewCadence}
            onChange={(e) => setPlan((p) => ({ ...p, reviewCadence: e.target.value as PlanInput["reviewCadence"] }))}
            className={inputClass}
          >
            <option value="">{t("notStated")}</option>
            <option value="weekly">{tk("cadence.weekly")}</option>
            <option value="monthly">{tk("cadence.monthly")}</option>
            <option value="quarterly">{tk("cadence.quarterly")}</option>
          </select>
          <FieldErrors name="reviewCadence" errors={errors.reviewCadence} />
        </div>
        <fieldset className="space-y-1">
          <legend className="block text-sm font-medium text-slate-800">{t("thirdPartyAudit")}</legend>
          <div className="flex gap-4 pt-1">
            {(["yes", "no", "unstated"] as const).map((v) => (
              <label key={v} className="inline-flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-audit`}
                  value={v}
                  checked={plan.thirdPartyAudit === v}
                  onChange={() => setPlan((p) => ({ ...p, thirdPartyAudit: v }))}
                />
                {t(`audit.${v}`)}
              </label>
            ))}
          </div>
          <FieldErrors name="thirdPartyAudit" errors={errors.thirdPartyAudit} />
        </fieldset>
      </section>

      <section className="space-y-2">
        <h2 className="text-base font-semibold">{t("thresholdsTitle")}</h2>
        <p className="text-xs text-slate-500">{t("thresholdsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {settingKeys.map((key) => {
            const name = `verdictSettings.${key}`;
            return (
              <div key={key} className="space-y-1">
                <label htmlFor={`${id}-${name}`} className="block text-xs font-medium text-slate-700">
                  {t(`settings.${key}` as "settings.maxTacosBp")}
                </label>
                <input
                  id={`${id}-${name}`}
                  inputMode="decimal"
                  value={plan.verdictSettings[key] ?? ""}
                  placeholder={defaults[key]}
                  onChange={(e) =>
                    setPlan((p) => ({ ...p, verdictSettings: { ...p.verdictSettings, [key]: e.target.value } }))
                  }
                  className={inputClass}
                  aria-invalid={errors[name] ? true : undefined}
                  aria-describedby={`${name}-error`}
                />
                <FieldErrors name={name} errors={errors[name]} />
              </div>
            );
          })}
          <div className="space-y-1">
            <label htmlFor={`${id}-baseline`} className="block text-xs font-medium text-slate-700">
              {t("returnRateBaseline")}
            </label>
            <input
              id={`${id}-baseline`}
              inputMode="decimal"
              value={plan.returnRateBaseline}
              onChange={(e) => setPlan((p) => ({ ...p, returnRateBaseline: e.target.value }))}
              className={inputClass}
              aria-invalid={errors.returnRateBaseline ? true : undefined}
              aria-describedby="returnRateBaseline-error returnRateBaseline-hint"
            />
            <p id="returnRateBaseline-hint" className="text-xs text-slate-500">
              {t("returnRateBaselineHint")}
            </p>
            <FieldErrors name="returnRateBaseline" errors={errors.returnRateBaseline} />
          </div>
        </div>
      </section>

      <FormMessage tone={state?.ok ? "success" : "error"}>{message}</FormMessage>
      <Button type="submit" pending={pending}>
        {t("save")}
      </Button>
    </form>
  );
}

function defaultItem(kpi: KpiKey): PlanItemInput {
  return { kpi, tier: KPIS[kpi].tier, direction: KPIS[kpi].direction, dataSource: "", thirdPartyAudited: false };
}
