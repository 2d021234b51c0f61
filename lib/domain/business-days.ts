// Japanese business days (SPEC §4.3: the monthly report is due on the Nth business day of the next month).
//
// A business day is a Monday–Friday that is not a Japanese public holiday (国民の祝日, 振替休日 and
// 国民の休日, from @holiday-jp/holiday_jp). An agency's own closing days (年末年始 such as 12/29–1/3,
// summer closure) are not public holidays; callers pass them as `extraClosedDates`.
//
// Dates are calendar dates in Asia/Tokyo written as "YYYY-MM-DD": no instant, no time zone arithmetic.
// The holiday table covers a fixed range of years (HOLIDAY_YEARS); a date outside it answers
// "outside_calendar" rather than a guess that could miss a holiday.

import holidayJp from "@holiday-jp/holiday_jp";
import type { YearMonth, YearMonthDay } from "./calendar";
import { addMonths, daysInMonth, isoWeekday, monthKey, parseDateKey, parseMonthKey } from "./calendar";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { checkInteger, fieldError } from "./validate";

const HOLIDAYS: Readonly<Record<string, { name: string; name_en: string } | undefined>> = holidayJp.holidays;

function holidayYears(): { first: number; last: number } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const key of Object.keys(HOLIDAYS)) {
    const year = Number(key.slice(0, 4));
    if (year < first) first = year;
    if (year > last) last = year;
  }
  return { first, last };
}

/** The years whose public holidays the table lists (1970–2050 in @holiday-jp/holiday_jp 2.5.1). */
export const HOLIDAY_YEARS: Readonly<{ first: number; last: number }> = holidayYears();

export interface BusinessDayOptions {
  /** The agency's own closing days, "YYYY-MM-DD". */
  extraClosedDates?: readonly string[];
}

/** The public holiday's name on a date (Japanese and English), or null. */
export function publicHoliday(date: string): { name: string; nameEn: string } | null {
  const holiday = HOLIDAYS[date];
  return holiday === undefined ? null : { name: holiday.name, nameEn: holiday.name_en };
}

function coveredYear(year: number): boolean {
  return year >= HOLIDAY_YEARS.first && year <= HOLIDAY_YEARS.last;
}

function key(ym: YearMonth, day: number): string {
  return `${monthKey(ym)}-${day < 10 ? "0" : ""}${day}`;
}

function businessDay(date: YearMonthDay, dateKey: string, closed: ReadonlySet<string> | null): boolean {
  if (isoWeekday(date) >= 6) return false;
  if (HOLIDAYS[dateKey] !== undefined) return false;
  return closed === null || !closed.has(dateKey);
}

function closedSet(options: BusinessDayOptions | undefined): ReadonlySet<string> | null {
  const extra = options?.extraClosedDates;
  return extra === undefined || extra.length === 0 ? null : new Set(extra);
}

export function isBusinessDay(date: string, options?: BusinessDayOptions): Result<boolean> {
  const parsed = typeof date === "string" ? parseDateKey(date) : null;
  if (parsed === null) return fail([fieldError("date", "invalid_format")]);
  if (!coveredYear(parsed.year)) {
    return fail([fieldError("date", "outside_calendar", { min: HOLIDAY_YEARS.first, max: HOLIDAY_YEARS.last })]);
  }
  return ok(businessDay(parsed, date, closedSet(options)));
}

function parseMonth(month: string, errors: FieldError[]): YearMonth | undefined {
  const ym = typeof month === "string" ? parseMonthKey(month) : null;
  if (ym === null) {
    errors.push(fieldError("month", "invalid_format"));
    return undefined;
  }
  if (!coveredYear(ym.year)) {
    errors.push(fieldError("month", "outside_calendar", { min: HOLIDAY_YEARS.first, max: HOLIDAY_YEARS.last }));
    return undefined;
  }
  return ym;
}

/** Every business day of a month ("YYYY-MM"), in order. */
export function businessDaysInMonth(month: string, options?: BusinessDayOptions): Result<string[]> {
  const errors: FieldError[] = [];
  const ym = parseMonth(month, errors);
  if (ym === undefined) return fail(errors);
  return ok(listBusinessDays(ym, closedSet(options)));
}

function listBusinessDays(ym: YearMonth, closed: ReadonlySet<string> | null): string[] {
  const days: string[] = [];
  const last = daysInMonth(ym);
  for (let day = 1; day <= last; day++) {
    const dateKey = key(ym, day);
    if (businessDay({ ...ym, day }, dateKey, closed)) days.push(dateKey);
  }
  return days;
}

/**
 * The Nth (1-based) business day of a month. A month with fewer than N business days answers
 * "above_maximum" with the month's count as `max`.
 */
export function nthBusinessDay(month: string, n: number, options?: BusinessDayOptions): Result<string> {
  const errors: FieldError[] = [];
  const ym = parseMonth(month, errors);
  const nth = checkInteger(errors, "n", n, { min: 1, max: 31, minCode: "must_be_positive" });
  if (ym === undefined || nth === undefined) return fail(errors);
  const days = listBusinessDays(ym, closedSet(options));
  const day = days[nth - 1];
  return day === undefined ? fail([fieldError("n", "above_maximum", { max: days.length })]) : ok(day);
}

/** When the report for `reportMonth` is due: the Nth business day of the month after it (SPEC §4.3). */
export function reportDeadline(reportMonth: string, n: number, options?: BusinessDayOptions): Result<string> {
  const ym = typeof reportMonth === "string" ? parseMonthKey(reportMonth) : null;
  if (ym === null) return fail([fieldError("month", "invalid_format")]);
  return nthBusinessDay(monthKey(addMonths(ym, 1)), n, options);
}
