"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import { signUp } from "./actions";

export function SignUpForm() {
  const t = useTranslations("auth");
  const { onSubmit, pending, fieldErrors, error } = useFormAction(signUp);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage>{error}</FormMessage>
      <TextField name="agencyName" label={t("agencyName")} required maxLength={100} errors={fieldErrors.agencyName} />
      <TextField
        name="name"
        label={t("yourName")}
        autoComplete="name"
        required
        maxLength={80}
        errors={fieldErrors.name}
      />
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        errors={fieldErrors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="new-password"
        required
        minLength={10}
        hint={t("passwordHint")}
        errors={fieldErrors.password}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("createAgency")}
      </Button>
    </form>
  );
}
