"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CallAction } from "./types";

export interface AgencyProfileValues {
  name: string;
  taxRounding: "floor" | "round" | "ceil";
  hiringTrigger1: number;
  hiringTrigger2: number;
  reportDeadlineBusinessDay: number;
}

/** The agency's name and the defaults every client inherits. */
export function AgencyProfileForm({ current, save }: { current: AgencyProfileValues; save: CallAction<unknown> }) {
  const t = useTranslations("margins.profile");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  return (
    <form
      className="space-y-4"
      aria-label={t("title")}
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget));
        start(async () => setResult(await save(null, data)));
      }}
    >
      <FormMessage>{result && !result.ok && result.code !== "invalid" ? result.message : null}</FormMessage>
      {result?.ok ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
      <TextField name="name" label={t("name")} defaultValue={current.name} maxLength={100} errors={errors.name} />
      <SelectField
        name="taxRounding"
        label={t("taxRounding")}
        defaultValue={current.taxRounding}
        errors={errors.taxRounding}
        options={(["floor", "round", "ceil"] as const).map((v) => ({ value: v, label: t(`rounding.${v}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="hiringTrigger1"
          label={t("hiringTrigger1")}
          inputMode="numeric"
          defaultValue={String(current.hiringTrigger1)}
          errors={errors.hiringTrigger1}
        />
        <TextField
          name="hiringTrigger2"
          label={t("hiringTrigger2")}
          inputMode="numeric"
          defaultValue={String(current.hiringTrigger2)}
          errors={errors.hiringTrigger2}
        />
      </div>
      <TextField
        name="reportDeadlineBusinessDay"
        label={t("reportDeadline")}
        type="number"
        min={1}
        max={20}
        defaultValue={String(current.reportDeadlineBusinessDay)}
        errors={errors.reportDeadlineBusinessDay}
      />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
