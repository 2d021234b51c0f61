"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import { changePassword } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations();
  const { onSubmit, pending, fieldErrors, error } = useFormAction(changePassword);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage>{error}</FormMessage>
      <TextField
        name="currentPassword"
        type="password"
        label={t("account.currentPassword")}
        autoComplete="current-password"
        required
        errors={fieldErrors.currentPassword}
      />
      <TextField
        name="newPassword"
        type="password"
        label={t("account.newPassword")}
        autoComplete="new-password"
        required
        minLength={10}
        hint={t("account.newPasswordHint")}
        errors={fieldErrors.newPassword}
      />
      <Button type="submit" pending={pending}>
        {t("account.changePassword")}
      </Button>
    </form>
  );
}
