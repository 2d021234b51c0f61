import { type LeverId, rankLevers, topLevers } from "@/lib/domain/sensitivity";
import { computeLineFigures, ordersNeeded, pacing, validateLineInput } from "@/lib/domain/unit-economics";
import type { Channel, Scenario } from "@/lib/options";
import { type PlLineValues, toCells, toEngineInput } from "./line";

/**
 * What the P/L page shows, computed once on the server from the stored lines: per line and scenario the
 * inputs as editable text, every figure of SPEC §5, the top levers and the pacing for the hiring triggers.
 * Plain data only, so it crosses to client components as is.
 */
export type Figures = {
  grossProfit: number;
  fee: number;
  points: number;
  shipping: number;
  packaging: number;
  returnLoss: number;
  other: number;
  adCost: number;
  contribution: number;
  allowedCpa: number | null;
  noAdBudget: boolean;
  /** Orders a month needed for each hiring trigger; null = unreachable (contribution ≤ 0). */
  ordersNeeded: (number | null)[];
  /** Per week / per day pacing for each hiring trigger (null when unreachable). */
  pacing: ({ perMonth: number; perWeek: number; perDay: number } | null)[];
};

export type Lever = { lever: LeverId; gainPerOrder: number; gainPerMonth: number };

export type ScenarioView = {
  id: string;
  version: number;
  cells: Record<string, string>;
  figures: Figures;
  levers: Lever[];
  monthlyOrders: number;
};

export type LineView = {
  key: string;
  channel: Channel;
  sku: string;
  scenarios: Partial<Record<Scenario, ScenarioView>>;
};

export function figuresOf(
  v: PlLineValues,
  triggers: readonly number[],
  days: number,
): { figures: Figures; levers: Lever[] } | null {
  const valid = validateLineInput(toEngineInput(v));
  if (!valid.ok) return null;
  const f = computeLineFigures(valid.value);
  const needed = triggers.map((p) => {
    const r = ordersNeeded(f.contributionPerOrder, p);
    return r.ok && r.value.kind === "orders" ? r.value.orders : null;
  });
  const figures: Figures = {
    grossProfit: f.grossProfit,
    fee: f.feeAmount,
    points: f.pointsAmount,
    shipping: v.shipping,
    packaging: v.packaging,
    returnLoss: v.returnLoss,
    other: f.otherVariableTotal,
    adCost: f.adCostPerOrder,
    contribution: f.contributionPerOrder,
    allowedCpa: f.allowedCpa ? f.allowedCpa.amount : null,
    noAdBudget: f.allowedCpa?.kind === "no_budget",
    ordersNeeded: needed,
    pacing: needed.map((orders) => {
      if (orders === null) return null;
      const p = pacing(orders, days);
      return p.ok ? { perMonth: orders, perWeek: p.value.perWeek, perDay: p.value.perDay } : null;
    }),
  };
  const levers = topLevers(rankLevers(valid.value, v.monthlyOrders), 3).map((e) => ({
    lever: e.lever,
    gainPerOrder: e.gainPerOrder,
    gainPerMonth: e.gainPerMonth,
  }));
  return { figures, levers };
}

export function buildLineViews(
  rows: (PlLineValues & { id: string; version: number })[],
  triggers: readonly number[],
  days: number,
): LineView[] {
  const lines = new Map<string, LineView>();
  for (const row of rows) {
    const key = `${row.channel}:${row.sku}`;
    let line = lines.get(key);
    if (!line) {
      line = { key, channel: row.channel, sku: row.sku, scenarios: {} };
      lines.set(key, line);
    }
    const computed = figuresOf(row, triggers, days);
    if (!computed) continue;
    line.scenarios[row.scenario] = {
      id: row.id,
      version: row.version,
      cells: toCells(row),
      figures: computed.figures,
      levers: computed.levers,
      monthlyOrders: row.monthlyOrders,
    };
  }
  return [...lines.values()];
}

/**
 * What one grid row needs, for the scenario being edited: its inputs and figures, and the contribution of
 * every scenario for the side-by-side columns. Levers and pacing stay on the server except for the selected
 * line, which keeps the page small for clients with hundreds of lines.
 */
export type GridLine = {
  key: string;
  channel: Channel;
  sku: string;
  contributions: Record<Scenario, number | null>;
  /** Each scenario's stored version (null: missing), for actions that touch all of them. */
  versions: Record<Scenario, number | null>;
  current: {
    id: string;
    version: number;
    cells: Record<string, string>;
    grossProfit: number;
    allowedCpa: number | null;
    noAdBudget: boolean;
    ordersNeeded: (number | null)[];
  } | null;
};

export function toGridLine(line: LineView, scenario: Scenario): GridLine {
  const view = line.scenarios[scenario];
  return {
    key: line.key,
    channel: line.channel,
    sku: line.sku,
    contributions: {
      pessimistic: line.scenarios.pessimistic?.figures.contribution ?? null,
      base: line.scenarios.base?.figures.contribution ?? null,
      optimistic: line.scenarios.optimistic?.figures.contribution ?? null,
    },
    versions: {
      pessimistic: line.scenarios.pessimistic?.version ?? null,
      base: line.scenarios.base?.version ?? null,
      optimistic: line.scenarios.optimistic?.version ?? null,
    },
    current: view
      ? {
          id: view.id,
          version: view.version,
          cells: view.cells,
          grossProfit: view.figures.grossProfit,
          allowedCpa: view.figures.allowedCpa,
          noAdBudget: view.figures.noAdBudget,
          ordersNeeded: view.figures.ordersNeeded,
        }
      : null,
  };
}
