// The KPI plan as the editor shows and reads it (SPEC §6, §5): targets and verdict thresholds typed the way
// people type numbers, the year's target grid and its copy-forward, and the plan's summary for the
// contract checklist's item 2. Pure: no database, no React.

import type { YearMonth } from "@/lib/domain/calendar";
import { monthKey, parseMonthKey } from "@/lib/domain/calendar";
import type { KpiPlanSummary } from "@/lib/domain/checklist";
import type { Direction, KpiKey, KpiUnit, Tier } from "@/lib/domain/kpi";
import { KPIS, targetRule } from "@/lib/domain/kpi";
import type { VerdictSettings } from "@/lib/domain/verdict";
import { DEFAULT_VERDICT_SETTINGS } from "@/lib/domain/verdict";
import { bpToPercentText, parsePercentToBp, parseYen } from "@/lib/fields/parse";

// ─── Numbers as typed ─────────────────────────────────────────────────────────────────────────────────

/** How a number is typed in the editor: yen ("¥1,200,000"), a whole count, a percent ("3.5" → 350 bp),
 *  a star rating ("4.2" → 420 hundredths) or a multiple ("2" → 20,000 bp). */
export type InputKind = "yen" | "count" | "percent" | "rating" | "multiple";

export type ParseCode = "required" | "not_a_number" | "too_precise" | "must_not_be_negative" | "above_maximum";
export type Parsed = { ok: true; value: number } | { ok: false; code: ParseCode };

export function inputKindOfUnit(unit: KpiUnit): InputKind {
  switch (unit) {
    case "yen":
      return "yen";
    case "bp":
      return "percent";
    case "hundredths":
      return "rating";
    case "count":
    case "days":
      return "count";
  }
}

/** A typed number in the stored unit (yen, count, bp, hundredths); "" is "required". */
export function parseTyped(kind: InputKind, raw: string): Parsed {
  switch (kind) {
    case "yen":
    case "count":
      return parseYen(raw);
    case "percent":
    case "rating":
      return parsePercentToBp(raw);
    case "multiple": {
      // "2" → 2 × 10,000 bp; "2.5" → 25,000. Up to two decimals, like a percent.
      const percent = parsePercentToBp(raw);
      return percent.ok ? { ok: true, value: percent.value * 100 } : percent;
    }
  }
}

/** The stored value as the input shows it, so that typing it back gives the same number. */
export function typedText(kind: InputKind, value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  switch (kind) {
    case "yen":
    case "count":
      // Thousands separators, as people type money ("1,200,000"); parseYen reads them back.
      return GROUPED.format(value);
    case "percent":
    case "rating":
      return bpToPercentText(value);
    case "multiple":
      return bpToPercentText(Math.round(value / 100));
  }
}

const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

// ─── Targets ──────────────────────────────────────────────────────────────────────────────────────────

/** A KPI's target cell: "" is no target; otherwise a number in the KPI's unit within targetRule. */
export function parseTarget(
  kpi: KpiKey,
  raw: string,
): { ok: true; value: number | null } | { ok: false; code: ParseCode } {
  if (raw.trim() === "") return { ok: true, value: null };
  const parsed = parseTyped(inputKindOfUnit(KPIS[kpi].unit), raw);
  if (!parsed.ok) return parsed;
  const rule = targetRule(kpi);
  if (parsed.value < rule.min) return { ok: false, code: "must_not_be_negative" };
  if (parsed.value > rule.max) return { ok: false, code: "above_maximum" };
  return parsed;
}

/** The twelve months of a year, "YYYY-01" … "YYYY-12". */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => monthKey({ year, month: i + 1 }));
}

/** The year's targets as the grid holds them: per KPI, 12 cells of text (empty: no target). */
export type TargetGrid = Record<string, string[]>;

export function targetGrid(
  kpis: readonly KpiKey[],
  year: number,
  targets: readonly { kpi: KpiKey; month: string; target: number }[],
): TargetGrid {
  const months = monthsOfYear(year);
  const grid: TargetGrid = {};
  for (const kpi of kpis) grid[kpi] = months.map(() => "");
  for (const t of targets) {
    const row = grid[t.kpi];
    const index = months.indexOf(t.month);
    if (row && index >= 0) row[index] = typedText(inputKindOfUnit(KPIS[t.kpi].unit), t.target);
  }
  return grid;
}

/** "Fill the remaining months": every month after `from` (0–11) takes month `from`'s cell, per KPI. */
export function fillFrom(grid: TargetGrid, from: number): TargetGrid {
  const next: TargetGrid = {};
  for (const [kpi, cells] of Object.entries(grid)) {
    const source = cells[from] ?? "";
    next[kpi] = cells.map((cell, i) => (i > from ? source : cell));
  }
  return next;
}

/**
 * "Copy the previous year": this year's months take the same month's target a year before, where there is
 * one; months the previous year left empty keep what they have.
 */
export function copyPreviousYear(
  year: number,
  kpis: readonly KpiKey[],
  current: readonly { kpi: KpiKey; month: string; target: number }[],
  previous: readonly { kpi: KpiKey; month: string; target: number }[],
): { kpi: KpiKey; month: string; target: number }[] {
  const inPlan = new Set(kpis);
  const byKey = new Map<string, { kpi: KpiKey; month: string; target: number }>();
  for (const t of current) if (inPlan.has(t.kpi)) byKey.set(`${t.kpi}\u0000${t.month}`, t);
  for (const t of previous) {
    if (!inPlan.has(t.kpi)) continue;
    const ym = parseMonthKey(t.month);
    if (ym === null || ym.year !== year - 1) continue;
    const month = monthKey({ year, month: ym.month });
    byKey.set(`${t.kpi}\u0000${month}`, { kpi: t.kpi, month, target: t.target });
  }
  return [...byKey.values()].sort((a, b) => (a.kpi === b.kpi ? a.month.localeCompare(b.month) : 0));
}

// ─── Verdict thresholds ───────────────────────────────────────────────────────────────────────────────

export const VERDICT_SETTING_KEYS = [
  "hiringTriggerYen",
  "movingAverageMonths",
  "goConsecutiveMonths",
  "maxInventoryTurnoverDays",
  "minReviewRatingHundredths",
  "maxTacosBp",
  "stopContributionPerOrderYen",
  "stopContributionMonths",
  "stopCpaWeeks",
  "stopReturnRateMultipleBp",
  "stopReturnRateMonths",
] as const satisfies readonly (keyof VerdictSettings)[];

/** How each threshold is typed. */
export const VERDICT_SETTING_KINDS: Readonly<Record<keyof VerdictSettings, InputKind>> = {
  hiringTriggerYen: "yen",
  movingAverageMonths: "count",
  goConsecutiveMonths: "count",
  maxInventoryTurnoverDays: "count",
  minReviewRatingHundredths: "rating",
  maxTacosBp: "percent",
  stopContributionPerOrderYen: "yen",
  stopContributionMonths: "count",
  stopCpaWeeks: "count",
  stopReturnRateMultipleBp: "multiple",
  stopReturnRateMonths: "count",
};

/**
 * The thresholds as typed → the overrides to store: an empty field, or one equal to the default, is not
 * stored (the default applies, and follows the default if it ever changes).
 */
export function overridesOf(typed: Partial<Record<keyof VerdictSettings, string>>): {
  overrides: Partial<VerdictSettings>;
  errors: { key: keyof VerdictSettings; code: ParseCode }[];
} {
  const overrides: Partial<VerdictSettings> = {};
  const errors: { key: keyof VerdictSettings; code: ParseCode }[] = [];
  for (const key of VERDICT_SETTING_KEYS) {
    const raw = typed[key] ?? "";
    if (raw.trim() === "") continue;
    const parsed = parseTyped(VERDICT_SETTING_KINDS[key], raw);
    if (!parsed.ok) errors.push({ key, code: parsed.code });
    else if (parsed.value !== DEFAULT_VERDICT_SETTINGS[key]) overrides[key] = parsed.value;
  }
  return { overrides, errors };
}

// ─── The checklist's item 2 ───────────────────────────────────────────────────────────────────────────

export interface PlanForSummary {
  reviewCadence: "weekly" | "monthly" | "quarterly" | null;
  thirdPartyAudit: boolean | null;
  items: readonly { kpi: KpiKey; dataSource: string }[];
}

/** What item 2 of the checklist reads: null when the client has no plan at all. */
export function planSummary(
  plan: PlanForSummary | null,
  targets: readonly { kpi: KpiKey; month: string }[],
  month: YearMonth,
): KpiPlanSummary | null {
  if (plan === null) return null;
  const key = monthKey(month);
  const withTarget = new Set(targets.filter((t) => t.month === key).map((t) => t.kpi));
  return {
    kpis: plan.items.map((i) => i.kpi),
    kpisWithTargets: plan.items.filter((i) => withTarget.has(i.kpi)).length,
    dataSourcesStated: plan.items.length > 0 && plan.items.every((i) => i.dataSource.trim() !== ""),
    reviewCadence: plan.reviewCadence,
    thirdPartyAudit: plan.thirdPartyAudit,
  };
}

export interface PlanDefinition extends PlanForSummary {
  items: readonly { kpi: KpiKey; tier: Tier; direction: Direction; dataSource: string; thirdPartyAudited: boolean }[];
}

/**
 * Whether an edit changed what a checklist confirmation of item 2 judged: the KPIs and how each is defined,
 * sourced and audited, the review cadence and the audit statement. Reordering the KPIs and the verdict
 * thresholds do not.
 */
export function planDefinitionChanged(before: PlanDefinition | null, after: PlanDefinition): boolean {
  if (before === null) return true;
  if (before.reviewCadence !== after.reviewCadence || before.thirdPartyAudit !== after.thirdPartyAudit) return true;
  const definition = (p: PlanDefinition) =>
    p.items
      .map((i) => JSON.stringify([i.kpi, i.tier, i.direction, i.dataSource, i.thirdPartyAudited]))
      .sort()
      .join("\n");
  return definition(before) !== definition(after);
}

/** The last complete month before `today` ("YYYY-MM-DD", Asia/Tokyo): what lists and the client page judge. */
export function lastCompleteMonth(today: string): YearMonth {
  const ym = parseMonthKey(today.slice(0, 7));
  if (ym === null) throw new Error(`not a date: ${today}`);
  return ym.month === 1 ? { year: ym.year - 1, month: 12 } : { year: ym.year, month: ym.month - 1 };
}
