import type { PlLineInputs, PlLineValues } from "@/db/schema/economics";
import type { FieldDef } from "@/lib/fields/cells";
import { AD_MODES, type AdMode, CHANNELS, SCENARIOS } from "@/lib/options";

/**
 * The P/L line's inputs, declared once (SPEC §5). Everything else is derived from this table: the grid's
 * input columns (components/tables/pl-lines/columns.tsx), the CSV columns and their order
 * (lib/economics/csv.ts), reading and writing cells (lib/economics/line.ts), the mapping to the
 * unit-economics engine and of its errors back to cells, and the stored columns an update writes. Labels
 * are the catalogue's `economics.fields.<name>`.
 *
 * To add an input: add its column in db/schema/economics.ts (and a migration), one row here, and its label.
 */
export type PlField = FieldDef<string, keyof PlLineValues> & {
  /** The engine's field (lib/domain/unit-economics.ts LineInput); `ads.*` fields belong to one ad mode. */
  engine?: string;
  /** Engine error paths beyond `engine` that this cell answers for. */
  engineErrors?: readonly string[];
  /** Read only in this ad mode; in the others the cell is ignored and stored empty. */
  adMode?: AdMode;
};

/** The line's key: which channel, SKU or product group, and scenario. */
export const PL_KEY_FIELDS = [
  { name: "channel", column: "channel", kind: "enum", empty: "required", options: CHANNELS },
  { name: "sku", column: "sku", kind: "text", empty: "required", maxLength: 100 },
  { name: "scenario", column: "scenario", kind: "enum", empty: "base", options: SCENARIOS },
] as const satisfies readonly PlField[];

/** The inputs, in the article's spreadsheet order. */
export const PL_INPUT_FIELDS = [
  { name: "aov", column: "aov", kind: "yen", empty: "required", min: 1, engine: "aov" },
  { name: "gross_margin_rate", column: "grossMarginBp", kind: "rate", empty: "required", engine: "grossMarginBp" },
  { name: "fee_rate", column: "feeRateBp", kind: "rate", empty: "required", engine: "feeRateBp" },
  { name: "points_rate", column: "pointsRateBp", kind: "rate", empty: 0, engine: "pointsRateBp" },
  { name: "shipping", column: "shipping", kind: "yen", empty: 0, engine: "shipping" },
  { name: "packaging", column: "packaging", kind: "yen", empty: 0, engine: "packaging" },
  { name: "return_loss", column: "returnLoss", kind: "yen", empty: 0, engine: "returnLoss" },
  { name: "other_costs", column: "otherVariable", kind: "costs", empty: [], engine: "otherVariable" },
  { name: "ad_mode", column: "adMode", kind: "enum", empty: "cpa", options: AD_MODES, engine: "ads.mode" },
  // An empty CPA means no advertising (0 yen), as an empty spreadsheet cell would.
  { name: "cpa", column: "cpa", kind: "yen", empty: 0, adMode: "cpa", engine: "ads.cpa" },
  // A CPC ÷ CVR whose derived CPA is beyond any per-order amount ("ads"): the CPC is the cell to fix.
  {
    name: "cpc",
    column: "cpc",
    kind: "yen",
    empty: "required",
    adMode: "cpc_cvr",
    engine: "ads.cpc",
    engineErrors: ["ads"],
  },
  { name: "cvr", column: "cvrBp", kind: "rate", empty: "required", min: 1, adMode: "cpc_cvr", engine: "ads.cvrBp" },
  {
    name: "acos",
    column: "acosBp",
    kind: "rate",
    empty: "required",
    max: 100_000,
    adMode: "acos",
    engine: "ads.acosBp",
  },
  {
    name: "target_contribution",
    column: "targetContribution",
    kind: "yen",
    empty: "null",
    engine: "targetContributionPerOrder",
  },
  // Orders a month at present: not an engine input, it scales the levers to yen a month.
  { name: "monthly_orders", column: "monthlyOrders", kind: "count", empty: 0, max: 1_000_000 },
] as const satisfies readonly PlField[];

export const PL_FIELDS: readonly PlField[] = [...PL_KEY_FIELDS, ...PL_INPUT_FIELDS];
/** The inputs alone, as plain field definitions (for code that walks the table). */
export const PL_INPUTS: readonly PlField[] = PL_INPUT_FIELDS;

export type InputColumn = (typeof PL_KEY_FIELDS)[number]["name"] | (typeof PL_INPUT_FIELDS)[number]["name"];

/** Every cell of a line, in CSV order. */
export const INPUT_COLUMNS = PL_FIELDS.map((f) => f.name) as InputColumn[];

/** The stored inputs of a line: what an update, a copy or an import writes. */
export function inputsOf(v: PlLineValues): PlLineInputs {
  return Object.fromEntries(PL_INPUT_FIELDS.map((f) => [f.column, v[f.column]])) as PlLineInputs;
}

export function sameInputs(a: PlLineValues, b: PlLineValues): boolean {
  return PL_INPUT_FIELDS.every((f) => JSON.stringify(a[f.column]) === JSON.stringify(b[f.column]));
}

/** Which cell an engine error path ("ads.cvrBp", "otherVariable.3.amount", "ads") belongs to. */
export function cellOfEnginePath(path: string): InputColumn {
  const owner = (p: string) => PL_INPUTS.find((f) => f.engine === p || f.engineErrors?.includes(p));
  return ((owner(path) ?? owner(path.split(".")[0] ?? ""))?.name ?? "aov") as InputColumn;
}
