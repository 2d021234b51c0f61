import { describe, expect, it } from "vitest";
import type { ChecklistContext, ChecklistItemNumber, ChecklistProposal, KpiPlanSummary } from "./checklist";
import {
  CHECKLIST_ITEMS,
  carryForward,
  changedDependencies,
  checklistCompletion,
  ITEM_DEPENDENCIES,
  proposeChecklist,
} from "./checklist";
import type { ContractVersion } from "./contract";
import { sampleVersion } from "./contract-fixtures";

const PLAN: KpiPlanSummary = {
  kpis: ["sales", "orders", "aov", "roas", "csat"],
  kpisWithTargets: 5,
  dataSourcesStated: true,
  reviewCadence: "monthly",
  thirdPartyAudit: false,
};

const CONTEXT: ChecklistContext = { kpiPlan: PLAN, today: "2026-05-01" };

function edit(change: (v: ContractVersion) => void): ContractVersion {
  const v = sampleVersion();
  change(v);
  return v;
}

function proposals(version: ContractVersion, context: ChecklistContext = CONTEXT): ChecklistProposal[] {
  const result = proposeChecklist(version, context);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function item(version: ContractVersion, n: ChecklistItemNumber, context: ChecklistContext = CONTEXT) {
  const p = proposals(version, context).find((x) => x.item === n);
  if (p === undefined) throw new Error(`item ${n} missing`);
  return { status: p.status, codes: p.reasons.map((r) => r.code), reasons: p.reasons };
}

describe("proposeChecklist", () => {
  it("lists the ten items in order; a complete contract confirms all but the two manual ones", () => {
    const all = proposals(sampleVersion());
    expect(all.map((p) => [p.item, p.key, p.status])).toEqual([
      [1, "fee_transparency", "confirmed"],
      [2, "kpi_definition", "confirmed"],
      [3, "term_and_termination", "confirmed"],
      [4, "sla_and_support", "confirmed"],
      [5, "data_ownership_security", "confirmed"],
      [6, "extra_cost_conditions", "confirmed"],
      [7, "performance_risk_sharing", "confirmed"],
      [8, "strategy_fit", "unchecked"],
      [9, "reputation_track_record", "unchecked"],
      [10, "post_signing_review", "confirmed"],
    ]);
  });

  it("1 fee transparency: an uncapped rate or per-unit rule, or no monthly lines, needs action", () => {
    expect(item(sampleVersion(), 1).reasons).toEqual([
      { code: "fees_itemised", params: { initialLines: 2, monthlyLines: 2, performanceRules: 2 } },
    ]);
    const uncapped = edit((v) => {
      v.fees.performanceRules.push({
        kind: "per_unit_over_baseline",
        basis: "orders",
        yenPerUnit: 10,
        baseline: 0,
        cap: null,
      });
      v.fees.monthlyFeeLines = [];
    });
    expect(item(uncapped, 1)).toMatchObject({
      status: "needs_action",
      reasons: [{ code: "no_monthly_fee_lines" }, { code: "performance_fee_has_no_cap", params: { rule: 2 } }],
    });
    // A bonus is a fixed sum: no cap needed.
    const bonusOnly = edit((v) => {
      v.fees.performanceRules = [{ kind: "bonus_at_threshold", metric: "roas", thresholdBp: 1, bonus: 1, cap: null }];
    });
    expect(item(bonusOnly, 1).status).toBe("confirmed");
  });

  it("2 KPI definition: reads the KPI plan, and says so when it was not given", () => {
    expect(item(sampleVersion(), 2, {})).toEqual({
      status: "unchecked",
      codes: ["kpi_plan_not_provided"],
      reasons: [{ code: "kpi_plan_not_provided" }],
    });
    expect(item(sampleVersion(), 2, { kpiPlan: { ...PLAN, kpis: [], kpisWithTargets: 0 } }).codes).toEqual([
      "no_kpi_plan",
    ]);
    const gaps = item(sampleVersion(), 2, {
      kpiPlan: {
        kpis: ["sales", "cvr"],
        kpisWithTargets: 1,
        dataSourcesStated: false,
        reviewCadence: null,
        thirdPartyAudit: null,
      },
    });
    expect(gaps.status).toBe("needs_action");
    expect(gaps.reasons).toEqual([
      { code: "kpis_without_targets", params: { count: 1 } },
      { code: "kpi_data_source_not_stated" },
      { code: "kpi_reporting_frequency_not_stated" },
      { code: "third_party_audit_not_stated" },
      { code: "bonus_metric_not_in_kpi_plan", params: { metric: "roas" } },
    ]);
    expect(item(sampleVersion(), 2).reasons).toEqual([
      { code: "kpis_defined", params: { kpis: 5, cadence: "monthly" } },
    ]);
  });

  it("3 term and termination: end date, notice, termination fee, data hand-over", () => {
    const open = edit((v) => {
      Object.assign(v.terms, { endDate: null, autoRenew: false, renewalMonths: null, noticeDays: null });
      v.terms.earlyTerminationFee = null;
      v.terms.dataHandover = { provided: false, format: null };
    });
    expect(item(open, 3)).toMatchObject({
      status: "needs_action",
      codes: ["no_end_date", "notice_period_not_stated", "termination_fee_not_stated", "no_data_handover_clause"],
    });
    const noFormat = edit((v) => (v.terms.dataHandover = { provided: true, format: null }));
    expect(item(noFormat, 3).codes).toEqual(["data_handover_format_not_stated"]);
    // A stated fee of zero is a stated fee.
    expect(
      item(
        edit((v) => (v.terms.earlyTerminationFee = 0)),
        3,
      ).status,
    ).toBe("confirmed");
  });

  it("4 SLA and support: no SLA, or missing hours, targets or incident procedure", () => {
    expect(
      item(
        edit((v) => (v.sla = null)),
        4,
      ),
    ).toMatchObject({ status: "needs_action", codes: ["no_sla"] });
    const thin = edit((v) => {
      if (v.sla === null) return;
      Object.assign(v.sla, { supportFrom: null, supportTo: null, firstResponseHours: null, escalationRoute: "" });
      v.sla.resolutionHours.p3 = null;
    });
    expect(item(thin, 4).reasons).toEqual([
      { code: "support_hours_not_stated" },
      { code: "first_response_target_not_stated" },
      { code: "resolution_target_not_stated", params: { severity: "p3" } },
      { code: "no_incident_procedure" },
    ]);
  });

  it("5 data ownership and security: each clause must be written", () => {
    const bare = edit((v) => {
      v.terms.clauses.dataOwnership = "";
      v.terms.clauses.confidentiality = "  ";
    });
    expect(item(bare, 5)).toMatchObject({
      status: "needs_action",
      codes: ["no_data_ownership_clause", "no_confidentiality_clause"],
    });
  });

  it("6 extra costs: customisation rate, extra marketplace price, a price for every option in scope", () => {
    const priced = edit((v) => (v.terms.scope.options = ["photography"]));
    expect(item(priced, 6)).toMatchObject({ status: "confirmed", codes: ["extra_costs_stated"] });
    const none = edit((v) => {
      v.fees.additionalFees = [];
      v.terms.scope.options = ["design", "photography"];
    });
    expect(item(none, 6).reasons).toEqual([
      { code: "no_customisation_rate" },
      { code: "no_extra_marketplace_price" },
      { code: "option_without_price", params: { option: "design" } },
      { code: "option_without_price", params: { option: "photography" } },
    ]);
  });

  it("7 risk sharing: not applicable without a performance fee, otherwise the no-guarantee clause", () => {
    expect(
      item(
        edit((v) => (v.fees.performanceRules = [])),
        7,
      ),
    ).toMatchObject({
      status: "not_applicable",
      codes: ["no_performance_fee"],
    });
    expect(
      item(
        edit((v) => (v.terms.resultsNotGuaranteed = false)),
        7,
      ),
    ).toMatchObject({
      status: "needs_action",
      codes: ["no_guarantee_clause_missing"],
    });
  });

  it("8 and 9 are manual judgements, always unchecked", () => {
    for (const n of [8, 9] as const) {
      expect(item(sampleVersion(), n)).toMatchObject({ status: "unchecked", codes: ["manual_judgement"] });
    }
  });

  it("10 review: cadence and next date stated, and not overdue", () => {
    expect(item(sampleVersion(), 10).reasons).toEqual([
      { code: "review_planned", params: { cadenceMonths: 3, date: "2026-07-01" } },
    ]);
    const none = edit((v) => Object.assign(v.terms, { reviewCadenceMonths: null, nextReviewDate: null }));
    expect(item(none, 10).codes).toEqual(["no_review_cadence", "no_next_review_date"]);
    expect(item(sampleVersion(), 10, { ...CONTEXT, today: "2026-07-02" }).reasons).toEqual([
      { code: "review_overdue", params: { date: "2026-07-01" } },
    ]);
    // Without today, no overdue check.
    expect(item(sampleVersion(), 10, { kpiPlan: PLAN }).status).toBe("confirmed");
  });

  it("answers field errors for an invalid version or context", () => {
    const bad = proposeChecklist(edit((v) => (v.fees.initialFeeSplitMonths = 0)));
    expect(bad.ok ? [] : bad.errors.map((e) => e.field)).toEqual(["fees.initialFeeSplitMonths"]);
    const badContext = proposeChecklist(sampleVersion(), {
      today: "2026-13-01",
      kpiPlan: { ...PLAN, kpisWithTargets: 6 },
    });
    expect(badContext.ok ? [] : badContext.errors.map((e) => [e.field, e.code])).toEqual([
      ["context.today", "invalid_format"],
      ["context.kpiPlan.kpisWithTargets", "above_maximum"],
    ]);
  });

  it("counts completion: confirmed and not applicable", () => {
    expect(checklistCompletion(proposals(sampleVersion()))).toEqual({ done: 8, of: 10 });
  });
});

describe("carryForward", () => {
  const confirmations = CHECKLIST_ITEMS.map(({ item }) => ({
    item,
    status: "confirmed" as const,
    evidence: `契約書 第${item}条`,
    checkedBy: "user-1",
    checkedAt: "2026-04-01T09:00:00+09:00",
  }));

  function kept(next: ContractVersion, options = {}): number[] {
    return carryForward(sampleVersion(), next, confirmations, options).kept.map((c) => c.item);
  }

  it("keeps every confirmation when nothing changed, records untouched", () => {
    const result = carryForward(sampleVersion(), sampleVersion(), confirmations);
    expect(result.kept).toEqual(confirmations);
    expect(result.dropped).toEqual([]);
  });

  it("drops exactly the items whose fields changed, naming the fields", () => {
    const next = edit((v) => {
      v.fees.monthlyFeeLines[0] = { label: "運営代行", amount: 320_000 };
      v.terms.noticeDays = 90;
    });
    expect(kept(next)).toEqual([2, 4, 5, 6, 7, 8, 9, 10]);
    const dropped = carryForward(sampleVersion(), next, confirmations).dropped;
    expect(dropped.map((d) => [d.confirmation.item, d.changedFields])).toEqual([
      [1, ["fees.monthlyFeeLines"]],
      [3, ["terms.noticeDays"]],
    ]);
  });

  it("follows the dependency table for each item", () => {
    const cases: [ChecklistItemNumber[], (v: ContractVersion) => void][] = [
      [[1, 2, 7], (v) => (v.fees.performanceRules = [])],
      [
        [2, 4],
        (v) => {
          if (v.sla) v.sla.weeklyUpdateDay = "fri";
        },
      ],
      [
        [4],
        (v) => {
          if (v.sla) v.sla.firstResponseHours = 8;
        },
      ],
      [[3], (v) => (v.terms.clauses.handover = "30日以内")],
      [[5], (v) => (v.terms.clauses.thirdPartySharing = "")],
      [[6, 8], (v) => (v.terms.scope.options = [])],
      [[8], (v) => (v.terms.scope.areas = ["customer_support"])],
      [[7], (v) => (v.terms.resultsNotGuaranteed = false)],
      [[10], (v) => (v.terms.nextReviewDate = "2026-10-01")],
      [[1], (v) => (v.fees.initialFeeSplitMonths = 2)],
    ];
    for (const [droppedItems, change] of cases) {
      const all: number[] = CHECKLIST_ITEMS.map((i) => i.item);
      expect(kept(edit(change))).toEqual(all.filter((n) => !droppedItems.includes(n as ChecklistItemNumber)));
    }
  });

  it("item 9 survives any amendment; item 2 drops when the KPI plan changed", () => {
    const everything = edit((v) => {
      v.terms.startDate = "2026-05-01";
      v.fees = { ...v.fees, monthlyFeeLines: [], performanceRules: [], additionalFees: [] };
      v.sla = null;
      v.terms.scope.areas = ["orders_shipping"];
      v.terms.clauses.dataOwnership = "";
      v.terms.nextReviewDate = null;
    });
    expect(kept(everything)).toEqual([9]);
    expect(kept(sampleVersion(), { kpiPlanChanged: true })).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("treats an omitted optional cap as the same as null", () => {
    const previous = edit(
      (v) => (v.fees.performanceRules = [{ kind: "bonus_at_threshold", metric: "roas", thresholdBp: 1, bonus: 1 }]),
    );
    const next = edit(
      (v) =>
        (v.fees.performanceRules = [
          { kind: "bonus_at_threshold", metric: "roas", thresholdBp: 1, bonus: 1, cap: null },
        ]),
    );
    expect(changedDependencies(1, previous, next)).toEqual([]);
  });

  it("every dependency path names a field that exists on a version", () => {
    const v = sampleVersion() as unknown as Record<string, unknown>;
    for (const paths of Object.values(ITEM_DEPENDENCIES)) {
      for (const path of paths) {
        let value: unknown = v;
        for (const part of path.split(".")) value = (value as Record<string, unknown>)[part];
        expect(value, path).not.toBeUndefined();
      }
    }
  });
});
