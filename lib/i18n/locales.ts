export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ja";
export const LOCALE_COOKIE = "locale";
export const TIME_ZONE = "Asia/Tokyo";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" || value === "ja" ? value : DEFAULT_LOCALE;
}
