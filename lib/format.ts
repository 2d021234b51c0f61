import { type Locale, TIME_ZONE } from "./i18n/locales";

const yen = new Map<Locale, Intl.NumberFormat>();
const dateTime = new Map<Locale, Intl.DateTimeFormat>();

const tag = (locale: Locale) => (locale === "ja" ? "ja-JP" : "en-JP");

/** 1234567 → "￥1,234,567" (ja) / "¥1,234,567" (en). Yen has no minor unit, so no decimals ever. */
export function formatYen(amount: number | bigint, locale: Locale = "ja"): string {
  let f = yen.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(tag(locale), { style: "currency", currency: "JPY", maximumFractionDigits: 0 });
    yen.set(locale, f);
  }
  return f.format(amount);
}

export function formatDateTime(value: Date, locale: Locale = "ja"): string {
  let f = dateTime.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
    dateTime.set(locale, f);
  }
  return f.format(value);
}
