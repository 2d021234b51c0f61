import { z } from "zod";
import { parseDateKey } from "@/lib/domain/calendar";
import { PORTFOLIO_SORTS } from "@/lib/margins/sorts";
import { CLIENT_STATUSES, STAFF_ROLES } from "@/lib/options";
import { pageParam } from "@/lib/search-params";
import { monthKey } from "./contracts";
import { text } from "./fields";
import { verdictSettings } from "./kpi-plan";

/** Yen as typed: "3,500", "¥3500", full-width digits; a whole number within `max`. */
export const typedYen = (max: number) =>
  z.union([z.string().max(40), z.number()], { message: "validation.invalidType" }).transform((v, ctx) => {
    const s = typeof v === "number" ? String(v) : v.normalize("NFKC").replace(/[¥￥,\s円]/g, "");
    if (!/^\d{1,13}$/.test(s)) {
      ctx.addIssue({ code: "custom", message: s === "" ? "validation.required" : "validation.wholeNumber" });
      return z.NEVER;
    }
    const n = Number(s);
    if (n > max) {
      ctx.addIssue({ code: "custom", message: "margins.errors.too_big" });
      return z.NEVER;
    }
    return n;
  });

const dateKey = z
  .string()
  .max(10)
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDateKey(s) !== null, { message: "validation.format" });

/**
 * Whose rate: `role:operator` (everyone of the role without a rate of their own) or `member:<membership id>`.
 * One select in the form, so one field to report an error at.
 */
const rateTarget = z
  .string()
  .max(60)
  .regex(new RegExp(`^(role:(${STAFF_ROLES.join("|")})|member:[0-9a-f-]{36})$`), {
    message: "validation.invalidOption",
  })
  .transform((s) =>
    s.startsWith("role:")
      ? { role: s.slice(5) as (typeof STAFF_ROLES)[number], membershipId: null }
      : { role: null, membershipId: s.slice(7) },
  )
  .refine((t) => t.membershipId === null || z.uuid().safeParse(t.membershipId).success, {
    message: "validation.invalidOption",
  });

export const addCostRateSchema = z.object({
  target: rateTarget,
  yenPerHour: typedYen(1_000_000),
  /** The first day the rate applies ("YYYY-MM-DD"); a week counts by its Thursday. */
  effectiveFrom: dateKey,
});

export const deleteCostRateSchema = z.object({ id: z.uuid() });

export const addDirectCostSchema = z.object({
  clientId: z.uuid(),
  month: monthKey,
  label: text({ min: 1, max: 100 }),
  amount: typedYen(10_000_000_000),
});

export const deleteDirectCostSchema = z.object({ clientId: z.uuid(), id: z.uuid() });

/** The agency's name and the settings every client inherits unless its own plan or contract says otherwise. */
export const agencyProfileSchema = z
  .object({
    name: text({ min: 1, max: 100 }),
    taxRounding: z.enum(["floor", "round", "ceil"], { message: "validation.invalidOption" }),
    hiringTrigger1: typedYen(1_000_000_000),
    hiringTrigger2: typedYen(1_000_000_000),
    /** The Nth business day of the next month the monthly report is due by default. */
    reportDeadlineBusinessDay: z.coerce
      .number({ message: "validation.wholeNumber" })
      .int({ message: "validation.wholeNumber" })
      .min(1)
      .max(20),
  })
  .superRefine((v, ctx) => {
    // Either field may be the mistaken one: both carry the message.
    if (v.hiringTrigger2 < v.hiringTrigger1)
      for (const path of ["hiringTrigger1", "hiringTrigger2"])
        ctx.addIssue({ code: "custom", path: [path], message: "margins.errors.trigger_order" });
  });

const portfolioParamsSchema = (defaultMonth: string) =>
  z.object({
    month: z
      .string()
      .regex(/^(20\d\d)-(0[1-9]|1[0-2])$/)
      .default(defaultMonth)
      .catch(defaultMonth),
    q: text({ max: 100 }).optional().catch(undefined),
    status: z.enum(CLIENT_STATUSES).optional().catch(undefined),
    sort: z.enum(PORTFOLIO_SORTS).default("name").catch("name"),
    dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
    page: pageParam,
  });

let portfolioParamsKept: { month: string; schema: ReturnType<typeof portfolioParamsSchema> } | null = null;

/**
 * The portfolio's URL: month, search, status, sort and page (bad values fall back to the defaults). The schema for
 * the current default month is kept: building a zod schema costs more than the page's parse.
 */
export function portfolioParams(defaultMonth: string) {
  if (portfolioParamsKept?.month !== defaultMonth) {
    portfolioParamsKept = { month: defaultMonth, schema: portfolioParamsSchema(defaultMonth) };
  }
  return portfolioParamsKept.schema;
}

/** The agency's default verdict thresholds as typed (the plan editor's fields and rules); empty = the default. */
export const agencyVerdictDefaultsSchema = verdictSettings;
