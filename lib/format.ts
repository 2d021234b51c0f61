import { type Locale, TIME_ZONE } from "./i18n/locales";

const yen = new Map<Locale, Intl.NumberFormat>();
const dateTime = new Map<Locale, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

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

/**
 * 1234.5 → "1,234.50" with exactly `digits` decimals. Formatters are kept: building an Intl.NumberFormat costs
 * far more than using one, and a report page formats hundreds of numbers.
 */
export function formatNumber(value: number, locale: Locale = "ja", digits = 0): string {
  const key = `${locale}:${digits}`;
  let f = numbers.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numbers.set(key, f);
  }
  return f.format(value);
}

export function formatDateTime(value: Date, locale: Locale = "ja"): string {
  let f = dateTime.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(tag(locale), { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
    dateTime.set(locale, f);
  }
  return f.format(value);
}

/**
 * A kept Intl.DateTimeFormat for a language tag and options: building one costs a good part of a millisecond,
 * using one a microsecond, and a page of 25 rows or a week's grid would otherwise build one per request.
 */
export function dateFormat(languageTag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${languageTag}${JSON.stringify(options)}`;
  let f = dates.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(languageTag, options);
    dates.set(key, f);
  }
  return f;
}

/** "Chrome on Windows" from a User-Agent, for the account page's list of sessions; null when unrecognised. */
export function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser =
    [
      [/Edg\//, "Edge"],
      [/OPR\//, "Opera"],
      [/Firefox\//, "Firefox"],
      [/Chrom(e|ium)\//, "Chrome"],
      [/Safari\//, "Safari"],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? null;
  const os =
    [
      [/iPhone|iPad/, "iOS"],
      [/Android/, "Android"],
      [/Windows/, "Windows"],
      [/Mac OS X|Macintosh/, "macOS"],
      [/Linux/, "Linux"],
    ].find(([re]) => (re as RegExp).test(userAgent))?.[1] ?? null;
  if (browser && os) return `${browser} / ${os}`;
  return (browser ?? os) as string | null;
}
