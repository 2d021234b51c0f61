// A translator for report documents built outside a request (the PDF, the CSV, snapshots made by the job queue
// or the demo seed): use-intl's core, which next-intl builds on, so it also runs under the react-server
// condition of the database scripts. Same catalogue as lib/i18n/messages.ts.
import { createTranslator } from "use-intl/core";
import { type Locale, TIME_ZONE } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

export type ReportT = (key: string, params?: Record<string, string | number>) => string;

const cache = new Map<Locale, ReportT>();

export function reportTranslator(locale: Locale): ReportT {
  let t = cache.get(locale);
  if (!t) {
    const tr = createTranslator({ locale, messages: locale === "ja" ? ja : en, timeZone: TIME_ZONE });
    t = (key, params) => tr(key as never, params as never);
    cache.set(locale, t);
  }
  return t;
}
