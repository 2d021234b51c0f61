import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CostRate, computeMargin, feeForTargetMargin, rateInForce } from "./margin";

const operatorRate = (yenPerHour: number, effectiveFrom: string): CostRate => ({
  scope: { kind: "role", role: "operator" },
  yenPerHour,
  effectiveFrom,
});

describe("agency margin", () => {
  it("costs hours at the rate in force that week, plus direct costs", () => {
    // A raise from Thursday 1 October 2026: 2026-W40 (Thursday 1 Oct) is October's first week.
    const rates = [operatorRate(3_000, "2026-01-01"), operatorRate(3_600, "2026-10-01")];
    const result = computeMargin({
      revenue: 300_000,
      timeEntries: [
        { membershipId: "m1", role: "operator", isoWeek: "2026-W39", minutes: 600 }, // Thu 24 Sep: ¥3,000/h
        { membershipId: "m1", role: "operator", isoWeek: "2026-W40", minutes: 600 }, // Thu 1 Oct: ¥3,600/h
        { membershipId: "m1", role: "operator", isoWeek: "2026-W41", minutes: 45 }, // 45 min × 3,600 ÷ 60
      ],
      rates,
      directCosts: [{ label: "撮影外注", amount: 20_000 }],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        status: "ok",
        revenue: 300_000,
        minutes: 1_245,
        labourCost: 30_000 + 36_000 + 2_700,
        directCost: 20_000,
        deliveryCost: 88_700,
        margin: 211_300,
        marginBp: 7_043, // 70.433… %
        unratedMembers: [],
      },
    });
  });

  it("prefers a member's own rate to the role's", () => {
    const rates: CostRate[] = [
      operatorRate(3_000, "2026-01-01"),
      { scope: { kind: "member", membershipId: "m2" }, yenPerHour: 5_000, effectiveFrom: "2026-06-01" },
    ];
    expect(rateInForce(rates, "m2", "operator", "2026-05-31")).toBe(3_000);
    expect(rateInForce(rates, "m2", "operator", "2026-06-01")).toBe(5_000);
    expect(rateInForce(rates, "m1", "operator", "2026-06-01")).toBe(3_000);
    expect(rateInForce(rates, "m1", "manager", "2026-06-01")).toBeNull();
  });

  it("says so for a month without an invoice, without hours, or with hours nobody has a rate for", () => {
    const rates = [operatorRate(3_000, "2026-01-01")];
    const entry = { membershipId: "m1", role: "operator", isoWeek: "2026-W10", minutes: 60 };
    const noInvoice = computeMargin({ revenue: null, timeEntries: [entry], rates, directCosts: [] });
    expect(noInvoice.ok && [noInvoice.value.status, noInvoice.value.margin, noInvoice.value.marginBp]).toEqual([
      "no_invoice",
      null,
      null,
    ]);
    const noHours = computeMargin({ revenue: 100_000, timeEntries: [], rates, directCosts: [] });
    expect(noHours.ok && [noHours.value.status, noHours.value.marginBp]).toEqual(["no_hours", null]);
    const unrated = computeMargin({
      revenue: 100_000,
      timeEntries: [{ ...entry, membershipId: "m9", role: "manager" }],
      rates,
      directCosts: [],
    });
    expect(unrated.ok && [unrated.value.status, unrated.value.unratedMembers]).toEqual(["missing_rate", ["m9"]]);
  });

  it("shows a negative margin as it is", () => {
    const result = computeMargin({
      revenue: 50_000,
      timeEntries: [{ membershipId: "m1", role: "operator", isoWeek: "2026-W10", minutes: 1_200 }],
      rates: [operatorRate(4_000, "2026-01-01")],
      directCosts: [],
    });
    expect(result.ok && [result.value.margin, result.value.marginBp]).toEqual([-30_000, -6_000]);
  });

  it("refuses negative and malformed input with field errors", () => {
    const result = computeMargin({
      revenue: -1,
      timeEntries: [{ membershipId: "m1", role: "operator", isoWeek: "2025-W53", minutes: -5 }],
      rates: [operatorRate(-3, "2026-13-01")],
      directCosts: [{ label: "x", amount: 1.5 }],
    });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
      "revenue",
      "rates.0.yenPerHour",
      "rates.0.effectiveFrom",
      "timeEntries.0.minutes",
      "timeEntries.0.isoWeek",
      "directCosts.0.amount",
    ]);
  });
});

describe("the fee a target margin needs", () => {
  it("is the smallest whole yen that reaches the target", () => {
    // Cost 70,000 at 30 %: revenue 100,000 exactly.
    expect(feeForTargetMargin({ deliveryCost: 70_000, otherRevenue: 0, targetBp: 3_000 })).toEqual({
      ok: true,
      value: 100_000,
    });
    // Cost 10,001 at 30 %: 14,287.14… → 14,288.
    expect(feeForTargetMargin({ deliveryCost: 10_001, otherRevenue: 2_000, targetBp: 3_000 })).toEqual({
      ok: true,
      value: 12_288,
    });
    expect(feeForTargetMargin({ deliveryCost: 100, otherRevenue: 1_000, targetBp: 5_000 })).toEqual({
      ok: true,
      value: 0,
    });
    expect(feeForTargetMargin({ deliveryCost: 100, otherRevenue: 0, targetBp: 10_000 }).ok).toBe(false);
  });

  it("reaches the target, and one yen less does not (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 9_999 }), (cost, target) => {
        const result = feeForTargetMargin({ deliveryCost: cost, otherRevenue: 0, targetBp: target });
        if (!result.ok) throw new Error("unexpected");
        const r = BigInt(result.value);
        const reaches = (revenue: bigint) => (revenue - BigInt(cost)) * 10_000n >= BigInt(target) * revenue;
        expect(reaches(r)).toBe(true);
        expect(reaches(r - 1n)).toBe(false);
      }),
    );
  });
});
