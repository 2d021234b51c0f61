"use server";
// A client's KPI plan (SPEC §6, §5): the KPIs shown with tier, direction, data source and audit, review
// cadence, verdict thresholds, and the monthly targets a year at a time (with copy-forward).
import { revalidatePath } from "next/cache";
import { ConflictError, FieldError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { getKpiPlan, type KpiPlanRow, listKpiTargets, replaceKpiTargets, saveKpiPlan } from "@/db/queries/kpis";
import { type ActionContext, agencyAction } from "@/lib/actions/safe-action";
import { dropKpiChecklistDecisions } from "@/lib/contracts/kpi-plan-checklist";
import { copyPreviousYear, planDefinitionChanged } from "@/lib/kpis/plan-view";
import { copyTargetsSchema, planErrorKey, savePlanSchema, saveTargetsSchema } from "@/lib/schemas/kpi-plan";

async function ownClient(ctx: ActionContext, clientId: string) {
  return getClientOrThrow(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope });
}

function revalidate(clientId: string) {
  revalidatePath(`/clients/${clientId}/kpis`);
  revalidatePath(`/clients/${clientId}/kpis/plan`);
}

/** The plan as it is, read for an edit of its targets: it must exist and be at the version the author read. */
async function planAt(ctx: ActionContext, clientId: string, version: number): Promise<KpiPlanRow> {
  const plan = await getKpiPlan(ctx.tx, { agencyId: ctx.agencyId, clientId });
  if (plan === null) throw new FieldError("targets", planErrorKey("no_plan"));
  if (plan.version !== version) throw new ConflictError("kpi_plan");
  return plan;
}

/** Targets and plan are one unit of concurrency: a target edit moves the plan's version on. */
async function bumpPlan(ctx: ActionContext, clientId: string, plan: KpiPlanRow): Promise<number> {
  const { reviewCadence, thirdPartyAudit, verdictSettings, returnRateBaselineBp, items } = plan;
  return saveKpiPlan(ctx.tx, {
    agencyId: ctx.agencyId,
    clientId,
    version: plan.version,
    plan: { reviewCadence, thirdPartyAudit, verdictSettings, returnRateBaselineBp, items },
  });
}

/**
 * Saves the plan, checked against the version the author read (0: there was none). When what the KPIs are,
 * where they come from or how they are reviewed changed, the contract checklist's item 2 decisions no
 * longer hold and are dropped.
 */
export const saveKpiPlanAction = agencyAction({
  name: "kpis.savePlan",
  permission: "kpis.plan",
  schema: savePlanSchema,
  async run({ clientId, version, ...plan }, ctx) {
    await ownClient(ctx, clientId);
    const before = await getKpiPlan(ctx.tx, { agencyId: ctx.agencyId, clientId });
    const next = await saveKpiPlan(ctx.tx, { agencyId: ctx.agencyId, clientId, version, plan });
    const checklistDropped = planDefinitionChanged(before, plan)
      ? await dropKpiChecklistDecisions(ctx.tx, { agencyId: ctx.agencyId, clientId, scope: ctx.member.scope })
      : [];
    await ctx.audit({
      action: before ? "kpi_plan.update" : "kpi_plan.create",
      entity: "client",
      entityId: clientId,
      before,
      after: { ...plan, version: next, checklistDropped },
    });
    revalidate(clientId);
    return { version: next, checklistDropped: checklistDropped.length };
  },
});

/** One year's monthly targets of the plan's KPIs (targets of KPIs not sent are kept). */
export const saveKpiTargets = agencyAction({
  name: "kpis.saveTargets",
  permission: "kpis.plan",
  schema: saveTargetsSchema,
  async run({ clientId, year, version, targets }, ctx) {
    await ownClient(ctx, clientId);
    const plan = await planAt(ctx, clientId, version);
    const inPlan = new Set(plan.items.map((i) => i.kpi));
    for (const t of targets) {
      if (!inPlan.has(t.kpi)) throw new FieldError(`targets.${t.kpi}`, planErrorKey("not_in_plan"));
    }
    const range = { fromMonth: `${year}-01`, toMonth: `${year}-12` };
    const before = await listKpiTargets(ctx.tx, { agencyId: ctx.agencyId, clientId, ...range });
    const sent = new Set(targets.map((t) => t.kpi));
    const next = [...before.filter((t) => !sent.has(t.kpi)), ...targets];
    await replaceKpiTargets(ctx.tx, { agencyId: ctx.agencyId, clientId, ...range, targets: next });
    const planVersion = await bumpPlan(ctx, clientId, plan);
    await ctx.audit({
      action: "kpi_targets.save",
      entity: "client",
      entityId: clientId,
      before: { year, targets: before },
      after: { year, targets: next },
    });
    revalidate(clientId);
    return { version: planVersion, targets: next.length };
  },
});

/** Copy-forward: this year's months take the previous year's targets where it had one. */
export const copyKpiTargets = agencyAction({
  name: "kpis.copyTargets",
  permission: "kpis.plan",
  schema: copyTargetsSchema,
  async run({ clientId, year, version }, ctx) {
    await ownClient(ctx, clientId);
    const plan = await planAt(ctx, clientId, version);
    const range = { fromMonth: `${year}-01`, toMonth: `${year}-12` };
    const [current, previous] = await Promise.all([
      listKpiTargets(ctx.tx, { agencyId: ctx.agencyId, clientId, ...range }),
      listKpiTargets(ctx.tx, {
        agencyId: ctx.agencyId,
        clientId,
        fromMonth: `${year - 1}-01`,
        toMonth: `${year - 1}-12`,
      }),
    ]);
    if (previous.length === 0) throw new FieldError("year", planErrorKey("nothing_to_copy"));
    const kpis = plan.items.map((i) => i.kpi);
    const inPlan = new Set(kpis);
    const next = [...current.filter((t) => !inPlan.has(t.kpi)), ...copyPreviousYear(year, kpis, current, previous)];
    await replaceKpiTargets(ctx.tx, { agencyId: ctx.agencyId, clientId, ...range, targets: next });
    const planVersion = await bumpPlan(ctx, clientId, plan);
    await ctx.audit({
      action: "kpi_targets.copy",
      entity: "client",
      entityId: clientId,
      before: { year, targets: current },
      after: { year, from: year - 1, targets: next },
    });
    revalidate(clientId);
    return { version: planVersion, targets: next.length };
  },
});
