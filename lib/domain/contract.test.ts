import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContractVersion } from "./contract";
import { CONTRACT_LIMITS, validateContractVersion } from "./contract";
import { sampleVersion } from "./contract-fixtures";
import { garbageNumber } from "./test-arbitraries";

function errorsOf(version: unknown): [string, string][] {
  const result = validateContractVersion(version);
  return result.ok ? [] : result.errors.map((e) => [e.field, e.code]);
}

function edit(change: (v: ContractVersion) => void): ContractVersion {
  const v = sampleVersion();
  change(v);
  return v;
}

/** Lets a test put a value of the wrong type where the form or JSON could. */
function loose(value: unknown): never {
  return value as never;
}

describe("validateContractVersion", () => {
  it("accepts the sample and answers it unchanged", () => {
    const v = sampleVersion();
    expect(validateContractVersion(v)).toEqual({ ok: true, value: v });
  });

  it("normalises: trims labels, orders enum sets, fills optional parts", () => {
    const v = edit((v) => {
      v.fees.monthlyFeeLines = [{ label: "  運営代行  ", amount: 1 }];
      v.terms.scope.areas = ["advertising_promotions", "listing_stock_pricing"];
      v.terms.dataHandover = { provided: true, format: "" };
      delete (v.terms as Partial<ContractVersion["terms"]>).clauses;
    });
    const result = validateContractVersion(v);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.fees.monthlyFeeLines[0]?.label).toBe("運営代行");
    expect(result.value.terms.scope.areas).toEqual(["listing_stock_pricing", "advertising_promotions"]);
    expect(result.value.terms.dataHandover.format).toBeNull();
    expect(result.value.terms.clauses).toEqual({
      dataOwnership: "",
      confidentiality: "",
      thirdPartySharing: "",
      handover: "",
    });
  });

  it("rejects negative and absurd amounts", () => {
    expect(
      errorsOf(
        edit((v) => {
          v.fees.monthlyFeeLines[0] = { label: "a", amount: -1 };
          v.fees.initialFeeLines[0] = { label: "b", amount: CONTRACT_LIMITS.maxLineYen + 1 };
          v.terms.earlyTerminationFee = 1.5;
        }),
      ),
    ).toEqual([
      ["terms.earlyTerminationFee", "not_integer"],
      ["fees.initialFeeLines.0.amount", "above_maximum"],
      ["fees.monthlyFeeLines.0.amount", "must_not_be_negative"],
    ]);
  });

  it("rejects reversed dates", () => {
    expect(
      errorsOf(
        edit((v) => {
          v.terms.endDate = "2026-03-31";
          v.terms.nextReviewDate = "2026-01-01";
        }),
      ),
    ).toEqual([
      ["terms.endDate", "end_before_start"],
      ["terms.nextReviewDate", "before_start"],
    ]);
    expect(errorsOf(edit((v) => (v.terms.startDate = "2026-02-30")))).toEqual([["terms.startDate", "invalid_format"]]);
    expect(errorsOf(edit((v) => (v.terms.startDate = "1999-12-31")))).toEqual([
      ["terms.startDate", "outside_calendar"],
    ]);
    expect(
      errorsOf(
        edit((v) => {
          v.sla = v.sla && { ...v.sla, supportFrom: "18:00", supportTo: "09:00" };
        }),
      ),
    ).toEqual([["sla.supportTo", "end_before_start"]]);
  });

  it("rejects a rate above 100 %, a negative cap and an unknown rule kind, per rule", () => {
    expect(
      errorsOf(
        edit((v) => {
          v.fees.performanceRules = [
            { kind: "rate_over_baseline", basis: "sales", rateBp: 10_001, baseline: 0, cap: null },
            { kind: "per_unit_over_baseline", basis: "orders", yenPerUnit: 10, baseline: 0, cap: -1 },
            loose({ kind: "share_of_profit", rateBp: 100 }),
          ];
        }),
      ),
    ).toEqual([
      ["fees.performanceRules.0.rateBp", "rate_above_100_percent"],
      ["fees.performanceRules.1.cap", "must_not_be_negative"],
      ["fees.performanceRules.2.kind", "invalid_option"],
    ]);
  });

  it("checks each rule kind's own fields", () => {
    expect(
      errorsOf(
        edit((v) => {
          v.fees.performanceRules = [
            { kind: "rate_over_baseline", basis: "orders_x_aov", rateBp: 100, baseline: 0, cap: null },
            loose({ kind: "rate_over_baseline", basis: "profit", rateBp: 100, baseline: -5, cap: null }),
            loose({ kind: "bonus_at_threshold", metric: "nps", thresholdBp: 1, bonus: 1 }),
            { kind: "bonus_at_threshold", metric: "cvr", thresholdBp: 10_001, bonus: 1 },
            { kind: "bonus_at_threshold", metric: "roas", thresholdBp: 1_000_001, bonus: 1 },
          ];
        }),
      ),
    ).toEqual([
      ["fees.performanceRules.0.aov", "required"],
      ["fees.performanceRules.1.basis", "invalid_option"],
      ["fees.performanceRules.1.baseline", "must_not_be_negative"],
      ["fees.performanceRules.2.metric", "invalid_option"],
      ["fees.performanceRules.3.thresholdBp", "rate_above_100_percent"],
      ["fees.performanceRules.4.thresholdBp", "above_maximum"],
    ]);
  });

  it("rejects split months below 1 or above the limit", () => {
    expect(errorsOf(edit((v) => (v.fees.initialFeeSplitMonths = 0)))).toEqual([
      ["fees.initialFeeSplitMonths", "must_be_positive"],
    ]);
    expect(errorsOf(edit((v) => (v.fees.initialFeeSplitMonths = 61)))).toEqual([
      ["fees.initialFeeSplitMonths", "above_maximum"],
    ]);
  });

  it("needs an end date and a renewal length for auto-renewal", () => {
    expect(
      errorsOf(
        edit((v) => {
          v.terms.endDate = null;
          v.terms.renewalMonths = null;
        }),
      ),
    ).toEqual([
      ["terms.endDate", "required"],
      ["terms.renewalMonths", "required"],
    ]);
    expect(
      errorsOf(edit((v) => Object.assign(v.terms, { autoRenew: false, endDate: null, renewalMonths: null }))),
    ).toEqual([]);
  });

  it("checks additional fees: one hourly rate, options within scope, known kinds", () => {
    expect(
      errorsOf(
        edit((v) => {
          v.fees.additionalFees = [
            { kind: "hourly", label: "a", yenPerHour: 1 },
            { kind: "hourly", label: "b", yenPerHour: 2 },
            { kind: "option", label: "デザイン", monthly: 1, option: "design" },
            loose({ kind: "travel", label: "出張", monthly: 1 }),
            { kind: "extra_marketplace", label: "", monthly: 1 },
          ];
        }),
      ),
    ).toEqual([
      ["fees.additionalFees.1.kind", "duplicate"],
      ["fees.additionalFees.2.option", "invalid_option"],
      ["fees.additionalFees.3.kind", "invalid_option"],
      ["fees.additionalFees.4.label", "required"],
    ]);
  });

  it("checks SLA items: keys unique and well-formed, targets for rate measures, credits ≤ 100 %", () => {
    expect(
      errorsOf(
        edit((v) => {
          if (v.sla === null) return;
          v.sla.items = [
            { key: "a", label: "A", measure: "manual", targetBp: null, creditBp: 100 },
            { key: "a", label: "A2", measure: "manual", targetBp: null, creditBp: 100 },
            { key: "B c", label: "B", measure: "response_rate", targetBp: null, creditBp: 10_001 },
          ];
          v.sla.creditCapBp = -1;
          v.sla.reportDeadlineBusinessDay = 16;
        }),
      ),
    ).toEqual([
      ["sla.reportDeadlineBusinessDay", "above_maximum"],
      ["sla.items.1.key", "duplicate"],
      ["sla.items.2.key", "invalid_format"],
      ["sla.items.2.targetBp", "required"],
      ["sla.items.2.creditBp", "rate_above_100_percent"],
      ["sla.creditCapBp", "must_not_be_negative"],
    ]);
  });

  it("needs a scope and rejects unknown or repeated areas", () => {
    expect(errorsOf(edit((v) => (v.terms.scope = { areas: [], options: [] })))).toEqual([
      ["terms.scope.areas", "required"],
    ]);
    expect(
      errorsOf(edit((v) => (v.terms.scope.areas = loose(["orders_shipping", "orders_shipping", "warehousing"])))),
    ).toEqual([
      ["terms.scope.areas.1", "duplicate"],
      ["terms.scope.areas.2", "invalid_option"],
    ]);
  });

  it("never throws on garbage, and every error names a field", () => {
    const garbageVersion = fc.oneof(
      fc.anything(),
      fc.record({
        terms: fc.oneof(
          fc.anything(),
          fc.record({ startDate: fc.string(), endDate: fc.anything(), autoRenew: fc.anything() }),
        ),
        fees: fc.oneof(
          fc.anything(),
          fc.record({
            initialFeeLines: fc.array(fc.record({ label: fc.anything(), amount: garbageNumber })),
            initialFeeSplitMonths: garbageNumber,
            monthlyFeeLines: fc.anything(),
            performanceRules: fc.array(
              fc.record({
                kind: fc.constantFrom("rate_over_baseline", "per_unit_over_baseline", "bonus_at_threshold", "x"),
                basis: fc.anything(),
                rateBp: garbageNumber,
                baseline: garbageNumber,
                cap: garbageNumber,
                metric: fc.anything(),
                thresholdBp: garbageNumber,
                bonus: garbageNumber,
              }),
            ),
          }),
        ),
        sla: fc.anything(),
      }),
    );
    fc.assert(
      fc.property(garbageVersion, (input) => {
        const result = validateContractVersion(input);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(typeof e.field).toBe("string");
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
