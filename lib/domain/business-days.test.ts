import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  businessDaysInMonth,
  HOLIDAY_YEARS,
  isBusinessDay,
  nthBusinessDay,
  publicHoliday,
  reportDeadline,
} from "./business-days";
import type { Result } from "./result";

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.value;
}

const nth = (month: string, n: number, extraClosedDates?: string[]) =>
  unwrap(nthBusinessDay(month, n, extraClosedDates ? { extraClosedDates } : undefined));

describe("Japanese business days", () => {
  it("skips Golden Week, including the substitute holiday", () => {
    // 2026: 5/3 Sun 憲法記念日, 5/4 Mon, 5/5 Tue, 5/6 Wed 振替休日.
    expect(unwrap(businessDaysInMonth("2026-05")).slice(0, 3)).toEqual(["2026-05-01", "2026-05-07", "2026-05-08"]);
    expect(publicHoliday("2026-05-06")?.name).toBe("こどもの日 振替休日");
    // 2025: 4/29 Tue 昭和の日; 5/3 Sat, 5/4 Sun, 5/5 Mon, 5/6 Tue 振替休日.
    expect(nth("2025-04", 20)).toBe("2025-04-28");
    expect(nth("2025-04", 21)).toBe("2025-04-30"); // 4/29 skipped
    expect(nth("2025-05", 3)).toBe("2025-05-07");
  });

  it("starts the year after New Year's Day, and after the agency's own closing days when given", () => {
    expect(nth("2027-01", 1)).toBe("2027-01-04"); // 1/1 Fri holiday, then the weekend
    expect(nth("2026-01", 1)).toBe("2026-01-02"); // 1/2 is not a public holiday
    const yearEnd = ["2025-12-29", "2025-12-30", "2025-12-31", "2026-01-02", "2026-01-03"];
    expect(nth("2026-01", 1, yearEnd)).toBe("2026-01-05");
    expect(nth("2026-01", 5, yearEnd)).toBe("2026-01-09");
    expect(nth("2026-01", 6, yearEnd)).toBe("2026-01-13"); // 1/12 成人の日
  });

  it("treats substitute holidays and citizens' holidays as closed", () => {
    expect(unwrap(isBusinessDay("2025-02-24"))).toBe(false); // 天皇誕生日 振替休日
    expect(unwrap(isBusinessDay("2025-11-24"))).toBe(false); // 勤労感謝の日 振替休日
    expect(unwrap(isBusinessDay("2026-09-22"))).toBe(false); // 国民の休日 between 敬老の日 and 秋分の日
    expect(unwrap(isBusinessDay("2026-09-24"))).toBe(true);
    expect(unwrap(isBusinessDay("2026-05-09"))).toBe(false); // Saturday
  });

  it("dates the monthly report on the Nth business day of the next month", () => {
    expect(unwrap(reportDeadline("2026-04", 5))).toBe("2026-05-12");
    expect(unwrap(reportDeadline("2026-12", 3))).toBe("2027-01-06");
    expect(unwrap(reportDeadline("2026-08", 1))).toBe("2026-09-01");
  });

  it("answers errors for bad months, N beyond the month, and years the table does not cover", () => {
    const codes = <T>(r: Result<T>) => (r.ok ? [] : r.errors.map((e) => [e.field, e.code, e.params ?? null]));
    expect(codes(nthBusinessDay("2026-13", 1))).toEqual([["month", "invalid_format", null]]);
    expect(codes(nthBusinessDay("2026-05", 0))).toEqual([["n", "must_be_positive", { min: 1 }]]);
    expect(codes(nthBusinessDay("2026-05", 19))).toEqual([["n", "above_maximum", { max: 18 }]]);
    expect(codes(nthBusinessDay(`${HOLIDAY_YEARS.last + 1}-01`, 1))).toEqual([
      ["month", "outside_calendar", { min: HOLIDAY_YEARS.first, max: HOLIDAY_YEARS.last }],
    ]);
    expect(codes(isBusinessDay("2026-02-30"))).toEqual([["date", "invalid_format", null]]);
    expect(HOLIDAY_YEARS.first).toBeLessThanOrEqual(2000);
    expect(HOLIDAY_YEARS.last).toBeGreaterThanOrEqual(2050);
  });

  it("every month from 2000 to the table's last year has at least 15 business days (the SLA's largest N)", () => {
    for (let year = 2000; year <= HOLIDAY_YEARS.last; year++) {
      for (let month = 1; month <= 12; month++) {
        const days = unwrap(businessDaysInMonth(`${year}-${String(month).padStart(2, "0")}`));
        expect(days.length).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it("business days are non-holiday weekdays, in order, and nthBusinessDay walks them", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: HOLIDAY_YEARS.last }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const key = `${year}-${String(month).padStart(2, "0")}`;
          const days = unwrap(businessDaysInMonth(key));
          expect(days.length).toBeGreaterThanOrEqual(15);
          expect([...days].sort()).toEqual(days);
          days.forEach((day, i) => {
            const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
            expect(weekday >= 1 && weekday <= 5).toBe(true);
            expect(publicHoliday(day)).toBeNull();
            expect(nth(key, i + 1)).toBe(day);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
