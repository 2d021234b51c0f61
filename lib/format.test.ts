import { describe, expect, it } from "vitest";
import { dateFormat, formatDateTime, formatNumber, formatYen } from "./format";

describe("formatting", () => {
  it("writes yen without decimals, per locale", () => {
    expect(formatYen(1234567, "ja")).toBe("￥1,234,567");
    expect(formatYen(-500, "en")).toBe("-¥500");
    expect(formatNumber(1234.5, "ja", 2)).toBe("1,234.50");
  });

  it("shows times in Tokyo", () => {
    expect(formatDateTime(new Date("2026-03-31T15:30:00Z"), "ja")).toBe("2026/04/01 0:30");
  });

  it("keeps one date formatter per language and options", () => {
    const a = dateFormat("ja-JP", { month: "short", day: "numeric", timeZone: "UTC" });
    expect(dateFormat("ja-JP", { month: "short", day: "numeric", timeZone: "UTC" })).toBe(a);
    expect(dateFormat("en-GB", { month: "short", day: "numeric", timeZone: "UTC" })).not.toBe(a);
    expect(a.format(new Date("2026-01-05T00:00:00Z"))).toBe("1月5日");
  });
});
