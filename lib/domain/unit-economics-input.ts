// The inputs of one P/L line (SPEC §5) and their validation.
//
// Amounts are integer yen, rates integer basis points (10,000 bp = 100 %). The upper limits exist so
// that every product the engine forms — rate × amount, gain × monthly orders — stays an exact safe
// integer; they are far above anything a real order carries.

import type { FieldError, Result } from "./result";
import { fail, ok } from "./result";
import { checkInteger, fieldError, isRecord } from "./validate";

export const LIMITS = {
  /** Any per-order yen figure: AOV, shipping, CPA, CPC, … (¥100 million per order). */
  maxYenPerOrder: 100_000_000,
  /** ACOS may exceed 100 % (launch campaigns do), but not absurdly: 1,000 %. */
  maxAcosBp: 100_000,
  maxOtherVariableItems: 20,
  maxNameLength: 100,
  /** Orders per month for one line or channel; keeps gain × orders exact (see header). */
  maxMonthlyOrders: 1_000_000,
  /** Monthly profit level for "orders needed" (¥1 trillion). */
  maxMonthlyProfit: 1_000_000_000_000,
} as const;

export type AdsInput =
  | { mode: "cpa"; cpa: number }
  | { mode: "cpc_cvr"; cpc: number; cvrBp: number }
  | { mode: "acos"; acosBp: number };

export type AdMode = AdsInput["mode"];

export const AD_MODES: readonly AdMode[] = ["cpa", "cpc_cvr", "acos"];

export interface OtherVariableCost {
  name: string;
  amount: number;
}

export interface LineInput {
  aov: number;
  grossMarginBp: number;
  feeRateBp: number;
  pointsRateBp: number;
  shipping: number;
  packaging: number;
  returnLoss: number;
  /** Named per-order yen lines (FBA fulfilment, FBA storage, …); absent means none. */
  otherVariable?: readonly OtherVariableCost[];
  ads: AdsInput;
  /** Target contribution per order; absent means no allowed-CPA figure is asked for. */
  targetContributionPerOrder?: number | null;
}

/** A LineInput that passed validation, with optional parts made explicit. */
export interface ValidLineInput {
  aov: number;
  grossMarginBp: number;
  feeRateBp: number;
  pointsRateBp: number;
  shipping: number;
  packaging: number;
  returnLoss: number;
  otherVariable: readonly OtherVariableCost[];
  ads: AdsInput;
  targetContributionPerOrder: number | null;
}

const YEN = { min: 0, max: LIMITS.maxYenPerOrder, minCode: "must_not_be_negative" } as const;
const POSITIVE_YEN = { min: 1, max: LIMITS.maxYenPerOrder, minCode: "must_be_positive" } as const;
const RATE_BP = { min: 0, max: 10_000, minCode: "must_not_be_negative", maxCode: "rate_above_100_percent" } as const;

export function validateLineInput(input: unknown): Result<ValidLineInput> {
  if (!isRecord(input)) return fail([fieldError("", "invalid_type")]);
  const errors: FieldError[] = [];
  const aov = checkInteger(errors, "aov", input.aov, POSITIVE_YEN);
  const grossMarginBp = checkInteger(errors, "grossMarginBp", input.grossMarginBp, RATE_BP);
  const feeRateBp = checkInteger(errors, "feeRateBp", input.feeRateBp, RATE_BP);
  const pointsRateBp = checkInteger(errors, "pointsRateBp", input.pointsRateBp, RATE_BP);
  const shipping = checkInteger(errors, "shipping", input.shipping, YEN);
  const packaging = checkInteger(errors, "packaging", input.packaging, YEN);
  const returnLoss = checkInteger(errors, "returnLoss", input.returnLoss, YEN);
  const otherVariable = validateOtherVariable(errors, input.otherVariable);
  const ads = validateAds(errors, input.ads);
  const target = input.targetContributionPerOrder;
  const targetContributionPerOrder =
    target === undefined || target === null ? null : checkInteger(errors, "targetContributionPerOrder", target, YEN);

  if (
    errors.length > 0 ||
    aov === undefined ||
    grossMarginBp === undefined ||
    feeRateBp === undefined ||
    pointsRateBp === undefined ||
    shipping === undefined ||
    packaging === undefined ||
    returnLoss === undefined ||
    otherVariable === undefined ||
    ads === undefined ||
    targetContributionPerOrder === undefined
  ) {
    return fail(errors);
  }
  return ok({
    aov,
    grossMarginBp,
    feeRateBp,
    pointsRateBp,
    shipping,
    packaging,
    returnLoss,
    otherVariable,
    ads,
    targetContributionPerOrder,
  });
}

function validateOtherVariable(errors: FieldError[], value: unknown): OtherVariableCost[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.push(fieldError("otherVariable", "invalid_type"));
    return undefined;
  }
  if (value.length > LIMITS.maxOtherVariableItems) {
    errors.push(fieldError("otherVariable", "too_many_items", { max: LIMITS.maxOtherVariableItems }));
    return undefined;
  }
  const before = errors.length;
  const items: OtherVariableCost[] = [];
  value.forEach((item: unknown, i) => {
    const field = `otherVariable.${i}`;
    if (!isRecord(item)) {
      errors.push(fieldError(field, "invalid_type"));
      return;
    }
    const name = validateName(errors, `${field}.name`, item.name);
    const amount = checkInteger(errors, `${field}.amount`, item.amount, YEN);
    if (name !== undefined && amount !== undefined) items.push({ name, amount });
  });
  return errors.length === before ? items : undefined;
}

function validateName(errors: FieldError[], field: string, value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") {
    errors.push(fieldError(field, "required"));
    return undefined;
  }
  const name = value.trim();
  if (name.length > LIMITS.maxNameLength) {
    errors.push(fieldError(field, "too_long", { max: LIMITS.maxNameLength }));
    return undefined;
  }
  return name;
}

function validateAds(errors: FieldError[], value: unknown): AdsInput | undefined {
  if (!isRecord(value)) {
    errors.push(fieldError("ads", value === undefined || value === null ? "required" : "invalid_type"));
    return undefined;
  }
  switch (value.mode) {
    case "cpa": {
      const cpa = checkInteger(errors, "ads.cpa", value.cpa, YEN);
      return cpa === undefined ? undefined : { mode: "cpa", cpa };
    }
    case "cpc_cvr": {
      const cpc = checkInteger(errors, "ads.cpc", value.cpc, YEN);
      // CVR 0 would mean an infinite CPA; 100 % is the most a conversion rate can be.
      const cvrBp = checkInteger(errors, "ads.cvrBp", value.cvrBp, { ...RATE_BP, min: 1, minCode: "must_be_positive" });
      if (cpc === undefined || cvrBp === undefined) return undefined;
      // Keeps the derived CPA inside the same per-order bound as a CPA typed in directly.
      if (cpc * 10_000 > LIMITS.maxYenPerOrder * cvrBp) {
        errors.push(fieldError("ads", "derived_cpa_above_maximum", { max: LIMITS.maxYenPerOrder }));
        return undefined;
      }
      return { mode: "cpc_cvr", cpc, cvrBp };
    }
    case "acos": {
      const acosBp = checkInteger(errors, "ads.acosBp", value.acosBp, {
        min: 0,
        max: LIMITS.maxAcosBp,
        minCode: "must_not_be_negative",
      });
      return acosBp === undefined ? undefined : { mode: "acos", acosBp };
    }
    default:
      errors.push(fieldError("ads.mode", "invalid_option"));
      return undefined;
  }
}
