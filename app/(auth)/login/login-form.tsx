"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import { login } from "./actions";

export function LoginForm({ next, email }: { next?: string; email?: string }) {
  const t = useTranslations("auth");
  const { onSubmit, pending, fieldErrors, error } = useFormAction(login);
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next ?? ""} />
      <FormMessage>{error}</FormMessage>
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        defaultValue={email}
        errors={fieldErrors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
        errors={fieldErrors.password}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("signIn")}
      </Button>
    </form>
  );
}
