"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CallAction } from "./types";

/** The qualified-invoice registration number (T + 13 digits) printed on every invoice. */
export function InvoiceSettingsForm({
  current,
  save,
}: {
  current: string;
  save: CallAction<{ invoiceRegistrationNumber: string | null }>;
}) {
  const t = useTranslations("contracts");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get("invoiceRegistrationNumber");
        start(async () => setResult(await save(null, { invoiceRegistrationNumber: value })));
      }}
    >
      <FormMessage>{result && !result.ok && result.code !== "invalid" ? result.message : null}</FormMessage>
      {result?.ok ? <FormMessage tone="success">{t("saved")}</FormMessage> : null}
      <TextField
        name="invoiceRegistrationNumber"
        label={t("settings.registrationNumber")}
        hint={t("settings.hint")}
        defaultValue={current}
        maxLength={40}
        placeholder="T1234567890123"
        errors={errors.invoiceRegistrationNumber}
      />
      <Button type="submit" disabled={pending}>
        {t("settings.save")}
      </Button>
    </form>
  );
}
