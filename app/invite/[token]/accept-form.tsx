"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import { accept } from "./actions";

export function AcceptInviteForm({
  token,
  email,
  existingAccount,
}: {
  token: string;
  email: string;
  existingAccount: boolean;
}) {
  const t = useTranslations();
  const { onSubmit, pending, fieldErrors, error } = useFormAction(accept);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage>{error}</FormMessage>
      <TextField name="email" label={t("auth.email")} value={email} readOnly disabled />
      {existingAccount ? (
        <p className="text-sm text-slate-600">{t("invite.existingAccount")}</p>
      ) : (
        <TextField
          name="name"
          label={t("auth.yourName")}
          autoComplete="name"
          required
          maxLength={80}
          errors={fieldErrors.name}
        />
      )}
      <TextField
        name="password"
        type="password"
        label={t("auth.password")}
        autoComplete={existingAccount ? "current-password" : "new-password"}
        required
        hint={existingAccount ? undefined : t("auth.passwordHint")}
        errors={fieldErrors.password}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("invite.accept")}
      </Button>
    </form>
  );
}
