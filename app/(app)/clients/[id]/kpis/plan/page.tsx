import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PlanEditor, type PlanInput } from "@/components/kpis/plan-editor";
import { TargetsEditor } from "@/components/kpis/targets-editor";
import { buttonClass } from "@/components/ui/button";
import { Card, FormMessage, PageHeader } from "@/components/ui/misc";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { getKpiPlan, listKpiTargets } from "@/db/queries/kpis";
import { agencyRead } from "@/lib/actions/agency-read";
import { tokyoToday } from "@/lib/contracts/view";
import { KPIS } from "@/lib/domain/kpi";
import { DEFAULT_VERDICT_SETTINGS } from "@/lib/domain/verdict";
import { DEFAULT_PLAN_ITEMS } from "@/lib/kpis/plan-defaults";
import {
  inputKindOfUnit,
  targetGrid,
  typedText,
  VERDICT_SETTING_KEYS,
  VERDICT_SETTING_KINDS,
} from "@/lib/kpis/plan-view";
import { parseSearchParams } from "@/lib/search-params";
import { copyKpiTargets, saveKpiPlanAction, saveKpiTargets } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kpiPlan");
  return { title: t("title") };
}

const query = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined) });

export default async function KpiPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const year = parseSearchParams(query, await searchParams).year ?? Number(tokyoToday().slice(0, 4));
  const t = await getTranslations();
  const { client, plan, targets, previousYearTargets } = await agencyRead(
    "kpis.plan",
    async ({ tx, agencyId, scope }) => {
      if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
      const client = await getClientOrThrow(tx, { agencyId, clientId: id, scope });
      const [plan, targets, previous] = await Promise.all([
        getKpiPlan(tx, { agencyId, clientId: id }),
        listKpiTargets(tx, { agencyId, clientId: id, fromMonth: `${year}-01`, toMonth: `${year}-12` }),
        listKpiTargets(tx, { agencyId, clientId: id, fromMonth: `${year - 1}-01`, toMonth: `${year - 1}-12` }),
      ]);
      return { client, plan, targets, previousYearTargets: previous.length };
    },
  );
  const initial: PlanInput = plan
    ? {
        reviewCadence: plan.reviewCadence ?? "",
        thirdPartyAudit: plan.thirdPartyAudit === null ? "unstated" : plan.thirdPartyAudit ? "yes" : "no",
        items: plan.items.map((i) => ({ ...i })),
        verdictSettings: Object.fromEntries(
          VERDICT_SETTING_KEYS.map((k) => [k, typedText(VERDICT_SETTING_KINDS[k], plan.verdictSettings[k])]),
        ),
        returnRateBaseline: typedText("percent", plan.returnRateBaselineBp),
      }
    : {
        reviewCadence: "",
        thirdPartyAudit: "unstated",
        items: DEFAULT_PLAN_ITEMS.map((i) => ({ ...i })),
        verdictSettings: {},
        returnRateBaseline: "",
      };
  const defaults = Object.fromEntries(
    VERDICT_SETTING_KEYS.map((k) => [k, typedText(VERDICT_SETTING_KINDS[k], DEFAULT_VERDICT_SETTINGS[k])]),
  );
  const kpis = plan?.items.map((i) => i.kpi) ?? [];
  const path = `/clients/${id}/kpis/plan`;

  return (
    <div className="space-y-6">
      <Link href={`/clients/${id}/kpis`} className="text-sm text-indigo-700 hover:underline">
        ← {t("kpiPlan.back")}
      </Link>
      <PageHeader title={t("kpiPlan.heading", { client: client.name })} description={t("kpiPlan.description")} />
      {plan === null ? <FormMessage tone="info">{t("kpiPlan.newPlan")}</FormMessage> : null}
      <Card className="p-6">
        <PlanEditor
          clientId={id}
          version={plan?.version ?? 0}
          initial={initial}
          defaults={defaults}
          settingKeys={VERDICT_SETTING_KEYS}
          save={saveKpiPlanAction}
        />
      </Card>
      <Card className="space-y-4 p-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 className="text-base font-semibold">{t("kpiPlan.targetsTitle")}</h2>
            <p className="text-xs text-slate-500">{t("kpiPlan.targetsHint")}</p>
          </div>
          <nav className="flex items-center gap-2" aria-label={t("kpiPlan.year")}>
            <Link href={`${path}?year=${year - 1}`} className={buttonClass("secondary", "sm")}>
              ← {t("kpiPlan.previousYear")}
            </Link>
            <span className="text-sm font-semibold" data-testid="targets-year">
              {year}
            </span>
            <Link href={`${path}?year=${year + 1}`} className={buttonClass("secondary", "sm")}>
              {t("kpiPlan.nextYear")} →
            </Link>
          </nav>
        </div>
        {plan === null || kpis.length === 0 ? (
          <p className="text-sm text-slate-500">{t("kpiPlan.targetsNeedPlan")}</p>
        ) : (
          <TargetsEditor
            key={year}
            clientId={id}
            version={plan.version}
            year={year}
            kpis={kpis.map((k) => ({
              key: k,
              label: t(`kpis.kpi.${k}`),
              hint: t(`kpiPlan.unitHint.${inputKindOfUnit(KPIS[k].unit)}`),
            }))}
            initial={targetGrid(kpis, year, targets)}
            canCopy={previousYearTargets > 0}
            save={saveKpiTargets}
            copy={copyKpiTargets}
          />
        )}
      </Card>
    </div>
  );
}
