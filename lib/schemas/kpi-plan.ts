import { z } from "zod";
import { KPI_KEYS, type KpiKey } from "@/lib/domain/kpi";
import { validateVerdictInput } from "@/lib/domain/verdict";
import { monthsOfYear, overridesOf, parseTarget, parseTyped, VERDICT_SETTING_KEYS } from "@/lib/kpis/plan-view";
import { text } from "./fields";

/** Catalogue key of a plan editor error (messages: kpiPlan.errors.*). */
export const planErrorKey = (code: string) => `kpiPlan.errors.${code}`;

export const REVIEW_CADENCES = ["weekly", "monthly", "quarterly"] as const;
export const THIRD_PARTY_AUDIT = ["yes", "no", "unstated"] as const;

const planVersion = z.number().int().min(0).max(2_147_483_647);
const year = z.number().int().min(2000).max(2100);

export const planItemSchema = z.object({
  kpi: z.enum(KPI_KEYS),
  tier: z.enum(["surface", "quality"]),
  direction: z.enum(["higher", "lower"]),
  /** Which marketplace screen or tool the figure comes from ("楽天RMS", "Amazon Seller Central", …). */
  dataSource: text({ max: 100 }),
  thirdPartyAudited: z.boolean(),
});

const typedNumber = z.string().max(40);

const verdictSettingsInput = z.object(
  Object.fromEntries(VERDICT_SETTING_KEYS.map((key) => [key, typedNumber.optional()])) as Record<
    (typeof VERDICT_SETTING_KEYS)[number],
    z.ZodOptional<typeof typedNumber>
  >,
);

/** The thresholds as typed → the overrides to store, checked with the verdict's own rules for its settings. */
export const verdictSettings = verdictSettingsInput.transform((typed, ctx) => {
  const { overrides, errors } = overridesOf(typed);
  for (const e of errors) ctx.addIssue({ code: "custom", path: [e.key], message: planErrorKey(e.code) });
  const checked = validateVerdictInput({ month: "2000-01", months: [], weeks: [], settings: overrides });
  if (!checked.ok) {
    for (const e of checked.errors) {
      ctx.addIssue({ code: "custom", path: [e.field.replace(/^settings\./, "")], message: planErrorKey(e.code) });
    }
  }
  return overrides;
});

/** The client's normal return rate typed as a percent ("1.5"); empty: none. */
const returnRateBaseline = typedNumber.transform((raw, ctx): number | null => {
  if (raw.trim() === "") return null;
  const parsed = parseTyped("percent", raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: planErrorKey(parsed.code) });
    return null;
  }
  if (parsed.value < 1 || parsed.value > 10_000) {
    ctx.addIssue({ code: "custom", message: planErrorKey("rate_out_of_range") });
    return null;
  }
  return parsed.value;
});

/** The KPIs in display order, each at most once. */
const planItems = z
  .array(planItemSchema)
  .min(1)
  .max(KPI_KEYS.length)
  .superRefine((items, ctx) => {
    const seen = new Set<KpiKey>();
    items.forEach((item, i) => {
      if (seen.has(item.kpi)) ctx.addIssue({ code: "custom", path: [i, "kpi"], message: planErrorKey("duplicate") });
      seen.add(item.kpi);
    });
  });

/**
 * The whole plan as the editor sends it: the KPIs in order, cadence, audit statement, the verdict thresholds
 * as typed (empty: the default) and the return-rate baseline as a percent. Every field is checked on its own,
 * so one round trip reports every error.
 */
export const savePlanSchema = z
  .object({
    clientId: z.uuid(),
    /** The plan version the author read; 0 when there was no plan yet. */
    version: planVersion,
    reviewCadence: z.enum([...REVIEW_CADENCES, ""]),
    thirdPartyAudit: z.enum(THIRD_PARTY_AUDIT),
    items: planItems,
    verdictSettings,
    returnRateBaseline,
  })
  .transform((input) => ({
    clientId: input.clientId,
    version: input.version,
    reviewCadence: input.reviewCadence === "" ? null : input.reviewCadence,
    thirdPartyAudit: input.thirdPartyAudit === "unstated" ? null : input.thirdPartyAudit === "yes",
    items: input.items,
    verdictSettings: input.verdictSettings,
    returnRateBaselineBp: input.returnRateBaseline,
  }));

/** One year of monthly targets: per KPI twelve cells as typed ("¥1,200,000", "3.5", "4.2"; empty: none). */
export const saveTargetsSchema = z
  .object({
    clientId: z.uuid(),
    year,
    /** The plan version the author read: targets and plan are edited as one. */
    version: planVersion.min(1),
    targets: z.partialRecord(z.enum(KPI_KEYS), z.array(typedNumber).length(12)).superRefine((targets, ctx) => {
      for (const [kpi, cells] of Object.entries(targets) as [KpiKey, string[] | undefined][]) {
        cells?.forEach((raw, i) => {
          const parsed = parseTarget(kpi, raw);
          if (!parsed.ok) ctx.addIssue({ code: "custom", path: [kpi, i], message: planErrorKey(parsed.code) });
        });
      }
    }),
  })
  .transform((input) => {
    const months = monthsOfYear(input.year);
    const targets: { kpi: KpiKey; month: string; target: number }[] = [];
    for (const [kpi, cells] of Object.entries(input.targets) as [KpiKey, string[] | undefined][]) {
      cells?.forEach((raw, i) => {
        const parsed = parseTarget(kpi, raw);
        const month = months[i];
        if (!parsed.ok) return; // reported by the field's own check
        if (parsed.value !== null && month) targets.push({ kpi, month, target: parsed.value });
      });
    }
    return { clientId: input.clientId, year: input.year, version: input.version, targets };
  });

/** Copies the previous year's targets into `year`. */
export const copyTargetsSchema = z.object({
  clientId: z.uuid(),
  year,
  version: planVersion.min(1),
});
