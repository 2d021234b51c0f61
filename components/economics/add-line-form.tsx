"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ServerAction } from "@/lib/actions/safe-action";
import { AD_MODES, CHANNELS } from "@/lib/options";

/** A new line (created in all three scenarios with the same inputs). Percentages are typed as percent. */
export function AddLineForm({
  clientId,
  createLine,
}: {
  clientId: string;
  createLine: ServerAction<{ ids: string[] }>;
}) {
  const t = useTranslations();
  const { state, onSubmit, pending, fieldErrors, error } = useFormAction(createLine);
  const [adMode, setAdMode] = useState<string>("cpa");
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const f = (name: string) => t(`economics.fields.${name}` as "economics.fields.aov");
  const field = (name: string, props: { hint?: string; placeholder?: string; required?: boolean } = {}) => (
    <TextField name={name} label={f(name)} inputMode="decimal" errors={fieldErrors[name]} {...props} />
  );
  return (
    <form ref={form} method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="clientId" value={clientId} />
      <FormMessage>{error}</FormMessage>
      {state?.ok ? <FormMessage tone="success">{t("economics.lineAdded")}</FormMessage> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          name="channel"
          label={f("channel")}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
          errors={fieldErrors.channel}
        />
        <TextField
          name="sku"
          label={f("sku")}
          required
          maxLength={100}
          errors={fieldErrors.sku}
          className="sm:col-span-2"
        />
        {field("aov", { required: true, placeholder: "5500" })}
        {field("gross_margin_rate", { required: true, placeholder: "50", hint: t("economics.percentHint") })}
        {field("fee_rate", { required: true, placeholder: "12" })}
        {field("points_rate", { placeholder: "0" })}
        {field("shipping", { placeholder: "0" })}
        {field("packaging", { placeholder: "0" })}
        {field("return_loss", { placeholder: "0" })}
        {field("target_contribution", { placeholder: "1000" })}
        {field("monthly_orders", { placeholder: "0" })}
        <SelectField
          name="ad_mode"
          label={f("ad_mode")}
          value={adMode}
          onChange={(e) => setAdMode(e.target.value)}
          options={AD_MODES.map((m) => ({ value: m, label: t(`economics.adModes.${m}`) }))}
          errors={fieldErrors.ad_mode}
        />
        {adMode === "cpa" ? field("cpa", { required: true }) : null}
        {adMode === "cpc_cvr" ? (
          <>
            {field("cpc", { required: true })}
            {field("cvr", { required: true })}
          </>
        ) : null}
        {adMode === "acos" ? field("acos", { required: true }) : null}
      </div>
      <TextField
        name="other_costs"
        label={f("other_costs")}
        hint={t("economics.otherCostsHint")}
        errors={fieldErrors.other_costs}
      />
      <Button type="submit" pending={pending}>
        {t("economics.addLine")}
      </Button>
    </form>
  );
}
