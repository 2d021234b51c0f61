// The 10-point contract checklist (SPEC §8, seed 000): a proposed status per item from the contract's own
// data, with the reasons, and which confirmations survive an amendment.
//
// A proposal is only a proposal: the manager confirms each item (with evidence) and may overrule it.
// Items 8 (strategy fit) and 9 (reputation and track record) are judgements the data cannot make: they are
// always proposed "unchecked".
//
// Each item depends on named fields of the version (ITEM_DEPENDENCIES, one table): an amendment that
// changes none of them keeps the item's confirmation; one that changes any of them drops it, since what
// was confirmed is no longer what the contract says.

import { parseDateKey } from "./calendar";
import type { BonusMetric, ContractVersion, ServiceOption } from "./contract";
import { validateContractVersion } from "./contract";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { checkInteger, fieldError, isRecord } from "./validate";

export const CHECKLIST_ITEMS = [
  { item: 1, key: "fee_transparency" },
  { item: 2, key: "kpi_definition" },
  { item: 3, key: "term_and_termination" },
  { item: 4, key: "sla_and_support" },
  { item: 5, key: "data_ownership_security" },
  { item: 6, key: "extra_cost_conditions" },
  { item: 7, key: "performance_risk_sharing" },
  { item: 8, key: "strategy_fit" },
  { item: 9, key: "reputation_track_record" },
  { item: 10, key: "post_signing_review" },
] as const;

export type ChecklistItemNumber = (typeof CHECKLIST_ITEMS)[number]["item"];
export type ChecklistItemKey = (typeof CHECKLIST_ITEMS)[number]["key"];

export const CHECKLIST_STATUSES = ["unchecked", "confirmed", "needs_action", "not_applicable"] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** Items only a person can judge. */
export const MANUAL_ITEMS: readonly ChecklistItemNumber[] = [8, 9];

/**
 * The fields of a version each item reads, as dotted paths. Item 2 also reads the client's KPI plan,
 * which lives outside the version (see carryForward's kpiPlanChanged).
 */
export const ITEM_DEPENDENCIES: Readonly<Record<ChecklistItemNumber, readonly string[]>> = {
  1: ["fees.initialFeeLines", "fees.initialFeeSplitMonths", "fees.monthlyFeeLines", "fees.performanceRules"],
  // The KPIs a bonus is paid on, and the reporting rhythm the SLA sets.
  2: ["fees.performanceRules", "sla.reportDeadlineBusinessDay", "sla.weeklyUpdateDay"],
  3: [
    "terms.startDate",
    "terms.endDate",
    "terms.autoRenew",
    "terms.renewalMonths",
    "terms.noticeDays",
    "terms.earlyTerminationFee",
    "terms.dataHandover",
    "terms.clauses.handover",
  ],
  4: ["sla"],
  5: ["terms.clauses.dataOwnership", "terms.clauses.confidentiality", "terms.clauses.thirdPartySharing"],
  6: ["fees.additionalFees", "terms.scope.options"],
  7: ["fees.performanceRules", "terms.resultsNotGuaranteed"],
  // What is outsourced is what has to fit the client's strategy.
  8: ["terms.scope"],
  // The agency's reputation does not change with an amendment.
  9: [],
  10: ["terms.reviewCadenceMonths", "terms.nextReviewDate"],
};

export type ChecklistReasonCode =
  // 1 fee transparency
  | "fees_itemised"
  | "no_monthly_fee_lines"
  | "performance_fee_has_no_cap"
  // 2 KPI definition
  | "kpi_plan_not_provided"
  | "no_kpi_plan"
  | "kpis_without_targets"
  | "kpi_data_source_not_stated"
  | "kpi_reporting_frequency_not_stated"
  | "third_party_audit_not_stated"
  | "bonus_metric_not_in_kpi_plan"
  | "kpis_defined"
  // 3 term and termination
  | "no_end_date"
  | "notice_period_not_stated"
  | "termination_fee_not_stated"
  | "no_data_handover_clause"
  | "data_handover_format_not_stated"
  | "term_and_exit_stated"
  // 4 SLA and support
  | "no_sla"
  | "support_hours_not_stated"
  | "first_response_target_not_stated"
  | "resolution_target_not_stated"
  | "no_incident_procedure"
  | "sla_stated"
  // 5 data ownership and security
  | "no_data_ownership_clause"
  | "no_third_party_sharing_clause"
  | "no_confidentiality_clause"
  | "data_clauses_stated"
  // 6 extra costs
  | "no_customisation_rate"
  | "no_extra_marketplace_price"
  | "option_without_price"
  | "extra_costs_stated"
  // 7 performance-fee risk sharing
  | "no_performance_fee"
  | "no_guarantee_clause_missing"
  | "results_not_guaranteed_acknowledged"
  // 8, 9
  | "manual_judgement"
  // 10 review process
  | "no_review_cadence"
  | "no_next_review_date"
  | "review_overdue"
  | "review_planned";

export interface ChecklistReason {
  code: ChecklistReasonCode;
  params?: Readonly<Record<string, string | number>>;
}

export interface ChecklistProposal {
  item: ChecklistItemNumber;
  key: ChecklistItemKey;
  status: ChecklistStatus;
  /** Why; for needs_action every gap found, for confirmed what was found. */
  reasons: ChecklistReason[];
}

/** What the client's KPI plan (§6) says, summarised by the caller for item 2. */
export interface KpiPlanSummary {
  /** KPIs the plan shows, by their §6 key ("sales", "roas", "cvr", "repeat_rate", …). */
  kpis: readonly string[];
  /** How many of them have a target for the month in question. */
  kpisWithTargets: number;
  /** Whether the plan names where each figure comes from (RMS, Seller Central, …). */
  dataSourcesStated: boolean;
  reviewCadence: "weekly" | "monthly" | "quarterly" | null;
  /** Whether a third party audits the figures; null = not stated. */
  thirdPartyAudit: boolean | null;
}

export interface ChecklistContext {
  /** Absent or null: the plan was not looked up, and item 2 says so. */
  kpiPlan?: KpiPlanSummary | null;
  /** "YYYY-MM-DD", Asia/Tokyo; when given, a past next-review date is flagged. */
  today?: string | null;
}

export function proposeChecklist(
  version: ContractVersion,
  context: ChecklistContext = {},
): Result<ChecklistProposal[]> {
  const valid = validateContractVersion(version);
  if (!valid.ok) return valid;
  const ctx = validateContext(context);
  if (!ctx.ok) return ctx;
  const v = valid.value;
  const proposals: Record<ChecklistItemNumber, ChecklistReason[] | "manual" | "not_applicable_no_performance_fee"> = {
    1: feeTransparency(v),
    2: kpiDefinition(v, ctx.value.kpiPlan ?? null),
    3: termAndTermination(v),
    4: slaAndSupport(v),
    5: dataSecurity(v),
    6: extraCosts(v),
    7: v.fees.performanceRules.length === 0 ? "not_applicable_no_performance_fee" : riskSharing(v),
    8: "manual",
    9: "manual",
    10: review(v, ctx.value.today ?? null),
  };
  return ok(
    CHECKLIST_ITEMS.map(({ item, key }): ChecklistProposal => {
      const found = proposals[item];
      if (found === "manual") return { item, key, status: "unchecked", reasons: [{ code: "manual_judgement" }] };
      if (found === "not_applicable_no_performance_fee") {
        return { item, key, status: "not_applicable", reasons: [{ code: "no_performance_fee" }] };
      }
      if (found.length === 1 && found[0]?.code === "kpi_plan_not_provided") {
        return { item, key, status: "unchecked", reasons: found };
      }
      const gaps = found.filter((r) => !CONFIRMING.has(r.code));
      return {
        item,
        key,
        status: gaps.length > 0 ? "needs_action" : "confirmed",
        reasons: gaps.length > 0 ? gaps : found,
      };
    }),
  );
}

/** The codes that say an item is in order. */
const CONFIRMING: ReadonlySet<ChecklistReasonCode> = new Set<ChecklistReasonCode>([
  "fees_itemised",
  "kpis_defined",
  "term_and_exit_stated",
  "sla_stated",
  "data_clauses_stated",
  "extra_costs_stated",
  "results_not_guaranteed_acknowledged",
  "review_planned",
]);

function validateContext(context: unknown): Result<ChecklistContext> {
  if (context === undefined || context === null) return ok({});
  if (!isRecord(context)) return fail([fieldError("context", "invalid_type")]);
  const errors: FieldError[] = [];
  let today: string | null = null;
  if (context.today !== undefined && context.today !== null) {
    if (typeof context.today !== "string" || parseDateKey(context.today) === null) {
      errors.push(fieldError("context.today", "invalid_format"));
    } else today = context.today;
  }
  let kpiPlan: KpiPlanSummary | null = null;
  const plan = context.kpiPlan;
  if (plan !== undefined && plan !== null) {
    if (!isRecord(plan)) errors.push(fieldError("context.kpiPlan", "invalid_type"));
    else {
      const before = errors.length;
      const kpis = Array.isArray(plan.kpis) && plan.kpis.every((k) => typeof k === "string") ? plan.kpis : undefined;
      if (kpis === undefined) errors.push(fieldError("context.kpiPlan.kpis", "invalid_type"));
      const withTargets = checkInteger(errors, "context.kpiPlan.kpisWithTargets", plan.kpisWithTargets, {
        min: 0,
        max: kpis?.length ?? 0,
        minCode: "must_not_be_negative",
      });
      if (typeof plan.dataSourcesStated !== "boolean")
        errors.push(fieldError("context.kpiPlan.dataSourcesStated", "invalid_type"));
      const cadence = plan.reviewCadence ?? null;
      if (cadence !== null && cadence !== "weekly" && cadence !== "monthly" && cadence !== "quarterly") {
        errors.push(fieldError("context.kpiPlan.reviewCadence", "invalid_option"));
      }
      const audit = plan.thirdPartyAudit ?? null;
      if (audit !== null && typeof audit !== "boolean")
        errors.push(fieldError("context.kpiPlan.thirdPartyAudit", "invalid_type"));
      if (errors.length === before && kpis !== undefined && withTargets !== undefined) {
        kpiPlan = {
          kpis,
          kpisWithTargets: withTargets,
          dataSourcesStated: plan.dataSourcesStated === true,
          reviewCadence: cadence as KpiPlanSummary["reviewCadence"],
          thirdPartyAudit: audit as boolean | null,
        };
      }
    }
  }
  return errors.length > 0 ? fail(errors) : ok({ kpiPlan, today });
}

// ── The items ────────────────────────────────────────────────────────────────────────────────────────

function feeTransparency(v: ContractVersion): ChecklistReason[] {
  const reasons: ChecklistReason[] = [];
  if (v.fees.monthlyFeeLines.length === 0) reasons.push({ code: "no_monthly_fee_lines" });
  v.fees.performanceRules.forEach((rule, i) => {
    // A bonus is a fixed sum; a rate or a per-unit fee grows without bound unless capped.
    if (rule.kind !== "bonus_at_threshold" && rule.cap === null) {
      reasons.push({ code: "performance_fee_has_no_cap", params: { rule: i } });
    }
  });
  if (reasons.length > 0) return reasons;
  return [
    {
      code: "fees_itemised",
      params: {
        initialLines: v.fees.initialFeeLines.length,
        monthlyLines: v.fees.monthlyFeeLines.length,
        performanceRules: v.fees.performanceRules.length,
      },
    },
  ];
}

function kpiDefinition(v: ContractVersion, plan: KpiPlanSummary | null): ChecklistReason[] {
  if (plan === null) return [{ code: "kpi_plan_not_provided" }];
  if (plan.kpis.length === 0) return [{ code: "no_kpi_plan" }];
  const reasons: ChecklistReason[] = [];
  const without = plan.kpis.length - plan.kpisWithTargets;
  if (without > 0) reasons.push({ code: "kpis_without_targets", params: { count: without } });
  if (!plan.dataSourcesStated) reasons.push({ code: "kpi_data_source_not_stated" });
  if (plan.reviewCadence === null) reasons.push({ code: "kpi_reporting_frequency_not_stated" });
  if (plan.thirdPartyAudit === null) reasons.push({ code: "third_party_audit_not_stated" });
  const metrics = new Set<BonusMetric>();
  for (const rule of v.fees.performanceRules) if (rule.kind === "bonus_at_threshold") metrics.add(rule.metric);
  for (const metric of metrics) {
    if (!plan.kpis.includes(metric)) reasons.push({ code: "bonus_metric_not_in_kpi_plan", params: { metric } });
  }
  if (reasons.length > 0) return reasons;
  return [{ code: "kpis_defined", params: { kpis: plan.kpis.length, cadence: plan.reviewCadence ?? "" } }];
}

function termAndTermination(v: ContractVersion): ChecklistReason[] {
  const t = v.terms;
  const reasons: ChecklistReason[] = [];
  if (t.endDate === null) reasons.push({ code: "no_end_date" });
  if (t.noticeDays === null) reasons.push({ code: "notice_period_not_stated" });
  if (t.earlyTerminationFee === null) reasons.push({ code: "termination_fee_not_stated" });
  if (!t.dataHandover.provided) reasons.push({ code: "no_data_handover_clause" });
  else if (t.dataHandover.format === null) reasons.push({ code: "data_handover_format_not_stated" });
  if (reasons.length > 0) return reasons;
  return [{ code: "term_and_exit_stated" }];
}

function slaAndSupport(v: ContractVersion): ChecklistReason[] {
  const s = v.sla;
  if (s === null) return [{ code: "no_sla" }];
  const reasons: ChecklistReason[] = [];
  if (s.supportDays.length === 0 || s.supportFrom === null || s.channels.length === 0) {
    reasons.push({ code: "support_hours_not_stated" });
  }
  if (s.firstResponseHours === null) reasons.push({ code: "first_response_target_not_stated" });
  for (const severity of ["p1", "p2", "p3"] as const) {
    if (s.resolutionHours[severity] === null)
      reasons.push({ code: "resolution_target_not_stated", params: { severity } });
  }
  if (s.escalationRoute === "" || s.escalationDeadlineHours === null) reasons.push({ code: "no_incident_procedure" });
  if (reasons.length > 0) return reasons;
  return [{ code: "sla_stated" }];
}

function dataSecurity(v: ContractVersion): ChecklistReason[] {
  const c = v.terms.clauses;
  const reasons: ChecklistReason[] = [];
  if (c.dataOwnership === "") reasons.push({ code: "no_data_ownership_clause" });
  if (c.thirdPartySharing === "") reasons.push({ code: "no_third_party_sharing_clause" });
  if (c.confidentiality === "") reasons.push({ code: "no_confidentiality_clause" });
  if (reasons.length > 0) return reasons;
  return [{ code: "data_clauses_stated" }];
}

function extraCosts(v: ContractVersion): ChecklistReason[] {
  const fees = v.fees.additionalFees;
  const reasons: ChecklistReason[] = [];
  if (!fees.some((f) => f.kind === "hourly")) reasons.push({ code: "no_customisation_rate" });
  if (!fees.some((f) => f.kind === "extra_marketplace")) reasons.push({ code: "no_extra_marketplace_price" });
  const priced = new Set<ServiceOption>();
  for (const f of fees) if (f.kind === "option" && f.option) priced.add(f.option);
  for (const option of v.terms.scope.options) {
    if (!priced.has(option)) reasons.push({ code: "option_without_price", params: { option } });
  }
  if (reasons.length > 0) return reasons;
  return [{ code: "extra_costs_stated" }];
}

function riskSharing(v: ContractVersion): ChecklistReason[] {
  return v.terms.resultsNotGuaranteed
    ? [{ code: "results_not_guaranteed_acknowledged" }]
    : [{ code: "no_guarantee_clause_missing" }];
}

function review(v: ContractVersion, today: string | null): ChecklistReason[] {
  const t = v.terms;
  const reasons: ChecklistReason[] = [];
  if (t.reviewCadenceMonths === null) reasons.push({ code: "no_review_cadence" });
  if (t.nextReviewDate === null) reasons.push({ code: "no_next_review_date" });
  else if (today !== null && t.nextReviewDate < today) {
    reasons.push({ code: "review_overdue", params: { date: t.nextReviewDate } });
  }
  if (reasons.length > 0) return reasons;
  return [
    { code: "review_planned", params: { cadenceMonths: t.reviewCadenceMonths ?? 0, date: t.nextReviewDate ?? "" } },
  ];
}

// ── Completion and carrying confirmations forward ───────────────────────────────────────────────────

/** n of 10 for the client list: items confirmed or marked not applicable. */
export function checklistCompletion(items: readonly { status: ChecklistStatus }[]): { done: number; of: number } {
  return {
    done: items.filter((i) => i.status === "confirmed" || i.status === "not_applicable").length,
    of: CHECKLIST_ITEMS.length,
  };
}

/** The fields of ITEM_DEPENDENCIES[item] whose values differ between two versions. */
export function changedDependencies(
  item: ChecklistItemNumber,
  previous: ContractVersion,
  next: ContractVersion,
): string[] {
  return ITEM_DEPENDENCIES[item].filter((path) => !sameValue(valueAt(previous, path), valueAt(next, path)));
}

/**
 * Which of the previous version's checklist records still hold for the new version: a record is kept
 * when none of its item's fields changed, and dropped (with the fields that changed) otherwise. Records
 * pass through untouched, whatever else they carry (evidence, who, when). `kpiPlanChanged` drops item 2,
 * whose KPI plan is not part of a version.
 */
export function carryForward<T extends { item: number }>(
  previous: ContractVersion,
  next: ContractVersion,
  confirmations: readonly T[],
  options: { kpiPlanChanged?: boolean } = {},
): { kept: T[]; dropped: { confirmation: T; changedFields: string[] }[] } {
  const kept: T[] = [];
  const dropped: { confirmation: T; changedFields: string[] }[] = [];
  for (const confirmation of confirmations) {
    const item = confirmation.item as ChecklistItemNumber;
    if (ITEM_DEPENDENCIES[item] === undefined) {
      dropped.push({ confirmation, changedFields: [] });
      continue;
    }
    const changedFields = changedDependencies(item, previous, next);
    if (item === 2 && options.kpiPlanChanged === true) changedFields.push("kpiPlan");
    if (changedFields.length === 0) kept.push(confirmation);
    else dropped.push({ confirmation, changedFields });
  }
  return { kept, dropped };
}

function valueAt(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const part of path.split(".")) {
    if (!isRecord(value)) return undefined;
    value = value[part];
  }
  return value;
}

/** Deep equality of JSON-like values; an absent property equals null (an optional cap left out). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameValue(a[key], b[key])) return false;
    return true;
  }
  return false;
}
