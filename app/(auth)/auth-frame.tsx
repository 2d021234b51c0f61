import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { setVisitorLocale } from "../(app)/account/actions";

/** The sign-in, sign-up and invite pages' frame: the app's name and the language switch above a card. */
export async function AuthFrame({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-6 flex items-center justify-between">
          <p className="text-lg font-bold text-indigo-700">{t("name")}</p>
          <LocaleSwitch setLocale={setVisitorLocale} />
        </div>
        {children}
      </div>
    </div>
  );
}
