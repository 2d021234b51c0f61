import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { PlLineValues } from "@/lib/economics/line";
import type { Channel, Scenario } from "@/lib/options";
import type { DbOrTx } from "../client";
import { plLines } from "../schema";

const columns = {
  id: plLines.id,
  channel: plLines.channel,
  sku: plLines.sku,
  scenario: plLines.scenario,
  aov: plLines.aov,
  grossMarginBp: plLines.grossMarginBp,
  feeRateBp: plLines.feeRateBp,
  pointsRateBp: plLines.pointsRateBp,
  shipping: plLines.shipping,
  packaging: plLines.packaging,
  returnLoss: plLines.returnLoss,
  otherVariable: plLines.otherVariable,
  adMode: plLines.adMode,
  cpa: plLines.cpa,
  cpc: plLines.cpc,
  cvrBp: plLines.cvrBp,
  acosBp: plLines.acosBp,
  targetContribution: plLines.targetContribution,
  monthlyOrders: plLines.monthlyOrders,
  version: plLines.version,
};

export type PlLineRow = PlLineValues & { id: string; version: number };

const SCENARIO_ORDER = sql`array_position(array['pessimistic','base','optimistic']::scenario[], ${plLines.scenario})`;

/** Every P/L line of one client, grouped order: channel, SKU, then pessimistic → base → optimistic. */
export async function listPlLines(db: DbOrTx, p: { agencyId: string; clientId: string }): Promise<PlLineRow[]> {
  return db
    .select(columns)
    .from(plLines)
    .where(and(eq(plLines.agencyId, p.agencyId), eq(plLines.clientId, p.clientId)))
    .orderBy(asc(plLines.channel), asc(plLines.sku), SCENARIO_ORDER);
}

export async function getPlLine(db: DbOrTx, p: { agencyId: string; clientId: string; id: string }) {
  const [row] = await db
    .select(columns)
    .from(plLines)
    .where(and(eq(plLines.agencyId, p.agencyId), eq(plLines.clientId, p.clientId), eq(plLines.id, p.id)));
  return row;
}

export async function getPlLineScenarios(
  db: DbOrTx,
  p: { agencyId: string; clientId: string; channel: Channel; sku: string },
) {
  return db
    .select(columns)
    .from(plLines)
    .where(
      and(
        eq(plLines.agencyId, p.agencyId),
        eq(plLines.clientId, p.clientId),
        eq(plLines.channel, p.channel),
        eq(plLines.sku, p.sku),
      ),
    )
    .orderBy(SCENARIO_ORDER);
}

/** The stored inputs of a line (what an update or an import may change). */
export function inputsOf(v: PlLineValues) {
  return {
    aov: v.aov,
    grossMarginBp: v.grossMarginBp,
    feeRateBp: v.feeRateBp,
    pointsRateBp: v.pointsRateBp,
    shipping: v.shipping,
    packaging: v.packaging,
    returnLoss: v.returnLoss,
    otherVariable: v.otherVariable,
    adMode: v.adMode,
    cpa: v.cpa,
    cpc: v.cpc,
    cvrBp: v.cvrBp,
    acosBp: v.acosBp,
    targetContribution: v.targetContribution,
    monthlyOrders: v.monthlyOrders,
  };
}

export function sameInputs(a: PlLineValues, b: PlLineValues): boolean {
  return JSON.stringify(inputsOf(a)) === JSON.stringify(inputsOf(b));
}

export type LineKey = { channel: Channel; sku: string; scenario: Scenario };
export const keyOf = (l: LineKey) => `${l.channel}\u0000${l.sku}\u0000${l.scenario}`;
