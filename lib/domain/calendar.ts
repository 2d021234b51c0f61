// Month keys ("2025-03"), date keys ("2025-03-31") and ISO 8601 week keys ("2025-W09") as the KPI series
// and contracts use them (SPEC §4, §6).
// Pure calendar arithmetic on UTC dates: a key names a calendar period, not an instant, so the
// Asia/Tokyo business calendar needs no time-zone conversion here.

// Years from 1970: Date.UTC reads years 0–99 as 1900–1999, and nothing here predates e-commerce.
const MONTH_KEY = /^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])$/;
const WEEK_KEY = /^(19[7-9]\d|[2-9]\d{3})-W(\d{2})$/;
const DATE_KEY = /^(19[7-9]\d|[2-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MS = 86_400_000;

export interface YearMonth {
  year: number;
  month: number; // 1–12
}

export interface YearMonthDay {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export interface IsoWeek {
  year: number;
  week: number; // 1–53
}

export function parseMonthKey(key: string): YearMonth | null {
  const match = MONTH_KEY.exec(key);
  if (match === null) return null;
  return { year: Number(match[1]), month: Number(match[2]) };
}

export function monthKey({ year, month }: YearMonth): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function addMonths(ym: YearMonth, delta: number): YearMonth {
  const index = ym.year * 12 + (ym.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth({ year, month }: YearMonth): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? Number.NaN;
}

/** "YYYY-MM-DD" with a day that exists in its month, or null. */
export function parseDateKey(key: string): YearMonthDay | null {
  const match = DATE_KEY.exec(key);
  if (match === null) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return date.day <= daysInMonth(date) ? date : null;
}

export function dateKey({ year, month, day }: YearMonthDay): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01: a date as one comparable, subtractable integer. */
export function dayNumber({ year, month, day }: YearMonthDay): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(days: number): YearMonthDay {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: YearMonthDay, delta: number): YearMonthDay {
  return fromDayNumber(dayNumber(date) + delta);
}

/** Months as one integer (year × 12 + month − 1), so month distances are plain differences. */
export function monthIndex({ year, month }: YearMonth): number {
  return year * 12 + month - 1;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: YearMonthDay): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The same day `delta` months later; a day the target month lacks becomes its last day, and the last
 * day of a month stays the last day (2026-01-31 + 1 → 2026-02-28, 2026-02-28 + 1 → 2026-03-31).
 */
export function addMonthsToDate(date: YearMonthDay, delta: number): YearMonthDay {
  const target = addMonths(date, delta);
  const last = daysInMonth(target);
  const day = date.day === daysInMonth(date) ? last : Math.min(date.day, last);
  return { ...target, day };
}

export function weeksInIsoYear(year: number): number {
  // 28 December always lies in the year's last ISO week.
  return isoWeekOf(new Date(Date.UTC(year, 11, 28))).week;
}

export function parseIsoWeekKey(key: string): IsoWeek | null {
  const match = WEEK_KEY.exec(key);
  if (match === null) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInIsoYear(year)) return null;
  return { year, week };
}

export function isoWeekKey({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, "0")}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week containing a UTC date. */
export function isoWeekOf(date: Date): IsoWeek {
  // The week belongs to the year of its Thursday; Thursday's day-of-year fixes the week number.
  const isoDay = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  const thursday = new Date(date.getTime() + (4 - isoDay) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS) + 1;
  return { year, week: Math.ceil(dayOfYear / 7) };
}

/** Thursday of an ISO week, as a UTC date. */
function thursdayOf({ year, week }: IsoWeek): Date {
  // 4 January is always in week 1.
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const jan4IsoDay = jan4.getUTCDay() === 0 ? 7 : jan4.getUTCDay();
  return new Date(jan4.getTime() + ((week - 1) * 7 + (4 - jan4IsoDay)) * DAY_MS);
}

export function addWeeks(week: IsoWeek, delta: number): IsoWeek {
  return isoWeekOf(new Date(thursdayOf(week).getTime() + delta * 7 * DAY_MS));
}

/** The month a week counts in: the month containing its Thursday (SPEC §6). */
export function monthOfIsoWeek(week: IsoWeek): YearMonth {
  const thursday = thursdayOf(week);
  return { year: thursday.getUTCFullYear(), month: thursday.getUTCMonth() + 1 };
}

/** The last ISO week that counts in a month: the week of the month's last Thursday. */
export function lastIsoWeekOfMonth(ym: YearMonth): IsoWeek {
  const lastDay = new Date(Date.UTC(ym.year, ym.month, 0));
  const isoDay = lastDay.getUTCDay() === 0 ? 7 : lastDay.getUTCDay();
  const back = (isoDay - 4 + 7) % 7; // days back to the last Thursday on or before the month's end
  return isoWeekOf(new Date(lastDay.getTime() - back * DAY_MS));
}

const tokyoDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date of an instant in Asia/Tokyo, where the agencies work, as "YYYY-MM-DD". */
export function tokyoDateKey(at: Date): string {
  return tokyoDay.format(at);
}
