import type { LineInput } from "@/lib/domain/unit-economics";
import { validateLineInput } from "@/lib/domain/unit-economics";
import { AD_MODES, type AdMode, CHANNELS, type Channel, SCENARIOS, type Scenario } from "@/lib/options";
import { bpToPercentText, formatOtherCosts, parseOtherCosts, parsePercentToBp, parseYen } from "./parse";

/**
 * A P/L line's inputs as the forms and the CSV carry them: text cells named by the article's spreadsheet
 * columns. `readPlLine` turns them into exact integers (yen, basis points) with a code per bad cell, and runs
 * the unit-economics engine's own validation so that nothing the engine would refuse is ever stored.
 */
export const INPUT_COLUMNS = [
  "channel",
  "sku",
  "scenario",
  "aov",
  "gross_margin_rate",
  "fee_rate",
  "points_rate",
  "shipping",
  "packaging",
  "return_loss",
  "other_costs",
  "ad_mode",
  "cpa",
  "cpc",
  "cvr",
  "acos",
  "target_contribution",
  "monthly_orders",
] as const;

export type InputColumn = (typeof INPUT_COLUMNS)[number];
export type RawPlLine = Partial<Record<InputColumn, string | undefined>>;

export type PlLineValues = {
  channel: Channel;
  sku: string;
  scenario: Scenario;
  aov: number;
  grossMarginBp: number;
  feeRateBp: number;
  pointsRateBp: number;
  shipping: number;
  packaging: number;
  returnLoss: number;
  otherVariable: { name: string; amount: number }[];
  adMode: AdMode;
  cpa: number | null;
  cpc: number | null;
  cvrBp: number | null;
  acosBp: number | null;
  targetContribution: number | null;
  monthlyOrders: number;
};

/** Stable codes; the UI translates them (economics.errors.*). */
export type CellErrorCode =
  | "required"
  | "not_a_number"
  | "too_precise"
  | "negative"
  | "must_be_positive"
  | "rate_above_100_percent"
  | "too_large"
  | "too_long"
  | "invalid_option"
  | "invalid_other_costs"
  | "invalid";

export type CellErrors = Partial<Record<InputColumn, CellErrorCode>>;
export type ReadResult = { ok: true; value: PlLineValues } | { ok: false; errors: CellErrors };

const MAX_SKU_LENGTH = 100;

export function readPlLine(raw: RawPlLine): ReadResult {
  const errors: CellErrors = {};
  const cell = (column: InputColumn) => (raw[column] ?? "").trim();

  const choice = <T extends string>(column: InputColumn, options: readonly T[], fallback?: T): T | undefined => {
    const v = cell(column);
    if (v === "" && fallback) return fallback;
    if (v === "") errors[column] = "required";
    else if (!(options as readonly string[]).includes(v)) errors[column] = "invalid_option";
    return (options as readonly string[]).includes(v) ? (v as T) : undefined;
  };
  const yen = (column: InputColumn, opts: { optional?: boolean; min?: number } = {}): number | null | undefined => {
    const v = cell(column);
    if (v === "" && opts.optional) return null;
    const parsed = parseYen(v);
    if (!parsed.ok) {
      errors[column] = parsed.code;
      return undefined;
    }
    if (parsed.value < (opts.min ?? 0)) {
      errors[column] = (opts.min ?? 0) > 0 ? "must_be_positive" : "negative";
      return undefined;
    }
    return parsed.value;
  };
  const rate = (column: InputColumn, opts: { optional?: boolean; max?: number } = {}): number | null | undefined => {
    const v = cell(column);
    if (v === "" && opts.optional) return null;
    const parsed = parsePercentToBp(v);
    if (!parsed.ok) {
      errors[column] = parsed.code;
      return undefined;
    }
    if (parsed.value < 0) {
      errors[column] = "negative";
      return undefined;
    }
    if (parsed.value > (opts.max ?? 10_000)) {
      errors[column] = (opts.max ?? 10_000) === 10_000 ? "rate_above_100_percent" : "too_large";
      return undefined;
    }
    return parsed.value;
  };

  const channel = choice("channel", CHANNELS);
  const sku = cell("sku");
  if (sku === "") errors.sku = "required";
  else if (sku.length > MAX_SKU_LENGTH) errors.sku = "too_long";
  const scenario = choice("scenario", SCENARIOS, "base");
  const aov = yen("aov", { min: 1 });
  const grossMarginBp = rate("gross_margin_rate");
  const feeRateBp = rate("fee_rate");
  const pointsRateBp = cell("points_rate") === "" ? 0 : rate("points_rate");
  const shipping = cell("shipping") === "" ? 0 : yen("shipping");
  const packaging = cell("packaging") === "" ? 0 : yen("packaging");
  const returnLoss = cell("return_loss") === "" ? 0 : yen("return_loss");
  const other = parseOtherCosts(cell("other_costs"));
  if (!other.ok) errors.other_costs = "invalid_other_costs";
  const adMode = choice("ad_mode", AD_MODES, "cpa");
  // Only the fields of the chosen advertising mode are read; the others are ignored (and stored empty).
  // An empty CPA in CPA mode means no advertising (0 yen), as an empty spreadsheet cell would.
  const cpa = adMode === "cpa" ? (cell("cpa") === "" ? 0 : yen("cpa")) : null;
  const cpc = adMode === "cpc_cvr" ? yen("cpc") : null;
  const cvrBp = adMode === "cpc_cvr" ? rate("cvr") : null;
  const acosBp = adMode === "acos" ? rate("acos", { max: 100_000 }) : null;
  const targetContribution = yen("target_contribution", { optional: true });
  let monthlyOrders: number | undefined = 0;
  if (cell("monthly_orders") !== "") {
    const parsed = parseYen(cell("monthly_orders"));
    if (!parsed.ok) errors.monthly_orders = parsed.code;
    else if (parsed.value < 0) errors.monthly_orders = "negative";
    else if (parsed.value > 1_000_000) errors.monthly_orders = "too_large";
    else monthlyOrders = parsed.value;
  }
  if (cvrBp === 0) errors.cvr = "must_be_positive";

  if (
    Object.keys(errors).length > 0 ||
    !channel ||
    !scenario ||
    !adMode ||
    !other.ok ||
    aov == null ||
    grossMarginBp == null ||
    feeRateBp == null ||
    pointsRateBp == null ||
    shipping == null ||
    packaging == null ||
    returnLoss == null ||
    cpa === undefined ||
    cpc === undefined ||
    cvrBp === undefined ||
    acosBp === undefined ||
    targetContribution === undefined ||
    monthlyOrders === undefined
  ) {
    return { ok: false, errors };
  }
  const values: PlLineValues = {
    channel,
    sku,
    scenario,
    aov,
    grossMarginBp,
    feeRateBp,
    pointsRateBp,
    shipping,
    packaging,
    returnLoss,
    otherVariable: other.value,
    adMode,
    cpa,
    cpc,
    cvrBp,
    acosBp,
    targetContribution,
    monthlyOrders,
  };
  // The engine has the last word on ranges (e.g. a CPC ÷ CVR that exceeds any sane per-order amount).
  const engine = validateLineInput(toEngineInput(values));
  if (!engine.ok) {
    for (const e of engine.errors) {
      // "ads.cvrBp" names its own cell; "otherVariable.3.amount" belongs to the other-costs cell.
      const column = ENGINE_FIELD_TO_COLUMN[e.field] ?? ENGINE_FIELD_TO_COLUMN[e.field.split(".")[0] ?? ""] ?? "aov";
      errors[column] ??= engineCode(e.code);
    }
    return { ok: false, errors };
  }
  return { ok: true, value: values };
}

const ENGINE_FIELD_TO_COLUMN: Record<string, InputColumn> = {
  aov: "aov",
  grossMarginBp: "gross_margin_rate",
  feeRateBp: "fee_rate",
  pointsRateBp: "points_rate",
  shipping: "shipping",
  packaging: "packaging",
  returnLoss: "return_loss",
  otherVariable: "other_costs",
  targetContributionPerOrder: "target_contribution",
  "ads.cpa": "cpa",
  "ads.cpc": "cpc",
  "ads.cvrBp": "cvr",
  "ads.acosBp": "acos",
  "ads.mode": "ad_mode",
  // A CPC ÷ CVR whose derived CPA is beyond any per-order amount: the CPC is the cell to fix.
  ads: "cpc",
};

function engineCode(code: string): CellErrorCode {
  switch (code) {
    case "must_be_positive":
      return "must_be_positive";
    case "must_not_be_negative":
      return "negative";
    case "rate_above_100_percent":
      return "rate_above_100_percent";
    case "too_long":
      return "too_long";
    case "above_maximum":
    case "derived_cpa_above_maximum":
    case "result_out_of_range":
    case "too_many_items":
      return "too_large";
    default:
      return "invalid";
  }
}

/** The stored line as the unit-economics engine takes it. */
export function toEngineInput(v: Omit<PlLineValues, "channel" | "sku" | "scenario" | "monthlyOrders">): LineInput {
  const ads: LineInput["ads"] =
    v.adMode === "cpc_cvr"
      ? { mode: "cpc_cvr", cpc: v.cpc ?? 0, cvrBp: v.cvrBp ?? 0 }
      : v.adMode === "acos"
        ? { mode: "acos", acosBp: v.acosBp ?? 0 }
        : { mode: "cpa", cpa: v.cpa ?? 0 };
  return {
    aov: v.aov,
    grossMarginBp: v.grossMarginBp,
    feeRateBp: v.feeRateBp,
    pointsRateBp: v.pointsRateBp,
    shipping: v.shipping,
    packaging: v.packaging,
    returnLoss: v.returnLoss,
    otherVariable: v.otherVariable,
    ads,
    targetContributionPerOrder: v.targetContribution,
  };
}

/** A line's inputs as text cells that `readPlLine` reads back to the same values (forms and CSV alike). */
export function toCells(v: PlLineValues): Record<InputColumn, string> {
  const yen = (n: number | null) => (n === null ? "" : String(n));
  const rate = (bp: number | null) => (bp === null ? "" : bpToPercentText(bp));
  return {
    channel: v.channel,
    sku: v.sku,
    scenario: v.scenario,
    aov: yen(v.aov),
    gross_margin_rate: rate(v.grossMarginBp),
    fee_rate: rate(v.feeRateBp),
    points_rate: rate(v.pointsRateBp),
    shipping: yen(v.shipping),
    packaging: yen(v.packaging),
    return_loss: yen(v.returnLoss),
    other_costs: formatOtherCosts(v.otherVariable),
    ad_mode: v.adMode,
    cpa: yen(v.cpa),
    cpc: yen(v.cpc),
    cvr: rate(v.cvrBp),
    acos: rate(v.acosBp),
    target_contribution: yen(v.targetContribution),
    monthly_orders: yen(v.monthlyOrders),
  };
}
