import "server-only";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, type Locale, toLocale } from "./locales";
import { translator } from "./messages";

/** The locale of the current request (the cookie mirrors the signed-in user's saved choice). */
export async function requestLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export async function requestTranslator() {
  return translator(await requestLocale());
}
