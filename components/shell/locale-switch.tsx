"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/app/(app)/account/actions";
import { cn } from "@/lib/cn";
import { LOCALES } from "@/lib/i18n/locales";

const labels = { ja: "日本語", en: "English" } as const;

export function LocaleSwitch() {
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
          onClick={() => start(() => setLocale({ locale }).then(() => undefined))}
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
