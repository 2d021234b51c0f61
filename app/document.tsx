import type { Metadata } from "next";
import { useLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";
import type { MessageScope } from "@/lib/i18n/client-namespaces";
import "./globals.css";

// The app has several root layouts ((app), (auth), invite, and the benchmark's bare (bench)), so that a page
// can sit under a layout without this document's work; each of the app's root layouts renders this document.

export async function generateDocumentMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s | ${t("name")}` }, description: t("tagline") };
}

export function Document({ scope, children }: { scope: MessageScope; children: ReactNode }) {
  const locale = useLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <ClientMessages scope={scope}>{children}</ClientMessages>
      </body>
    </html>
  );
}
