// Pricing what-if (issue 11): the month re-billed with another monthly fee, other hours or another
// performance rule, and the margin that would follow; and the smallest whole-yen monthly fee that reaches a
// target margin, found with the invoice engine itself (so proration and SLA credits count). Nothing is
// saved: pure, and runs in the browser as the manager types.

import { billMonth } from "@/lib/contracts/actuals";
import type { ContractVersion, PerformanceRule } from "@/lib/domain/contract";
import type { InvoiceActuals } from "@/lib/domain/invoice";
import { feeForTargetMargin, type Margin, marginOfTotals } from "@/lib/domain/margin";
import { BP_PER_UNIT, roundHalfUpDiv } from "@/lib/domain/money";

export interface WhatIfBase {
  month: string;
  /** The contract whose invoice the what-if changes; null when no contract bills the month. */
  document: ContractVersion | null;
  actuals: InvoiceActuals | null;
  taxRounding: "floor" | "round" | "ceil";
  /** The month's revenue (all contracts) and that contract's part of it. */
  revenue: number | null;
  contractRevenue: number;
  minutes: number;
  labourCost: number;
  directCost: number;
  unratedMembers: string[];
}

/** A rule's figures as the what-if may change them (the same kind of rule, other numbers). */
export interface RuleChange {
  /** rate_over_baseline: bp of the excess; per_unit_over_baseline: yen per order; bonus: the bonus. */
  amount?: number;
  baseline?: number;
}

export interface WhatIfChanges {
  monthlyFee?: number | null;
  minutes?: number | null;
  rules?: readonly (RuleChange | undefined)[];
}

export function monthlyFeeOf(document: ContractVersion): number {
  return document.fees.monthlyFeeLines.reduce((sum, line) => sum + line.amount, 0);
}

/** A rule's changeable amount: its rate, yen per order or bonus. */
export function ruleAmount(rule: PerformanceRule): number {
  if (rule.kind === "rate_over_baseline") return rule.rateBp;
  if (rule.kind === "per_unit_over_baseline") return rule.yenPerUnit;
  return rule.bonus;
}

function changedRule(rule: PerformanceRule, change: RuleChange | undefined): PerformanceRule {
  if (!change) return rule;
  const amount = change.amount;
  switch (rule.kind) {
    case "rate_over_baseline":
      return { ...rule, rateBp: amount ?? rule.rateBp, baseline: change.baseline ?? rule.baseline };
    case "per_unit_over_baseline":
      return { ...rule, yenPerUnit: amount ?? rule.yenPerUnit, baseline: change.baseline ?? rule.baseline };
    case "bonus_at_threshold":
      return { ...rule, bonus: amount ?? rule.bonus };
  }
}

/** The document with the changes: the monthly fee as one line (the first line's label), rules re-figured. */
export function changedDocument(document: ContractVersion, changes: WhatIfChanges): ContractVersion {
  const fee = changes.monthlyFee;
  const monthlyFeeLines =
    fee === null || fee === undefined
      ? document.fees.monthlyFeeLines
      : [{ label: document.fees.monthlyFeeLines[0]?.label ?? "月額", amount: fee }];
  return {
    ...document,
    fees: {
      ...document.fees,
      monthlyFeeLines,
      performanceRules: document.fees.performanceRules.map((r, i) => changedRule(r, changes.rules?.[i])),
    },
  };
}

/** The contract's invoice before tax with the document; null when it bills nothing that month. */
function billed(base: WhatIfBase, document: ContractVersion): number | null {
  const outcome = billMonth(document, base.month, base.actuals, { taxRounding: base.taxRounding });
  if (!outcome.ok || outcome.value.kind !== "invoice") return null;
  return outcome.value.invoice.totals.taxable;
}

export interface WhatIfResult {
  revenue: number | null;
  labourCost: number;
  minutes: number;
  margin: Margin;
  /** The revenue changes made invalid (a rule the engine refuses): the figures stay the base's. */
  invalid: boolean;
}

export function whatIf(base: WhatIfBase, changes: WhatIfChanges): WhatIfResult {
  let revenue = base.revenue;
  let invalid = false;
  if (base.document) {
    const contract = billed(base, changedDocument(base.document, changes));
    if (contract === null) invalid = true;
    else revenue = (base.revenue ?? 0) - base.contractRevenue + contract;
  }
  const minutes = changes.minutes ?? base.minutes;
  // Other hours at the month's average rate (what the same people would cost).
  const labourCost =
    minutes === base.minutes || base.minutes === 0
      ? base.labourCost
      : roundHalfUpDiv(BigInt(base.labourCost) * BigInt(minutes), base.minutes);
  const margin = marginOfTotals({
    revenue,
    minutes,
    labourCost,
    directCost: base.directCost,
    unratedMembers: base.unratedMembers,
  });
  return { revenue, labourCost, minutes, margin, invalid };
}

const MAX_FEE = 1_000_000_000;

/**
 * The smallest whole-yen monthly fee at which the month's margin reaches `targetBp` with the other changes
 * (hours, rules) applied: (revenue − cost) × 10,000 ≥ target × revenue, exactly. Re-bills with the engine
 * (binary search: revenue never falls as the fee rises); without a contract, the fee alone must cover it
 * (lib/domain/margin.ts feeForTargetMargin). null when no fee up to ¥1 billion reaches it.
 */
export function feeNeeded(base: WhatIfBase, changes: WhatIfChanges, targetBp: number): number | null {
  const reaches = (fee: number) => {
    const r = whatIf(base, { ...changes, monthlyFee: fee });
    if (r.revenue === null || r.revenue <= 0 || r.invalid) return false;
    const cost = r.labourCost + base.directCost;
    return (BigInt(r.revenue) - BigInt(cost)) * BigInt(BP_PER_UNIT) >= BigInt(targetBp) * BigInt(r.revenue);
  };
  if (!base.document) {
    const cost = whatIf(base, changes);
    const fee = feeForTargetMargin({
      deliveryCost: cost.labourCost + base.directCost,
      otherRevenue: Math.max(0, base.revenue ?? 0),
      targetBp,
    });
    return fee.ok ? fee.value : null;
  }
  if (!reaches(MAX_FEE)) return null;
  let low = 0;
  let high = MAX_FEE;
  if (reaches(0)) return 0;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (reaches(mid)) high = mid;
    else low = mid;
  }
  return high;
}
