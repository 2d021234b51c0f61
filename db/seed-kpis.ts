// Demo weekly KPIs (SPEC §6): for every active or trial demo client a KPI plan with the default KPIs,
// monthly targets, P/L base lines for channels that have none, 18 months of plausible weekly figures per
// channel ending with last ISO week (the current week is left for the operator to enter), and the assigned
// operator's hours. Figures are a deterministic function of client, channel and week (a hash, not a random
// generator), so seeding again writes the same values and existing rows are left alone.
//
// The clients are tuned to show the three verdicts with the default thresholds: KOME earns well above the
// hiring trigger (Go), NIJI makes under ¥1,000 a order (Stop), the others sit between (Hold). HANA runs the
// article's thin-margin lines, so its plan lowers the per-order Stop threshold to ¥300 (a per-client setting).

import { createHash } from "node:crypto";
import type { IsoWeek, YearMonth } from "@/lib/domain/calendar";
import { addWeeks, isoWeekKey, isoWeekOf, monthKey, monthOfIsoWeek } from "@/lib/domain/calendar";
import { aggregateWeeks, combineChannels, KPIS, kpiValue, type MeasureKey, measuresForPlan } from "@/lib/domain/kpi";
import { DEFAULT_PLAN_ITEMS } from "@/lib/domain/kpi-plan";
import { computeLineFigures, validateLineInput } from "@/lib/domain/unit-economics";
import type { Channel } from "@/lib/options";
import type { Database } from "./client";
import { refreshKpiRollups } from "./queries/kpis";
import { kpiEntries, kpiPlanItems, kpiPlans, kpiTargets, kpiWeeks, plLines, timeEntries } from "./schema";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** One channel's typical week. Rates in bp, rating in hundredths. */
interface ChannelProfile {
  orders: number;
  aov: number;
  cvrBp: number;
  tacosBp: number;
  roasBp: number;
  cpa: number;
  returnBp: number;
  repeatBp: number;
  turnoverDays: number;
  rating: number;
}

interface BaseLine {
  aov: number;
  grossMarginBp: number;
  feeRateBp: number;
  shipping: number;
  packaging: number;
  returnLoss: number;
  cpa: number;
}

export interface ClientProfile {
  weeks: number;
  channel: ChannelProfile;
  /** A P/L base line for each channel that has none (HANA has the article's lines already). */
  line?: BaseLine;
  verdictSettings?: Record<string, number>;
  /** Contribution per order to set the contribution target from, when the client has its own lines. */
  contributionPerOrder?: number;
}

export const PROFILES: Record<string, ClientProfile> = {
  HANA: {
    weeks: 78,
    channel: {
      orders: 420,
      aov: 5200,
      cvrBp: 420,
      tacosBp: 900,
      roasBp: 42_000,
      cpa: 560,
      returnBp: 90,
      repeatBp: 3_200,
      turnoverDays: 42,
      rating: 441,
    },
    verdictSettings: { stopContributionPerOrderYen: 300 },
    contributionPerOrder: 380,
  },
  KOME: {
    weeks: 78,
    channel: {
      orders: 160,
      aov: 6000,
      cvrBp: 380,
      tacosBp: 700,
      roasBp: 52_000,
      cpa: 250,
      returnBp: 40,
      repeatBp: 4_100,
      turnoverDays: 35,
      rating: 452,
    },
    line: { aov: 6000, grossMarginBp: 5500, feeRateBp: 1000, shipping: 500, packaging: 50, returnLoss: 30, cpa: 250 },
  },
  NIJI: {
    weeks: 78,
    channel: {
      orders: 70,
      aov: 3000,
      cvrBp: 250,
      tacosBp: 1_400,
      roasBp: 30_000,
      cpa: 80,
      returnBp: 160,
      repeatBp: 1_800,
      turnoverDays: 75,
      rating: 398,
    },
    line: { aov: 3000, grossMarginBp: 4000, feeRateBp: 1000, shipping: 100, packaging: 30, returnLoss: 20, cpa: 80 },
  },
  TOKI: {
    weeks: 12,
    channel: {
      orders: 25,
      aov: 12_000,
      cvrBp: 180,
      tacosBp: 1_200,
      roasBp: 35_000,
      cpa: 1_500,
      returnBp: 120,
      repeatBp: 1_200,
      turnoverDays: 58,
      rating: 430,
    },
    line: {
      aov: 12_000,
      grossMarginBp: 4500,
      feeRateBp: 1500,
      shipping: 0,
      packaging: 100,
      returnLoss: 100,
      cpa: 1_500,
    },
  },
  "FJ-01": {
    weeks: 78,
    channel: {
      orders: 40,
      aov: 4500,
      cvrBp: 300,
      tacosBp: 1_000,
      roasBp: 38_000,
      cpa: 200,
      returnBp: 60,
      repeatBp: 2_600,
      turnoverDays: 50,
      rating: 436,
    },
    line: { aov: 4500, grossMarginBp: 5000, feeRateBp: 1000, shipping: 400, packaging: 40, returnLoss: 30, cpa: 200 },
  },
};

const PLAN_KPIS = DEFAULT_PLAN_ITEMS.map((item) => item.kpi);
const PLAN_MEASURES = measuresForPlan(PLAN_KPIS);

/** A number in [0, 1) from a name: the same name always gives the same number. */
function unit(name: string): number {
  return createHash("sha1").update(name).digest().readUInt32BE(0) / 2 ** 32;
}

/** ±spread around 1, deterministic per name. */
function jitter(name: string, spread: number): number {
  return 1 + (unit(name) * 2 - 1) * spread;
}

/** Busier in December and in the months of Rakuten's Super Sale, growing about 1 % a month. */
function season(month: YearMonth, monthsAgo: number): number {
  const peak = month.month === 12 ? 1.3 : month.month === 11 ? 1.1 : [3, 6, 9].includes(month.month) ? 1.08 : 1;
  return peak * (1 - monthsAgo * 0.01);
}

function weekFigures(
  p: ChannelProfile,
  scale: number,
  key: string,
  noisy: boolean,
): Record<MeasureKey, number> & { [k: string]: number } {
  const n = (name: string, spread: number) => (noisy ? jitter(`${key}:${name}`, spread) : 1);
  const orders = Math.max(1, Math.round(p.orders * scale * n("orders", 0.12)));
  const revenue = Math.round(orders * p.aov * n("aov", 0.04));
  const adSpend = Math.round((revenue * p.tacosBp * n("tacos", 0.15)) / 10_000);
  const customers = Math.round(orders * 0.92);
  const inquiries = Math.max(1, Math.round(orders * 0.05 * n("inquiries", 0.3)));
  return {
    revenue,
    orders,
    sessions: Math.round((orders * 10_000) / (p.cvrBp * n("cvr", 0.08))),
    ad_spend: adSpend,
    ad_revenue: Math.round((adSpend * p.roasBp * n("roas", 0.1)) / 10_000),
    ad_clicks: Math.round(adSpend / 45),
    ad_orders: Math.max(1, Math.round(adSpend / (p.cpa * n("cpa", 0.1)))),
    returns: Math.round((orders * p.returnBp * n("returns", 0.5)) / 10_000),
    shipments: orders,
    delayed_shipments: Math.round((orders * 150 * n("delay", 0.6)) / 10_000),
    customers,
    repeat_customers: Math.round((customers * p.repeatBp * n("repeat", 0.1)) / 10_000),
    active_skus: 120,
    out_of_stock_skus: Math.round(4 * n("oos", 0.5)),
    inventory_turnover_days: Math.round(p.turnoverDays * n("turnover", 0.06)),
    csat_score: Math.min(500, Math.round(430 * n("csat", 0.03))),
    csat_responses: Math.max(1, Math.round(inquiries * 0.4)),
    review_rating: Math.min(500, Math.round(p.rating * n("rating", 0.02))),
    reviews: Math.max(1, Math.round(orders * 0.03)),
    inquiries,
    answered_in_target: Math.round(inquiries * 0.93),
    incidents: 0,
    incidents_resolved_in_time: 0,
  };
}

export interface SeedKpiClient {
  id: string;
  code: string;
  channels: Channel[];
  /** The operator who enters its week (gets the hours). */
  operatorMembershipId: string | undefined;
  /** Instead of the demo profile of its code (the benchmark's large client). */
  profile?: ClientProfile;
}

/** Contribution per order of a base line, through the unit-economics engine. */
function contributionPerOrder(line: BaseLine): number {
  const valid = validateLineInput({
    aov: line.aov,
    grossMarginBp: line.grossMarginBp,
    feeRateBp: line.feeRateBp,
    pointsRateBp: 0,
    shipping: line.shipping,
    packaging: line.packaging,
    returnLoss: line.returnLoss,
    otherVariable: [],
    ads: { mode: "cpa", cpa: line.cpa },
  });
  return valid.ok ? computeLineFigures(valid.value).contributionPerOrder : 0;
}

export async function seedKpis(
  tx: Tx,
  p: { agencyId: string; userId: string; clients: SeedKpiClient[]; today: Date },
): Promise<void> {
  // The week and month as they are in Tokyo (9 hours ahead of UTC, no daylight saving).
  const current = isoWeekOf(new Date(p.today.getTime() + 9 * 3_600_000));
  const currentMonth = monthOfIsoWeek(current);
  for (const client of p.clients) {
    const profile = client.profile ?? PROFILES[client.code];
    if (!profile) continue;
    await tx
      .insert(kpiPlans)
      .values({
        agencyId: p.agencyId,
        clientId: client.id,
        reviewCadence: "weekly",
        thirdPartyAudit: false,
        verdictSettings: profile.verdictSettings ?? {},
        returnRateBaselineBp: profile.channel.returnBp,
      })
      .onConflictDoNothing();
    await tx
      .insert(kpiPlanItems)
      .values(
        DEFAULT_PLAN_ITEMS.map((item, position) => ({ agencyId: p.agencyId, clientId: client.id, position, ...item })),
      )
      .onConflictDoNothing();

    if (profile.line) {
      const line = profile.line;
      await tx
        .insert(plLines)
        .values(
          client.channels.flatMap((channel) =>
            (["pessimistic", "base", "optimistic"] as const).map((scenario) => ({
              agencyId: p.agencyId,
              clientId: client.id,
              channel,
              sku: "主力商品",
              scenario,
              aov: line.aov + (scenario === "pessimistic" ? -300 : scenario === "optimistic" ? 300 : 0),
              grossMarginBp: line.grossMarginBp,
              feeRateBp: line.feeRateBp,
              shipping: line.shipping,
              packaging: line.packaging,
              returnLoss: line.returnLoss,
              adMode: "cpa" as const,
              cpa: line.cpa,
              targetContribution: 1000,
              monthlyOrders: Math.round(profile.channel.orders * 4.35),
            })),
          ),
        )
        .onConflictDoNothing();
    }

    // Weeks: oldest first, ending with last week.
    const weeks: IsoWeek[] = Array.from({ length: profile.weeks }, (_, i) => addWeeks(current, i - profile.weeks));
    const entries: (typeof kpiEntries.$inferInsert)[] = [];
    const weekRows: (typeof kpiWeeks.$inferInsert)[] = [];
    const hours: (typeof timeEntries.$inferInsert)[] = [];
    for (const week of weeks) {
      const key = isoWeekKey(week);
      const month = monthOfIsoWeek(week);
      const monthsAgo = (currentMonth.year - month.year) * 12 + currentMonth.month - month.month;
      const weekStart = new Date(Date.UTC(week.year, 0, 4 + (week.week - 1) * 7));
      weekStart.setUTCDate(weekStart.getUTCDate() - ((weekStart.getUTCDay() + 6) % 7));
      weekRows.push({
        agencyId: p.agencyId,
        clientId: client.id,
        isoWeek: key,
        weekStart: weekStart.toISOString().slice(0, 10),
        month: monthKey(month),
        version: 1,
        updatedBy: p.userId,
      });
      client.channels.forEach((channel, c) => {
        const scale = season(month, monthsAgo) * (1 - c * 0.25);
        const figures = weekFigures(profile.channel, scale, `${client.code}:${channel}:${key}`, true);
        for (const measure of PLAN_MEASURES) {
          entries.push({
            agencyId: p.agencyId,
            clientId: client.id,
            isoWeek: key,
            month: monthKey(month),
            channel,
            measure,
            value: figures[measure],
            enteredBy: p.userId,
          });
        }
      });
      if (client.operatorMembershipId) {
        hours.push({
          agencyId: p.agencyId,
          membershipId: client.operatorMembershipId,
          clientId: client.id,
          isoWeek: key,
          month: monthKey(month),
          minutes: 15 * Math.round((300 + unit(`${client.code}:hours:${key}`) * 600) / 15),
        });
      }
    }
    await tx.insert(kpiWeeks).values(weekRows).onConflictDoNothing();
    for (let i = 0; i < entries.length; i += 2_000) {
      await tx
        .insert(kpiEntries)
        .values(entries.slice(i, i + 2_000))
        .onConflictDoNothing();
    }
    if (hours.length > 0) await tx.insert(timeEntries).values(hours).onConflictDoNothing();
    await refreshKpiRollups(tx, { agencyId: p.agencyId, clientId: client.id });

    await tx
      .insert(kpiTargets)
      .values(targetsFor(p.agencyId, client, profile, weeks[0] ?? current, currentMonth))
      .onConflictDoNothing();
  }
}

/**
 * A target for every plan KPI and month from the first seeded month to December of the current year: the
 * profile's noise-free month, 5 % better (higher for higher-is-better, lower for lower-is-better).
 */
function targetsFor(agencyId: string, client: SeedKpiClient, profile: ClientProfile, first: IsoWeek, now: YearMonth) {
  const rows: (typeof kpiTargets.$inferInsert)[] = [];
  const perOrder = profile.contributionPerOrder ?? (profile.line ? contributionPerOrder(profile.line) : 0);
  const start = monthOfIsoWeek(first);
  for (
    let m = { ...start };
    monthKey(m) <= `${now.year}-12`;
    m = m.month === 12 ? { year: m.year + 1, month: 1 } : { year: m.year, month: m.month + 1 }
  ) {
    const monthsAgo = (now.year - m.year) * 12 + now.month - m.month;
    const aggregate = combineChannels(
      client.channels.map((channel, c) => {
        const figures = weekFigures(profile.channel, season(m, Math.max(0, monthsAgo)) * (1 - c * 0.25), "", false);
        const values = Object.fromEntries(PLAN_MEASURES.map((k) => [k, figures[k]]));
        // A month of about 4.35 weeks: four weeks' sums plus the last-of-period values.
        return aggregateWeeks(["W1", "W2", "W3", "W4"].map((w) => ({ isoWeek: w, channel, values })));
      }),
    );
    for (const kpi of PLAN_KPIS) {
      const nominal = kpi === "contribution" ? (aggregate.sums.orders ?? 0) * perOrder : kpiValue(kpi, aggregate).value;
      if (nominal === null || nominal <= 0) continue;
      const better = KPIS[kpi].direction === "higher" ? 1.05 : 0.95;
      rows.push({ agencyId, clientId: client.id, kpi, month: monthKey(m), target: Math.round(nominal * better) });
    }
  }
  return rows;
}
