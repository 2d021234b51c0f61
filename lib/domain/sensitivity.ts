// Sensitivity levers (SPEC §5): move one input of a line, recompute, and rank the levers by the yen
// they add per order and per month — the weekly review's "top 3 issues".
//
// A lever is recomputed through the whole line, so AOV +500 also raises fee, points and (in ACOS mode)
// ad cost. That is why AOV +500 can lose money when gross margin < fee + points (+ ACOS); the gain is
// reported as it is, negative included, rather than assumed helpful.

import { applyBp, BP_PER_UNIT } from "./money";
import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { computeLineFigures } from "./unit-economics";
import type { LineInput, ValidLineInput } from "./unit-economics-input";
import { LIMITS, validateLineInput } from "./unit-economics-input";
import { checkInteger } from "./validate";

/** The lever sizes of SPEC §5 (and the article's WBR plan). */
export const LEVER_STEPS = {
  shippingYen: 100,
  aovYen: 500,
  cvrBp: 50,
  pointsBp: 200,
  cpcReductionBp: 2_000,
} as const;

/** Listed in SPEC order, which also breaks ties in the ranking so it is deterministic. */
export const LEVER_IDS = [
  "shipping_minus_100",
  "aov_plus_500",
  "cvr_plus_50bp",
  "points_minus_200bp",
  "cpc_minus_20pct",
] as const;

export type LeverId = (typeof LEVER_IDS)[number];

export interface LeverNote {
  code: "not_applicable_in_ad_mode";
  message: string;
}

export interface LeverEffect {
  lever: LeverId;
  /** False for CVR and CPC levers outside CPC ÷ CVR mode: there is no CPC or CVR to move. */
  applicable: boolean;
  note: LeverNote | null;
  contributionBefore: number;
  contributionAfter: number;
  gainPerOrder: number;
  gainPerMonth: number;
}

const NOT_APPLICABLE: LeverNote = {
  code: "not_applicable_in_ad_mode",
  message: "Not applicable: this line's ad cost is not entered as CPC ÷ CVR.",
};

/** The moved line, or null when the lever does not apply to this line's ad mode. */
function moveLever(lever: LeverId, line: ValidLineInput): ValidLineInput | null {
  const { ads } = line;
  switch (lever) {
    case "shipping_minus_100":
      return { ...line, shipping: Math.max(0, line.shipping - LEVER_STEPS.shippingYen) };
    case "aov_plus_500":
      return { ...line, aov: line.aov + LEVER_STEPS.aovYen };
    case "points_minus_200bp":
      return { ...line, pointsRateBp: Math.max(0, line.pointsRateBp - LEVER_STEPS.pointsBp) };
    case "cvr_plus_50bp":
      if (ads.mode !== "cpc_cvr") return null;
      return { ...line, ads: { ...ads, cvrBp: Math.min(BP_PER_UNIT, ads.cvrBp + LEVER_STEPS.cvrBp) } };
    case "cpc_minus_20pct":
      if (ads.mode !== "cpc_cvr") return null;
      return { ...line, ads: { ...ads, cpc: applyBp(ads.cpc, BP_PER_UNIT - LEVER_STEPS.cpcReductionBp) } };
  }
}

/** Validates the line and the monthly orders, then ranks every lever. Never throws. */
export function analyseSensitivity(input: LineInput, monthlyOrders: number): Result<LeverEffect[]> {
  const valid = validateLineInput(input);
  const errors: FieldError[] = valid.ok ? [] : [...valid.errors];
  const orders = checkInteger(errors, "monthlyOrders", monthlyOrders, {
    min: 0,
    max: LIMITS.maxMonthlyOrders,
    minCode: "must_not_be_negative",
  });
  if (!valid.ok || orders === undefined) return fail(errors);
  return ok(rankLevers(valid.value, orders));
}

/** Every lever's effect, best first: gain per order, then applicable before not, then SPEC order. */
export function rankLevers(line: ValidLineInput, monthlyOrders: number): LeverEffect[] {
  const before = computeLineFigures(line).contributionPerOrder;
  const effects = LEVER_IDS.map((lever): LeverEffect => {
    const moved = moveLever(lever, line);
    const after = moved === null ? before : computeLineFigures(moved).contributionPerOrder;
    const gainPerOrder = after - before;
    return {
      lever,
      applicable: moved !== null,
      note: moved === null ? NOT_APPLICABLE : null,
      contributionBefore: before,
      contributionAfter: after,
      gainPerOrder,
      gainPerMonth: gainPerOrder * monthlyOrders + 0, // + 0: a zero gain never shows as −0
    };
  });
  return effects.sort(byRank);
}

function byRank(a: LeverEffect, b: LeverEffect): number {
  return (
    b.gainPerOrder - a.gainPerOrder ||
    Number(b.applicable) - Number(a.applicable) ||
    LEVER_IDS.indexOf(a.lever) - LEVER_IDS.indexOf(b.lever)
  );
}

/**
 * The n best levers worth raising in the weekly review: applicable and actually gaining yen.
 * A lever with no effect (shipping already 0, not applicable) is not an "issue" to work on.
 */
export function topLevers(effects: readonly LeverEffect[], n = 3): LeverEffect[] {
  const count = Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : 0;
  return effects
    .filter((effect) => effect.applicable && effect.gainPerOrder > 0)
    .sort(byRank)
    .slice(0, count);
}
