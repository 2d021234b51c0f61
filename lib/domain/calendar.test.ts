import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addMonthsToDate,
  addWeeks,
  dateKey,
  dayNumber,
  daysInMonth,
  isoWeekday,
  isoWeekKey,
  isoWeekOf,
  lastIsoWeekOfMonth,
  monthIndex,
  monthKey,
  monthOfIsoWeek,
  parseDateKey,
  parseIsoWeekKey,
  parseMonthKey,
  weeksInIsoYear,
} from "./calendar";

describe("month keys", () => {
  it("parses and formats", () => {
    expect(parseMonthKey("2025-03")).toEqual({ year: 2025, month: 3 });
    expect(monthKey({ year: 2025, month: 3 })).toBe("2025-03");
    for (const bad of ["2025-13", "2025-00", "2025-3", "25-03", "0025-03", "2025-03-01"]) {
      expect(parseMonthKey(bad)).toBeNull();
    }
  });

  it("adds months across years", () => {
    expect(addMonths({ year: 2025, month: 1 }, -1)).toEqual({ year: 2024, month: 12 });
    expect(addMonths({ year: 2024, month: 11 }, 14)).toEqual({ year: 2026, month: 1 });
  });

  it("knows month lengths", () => {
    expect(daysInMonth({ year: 2024, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2025, month: 2 })).toBe(28);
    expect(daysInMonth({ year: 2025, month: 12 })).toBe(31);
  });
});

describe("ISO weeks", () => {
  it("puts 1 January into the right ISO year", () => {
    expect(isoWeekOf(new Date(Date.UTC(2021, 0, 1)))).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf(new Date(Date.UTC(2024, 11, 30)))).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf(new Date(Date.UTC(2025, 2, 9)))).toEqual({ year: 2025, week: 10 }); // a Sunday
  });

  it("parses and validates week numbers against the year", () => {
    expect(parseIsoWeekKey("2020-W53")).toEqual({ year: 2020, week: 53 });
    expect(parseIsoWeekKey("2025-W53")).toBeNull();
    expect(parseIsoWeekKey("2025-W00")).toBeNull();
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(isoWeekKey({ year: 2025, week: 7 })).toBe("2025-W07");
  });

  it("steps weeks across year ends", () => {
    expect(addWeeks({ year: 2021, week: 1 }, -1)).toEqual({ year: 2020, week: 53 });
    expect(addWeeks({ year: 2024, week: 52 }, 1)).toEqual({ year: 2025, week: 1 });
  });

  it("assigns a week to the month of its Thursday", () => {
    // 2025-W01 runs Mon 30 Dec 2024 – Sun 5 Jan 2025; its Thursday is 2 January.
    expect(monthOfIsoWeek({ year: 2025, week: 1 })).toEqual({ year: 2025, month: 1 });
    // 2025-W18: Mon 28 Apr – Sun 4 May, Thursday 1 May.
    expect(monthOfIsoWeek({ year: 2025, week: 18 })).toEqual({ year: 2025, month: 5 });
  });

  it("finds the last week of a month (the week of its last Thursday)", () => {
    expect(lastIsoWeekOfMonth({ year: 2025, month: 4 })).toEqual({ year: 2025, week: 17 }); // Thu 24 Apr
    expect(lastIsoWeekOfMonth({ year: 2025, month: 7 })).toEqual({ year: 2025, week: 31 }); // Thu 31 Jul
    expect(lastIsoWeekOfMonth({ year: 2020, month: 12 })).toEqual({ year: 2020, week: 53 }); // Thu 31 Dec
    for (let m = 1; m <= 12; m++) {
      const week = lastIsoWeekOfMonth({ year: 2026, month: m });
      expect(monthOfIsoWeek(week)).toEqual({ year: 2026, month: m });
      expect(monthOfIsoWeek(addWeeks(week, 1))).toEqual(addMonths({ year: 2026, month: m }, 1));
    }
  });
});

describe("date keys", () => {
  it("parses real dates only", () => {
    expect(parseDateKey("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ["2025-02-29", "2025-04-31", "2025-4-01", "2025-04-1", "1969-12-31", "2025-04-01T00:00"]) {
      expect(parseDateKey(bad)).toBeNull();
    }
    expect(dateKey({ year: 2026, month: 4, day: 5 })).toBe("2026-04-05");
  });

  it("counts days and weekdays", () => {
    expect(dayNumber({ year: 1970, month: 1, day: 2 })).toBe(1);
    expect(addDays({ year: 2024, month: 2, day: 28 }, 2)).toEqual({ year: 2024, month: 3, day: 1 });
    expect(isoWeekday({ year: 2026, month: 5, day: 3 })).toBe(7); // Sunday
    expect(monthIndex({ year: 2026, month: 1 }) - monthIndex({ year: 2025, month: 12 })).toBe(1);
  });

  it("adds months keeping month ends at month ends", () => {
    const add = (key: string, n: number) => {
      const d = parseDateKey(key);
      return d === null ? null : dateKey(addMonthsToDate(d, n));
    };
    expect(add("2026-01-31", 1)).toBe("2026-02-28");
    expect(add("2026-02-28", 1)).toBe("2026-03-31");
    expect(add("2027-04-15", 12)).toBe("2028-04-15");
    expect(add("2024-02-29", 12)).toBe("2025-02-28");
    expect(add("2026-03-30", -1)).toBe("2026-02-28");
  });
});
