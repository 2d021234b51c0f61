import { describe, expect, it } from "vitest";
import {
  changedCells,
  currentIsoWeekKey,
  formatCell,
  isBlockPaste,
  parseCell,
  parsePastedBlock,
  weekDays,
  weekStartKey,
} from "./entry";

describe("a cell as people type it", () => {
  it.each([
    ["1,234,500", 1_234_500],
    ["¥1,234,500", 1_234_500],
    ["￥1,234,500円", 1_234_500],
    ["１２３", 123],
    ["１，２３４", 1_234],
    [" 42 ", 42],
    ["12件", 12],
    ["0", 0],
  ])("revenue/orders %s → %i", (raw, value) => {
    expect(parseCell("orders", raw)).toEqual({ ok: true, value });
  });

  it.each([
    ["4.23", 423],
    ["４．２３", 423],
    ["★4.5", 450],
    ["4", 400],
    [".5", 50],
  ])("a rating %s → %i hundredths", (raw, value) => {
    expect(parseCell("review_rating", raw)).toEqual({ ok: true, value });
  });

  it("reads empty as no figure and refuses what is not a whole, non-negative number", () => {
    expect(parseCell("orders", "")).toEqual({ ok: true, value: null });
    expect(parseCell("orders", "   ")).toEqual({ ok: true, value: null });
    expect(parseCell("orders", null)).toEqual({ ok: true, value: null });
    expect(parseCell("orders", "abc")).toMatchObject({ ok: false, code: "not_a_number" });
    expect(parseCell("orders", "1.5")).toMatchObject({ ok: false, code: "not_integer" });
    expect(parseCell("orders", "-3")).toMatchObject({ ok: false, code: "must_not_be_negative" });
    expect(parseCell("review_rating", "4.235")).toMatchObject({ ok: false, code: "too_precise" });
    expect(parseCell("orders", "1e5")).toMatchObject({ ok: false, code: "not_a_number" });
  });

  it("shows stored values formatted, and reads its own formatting back", () => {
    expect(formatCell("revenue", 1_234_500)).toBe("1,234,500");
    expect(formatCell("review_rating", 423)).toBe("4.23");
    expect(formatCell("review_rating", 400)).toBe("4.00");
    expect(formatCell("orders", null)).toBe("");
    for (const [measure, value] of [
      ["revenue", 98_765_432_100],
      ["review_rating", 5],
      ["csat_score", 499],
    ] as const) {
      expect(parseCell(measure, formatCell(measure, value))).toEqual({ ok: true, value });
    }
  });
});

describe("a block pasted from a spreadsheet", () => {
  it("reads rows and tab-separated columns, without the trailing line break", () => {
    expect(parsePastedBlock("1,000\t2,000\r\n3\t4\r\n")).toEqual([
      ["1,000", "2,000"],
      ["3", "4"],
    ]);
    expect(parsePastedBlock('"1,234"\t\n5\t6')).toEqual([
      ["1,234", ""],
      ["5", "6"],
    ]);
  });

  it("tells a block from one value", () => {
    expect(isBlockPaste("1,234")).toBe(false);
    expect(isBlockPaste("1\t2")).toBe(true);
    expect(isBlockPaste("1\n2")).toBe(true);
    expect(isBlockPaste("1234\n")).toBe(true);
  });
});

describe("weeks", () => {
  it("the current week is Tokyo's", () => {
    // Sunday 2026-03-08 23:30 UTC is Monday 2026-03-09 in Tokyo: week 11, not 10.
    expect(currentIsoWeekKey(new Date("2026-03-08T23:30:00Z"))).toBe("2026-W11");
    expect(currentIsoWeekKey(new Date("2026-03-08T14:00:00Z"))).toBe("2026-W10");
  });

  it("Monday to Sunday of a week, across years", () => {
    expect(weekStartKey({ year: 2026, week: 10 })).toBe("2026-03-02");
    expect(weekStartKey({ year: 2026, week: 1 })).toBe("2025-12-29");
    expect(weekDays({ year: 2026, week: 53 }).sunday).toEqual({ year: 2027, month: 1, day: 3 });
  });
});

describe("changed cells", () => {
  it("lists cells whose value differs, a missing cell counting as none", () => {
    expect(
      changedCells(
        [
          { channel: "rakuten", measure: "orders", value: 1 },
          { channel: "rakuten", measure: "revenue", value: 5 },
        ],
        [
          { channel: "rakuten", measure: "orders", value: 1 },
          { channel: "amazon", measure: "orders", value: 2 },
        ],
      ).map(({ key, before, after }) => [key, before, after]),
    ).toEqual([
      ["rakuten:revenue", 5, null],
      ["amazon:orders", null, 2],
    ]);
  });
});
