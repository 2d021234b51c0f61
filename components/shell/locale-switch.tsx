"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import type { ServerAction } from "@/lib/actions/safe-action";
import { cn } from "@/lib/cn";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

const labels = { ja: "日本語", en: "English" } as const;

/** `setLocale` saves the choice: for the user when signed in, in a cookie on the signed-out pages. */
export function LocaleSwitch({ setLocale }: { setLocale: ServerAction<{ locale: Locale }> }) {
  const current = useLocale();
  const t = useTranslations("nav");
  const [pending, start] = useTransition();
  return (
    <fieldset className="flex items-center gap-1 text-xs" aria-busy={pending}>
      <legend className="sr-only">{t("language")}</legend>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          disabled={pending}
          onClick={() => start(() => setLocale(null, { locale }).then(() => undefined))}
          className={cn(
            "rounded px-2 py-1 font-medium",
            current === locale ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-200",
          )}
        >
          {labels[locale]}
        </button>
      ))}
    </fieldset>
  );
}
