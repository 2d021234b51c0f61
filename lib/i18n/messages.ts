import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { type Locale, TIME_ZONE } from "./locales";

export type Messages = typeof ja;
export const messages: Record<Locale, Messages> = { ja, en };

/** A translator outside React (server actions, tests): the same catalogue the pages use. */
export function translator(locale: Locale) {
  return createTranslator({ locale, messages: messages[locale], timeZone: TIME_ZONE });
}

export type Translator = ReturnType<typeof translator>;
