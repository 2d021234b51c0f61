"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import { confirm } from "../../actions";

export function ConfirmSignUpForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth");
  const { onSubmit, pending, fieldErrors, error } = useFormAction(confirm);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage>{error}</FormMessage>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("confirmButton")}
      </Button>
    </form>
  );
}
