import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ChannelMonth } from "./monthly-contribution";
import { monthlyContribution } from "./monthly-contribution";
import { allNumbersAreSafeIntegers, garbageNumber } from "./test-arbitraries";

describe("monthlyContribution", () => {
  it("sums orders × base-line contribution per order over channels", () => {
    const result = monthlyContribution([
      { channel: "own_site", orders: 119, contributionPerOrder: 3_789 },
      { channel: "rakuten", orders: 910, contributionPerOrder: 495 },
      { channel: "amazon", orders: 100, contributionPerOrder: -20 },
    ]);
    expect(result).toEqual({
      ok: true,
      value: {
        total: 450_891 + 450_450 - 2_000,
        byChannel: [
          { channel: "own_site", orders: 119, contribution: 450_891 },
          { channel: "rakuten", orders: 910, contribution: 450_450 },
          { channel: "amazon", orders: 100, contribution: -2_000 },
        ],
      },
    });
  });

  it("is zero for no channels", () => {
    expect(monthlyContribution([])).toEqual({ ok: true, value: { total: 0, byChannel: [] } });
  });

  it("reports every bad row and duplicate channels", () => {
    const result = monthlyContribution([
      { channel: "rakuten", orders: -1, contributionPerOrder: 10 },
      { channel: "rakuten", orders: 1, contributionPerOrder: 1.5 },
      { channel: "", orders: 1, contributionPerOrder: 1 },
    ]);
    expect(result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      "channels.0.orders:must_not_be_negative",
      "channels.1.channel:duplicate",
      "channels.1.contributionPerOrder:not_integer",
      "channels.2.channel:required",
    ]);
  });

  it("never throws or yields a non-integer on garbage", () => {
    const row = fc.record({
      channel: fc.oneof(fc.string(), garbageNumber),
      orders: garbageNumber,
      contributionPerOrder: garbageNumber,
    });
    fc.assert(
      fc.property(fc.oneof(fc.array(row, { maxLength: 5 }), fc.anything()), (rows) => {
        const result = monthlyContribution(rows as ChannelMonth[]);
        if (result.ok) expect(allNumbersAreSafeIntegers(result.value)).toBe(true);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 2_000 },
    );
  });
});
