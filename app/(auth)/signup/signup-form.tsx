"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import { signUp } from "./actions";

export function SignUpForm() {
  const t = useTranslations("auth");
  const { state, onSubmit, pending, fieldErrors, error } = useFormAction(signUp);
  if (state?.ok) {
    return (
      <div role="status" className="space-y-3 text-sm">
        <FormMessage tone="success">{t("signUpSent", { email: state.data.email })}</FormMessage>
        {state.data.link ? (
          <p className="text-slate-600">
            {t("signUpDemoLink")}{" "}
            <Link href={state.data.link} className="font-semibold text-indigo-700 hover:underline">
              {t("openConfirmLink")}
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
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
