import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AddLineForm } from "@/components/economics/add-line-form";
import { ContributionChart } from "@/components/economics/contribution-chart";
import { ImportForm } from "@/components/economics/import-form";
import { LinePanel } from "@/components/economics/line-panel";
import { ScenarioTabs } from "@/components/economics/scenario-tabs";
import { PlLinesTable } from "@/components/tables/pl-lines/data-table";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { getDb } from "@/db/client";
import { getAgencySettings } from "@/db/queries/agency";
import { getClientOrThrow } from "@/db/queries/clients";
import { listPlLines } from "@/db/queries/economics";
import { withTenant } from "@/db/tenant";
import { NotFoundError } from "@/lib/actions/errors";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { daysInMonth } from "@/lib/domain/calendar";
import { buildLineViews, toGridLine } from "@/lib/economics/view";
import { SCENARIOS } from "@/lib/options";
import { parseSearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("economics");
  return { title: t("title") };
}

const params = z.object({
  scenario: z.enum(SCENARIOS).default("base").catch("base"),
  line: z.string().max(200).optional().catch(undefined),
});

/** This month in Asia/Tokyo, for the pacing's days in month. */
function tokyoMonth(now = new Date()) {
  const [year, month] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" })
    .format(now)
    .split("-")
    .map(Number);
  return { year: year ?? now.getUTCFullYear(), month: month ?? now.getUTCMonth() + 1 };
}

export default async function EconomicsPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requirePermission("economics.read");
  const { id } = await routeParams;
  if (!z.uuid().safeParse(id).success) notFound();
  const { scenario, line: selectedKey } = parseSearchParams(params, await searchParams);
  const t = await getTranslations("economics");
  const { agencyId } = member.membership;
  const data = await withTenant(getDb(), agencyId, async (tx) => ({
    client: await getClientOrThrow(tx, { agencyId, clientId: id, scope: member.scope }),
    rows: await listPlLines(tx, { agencyId, clientId: id }),
    settings: await getAgencySettings(tx, { agencyId }),
  })).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const triggers = data.settings.hiringTriggers;
  const lines = buildLineViews(data.rows, triggers, daysInMonth(tokyoMonth()));
  const canEdit = can(member.membership.role, "economics.write");
  const selected = lines.find((l) => l.key === selectedKey) ?? lines[0];

  return (
    <div className="space-y-6">
      <Link href={`/clients/${id}`} className="text-sm text-indigo-700 hover:underline">
        ← {data.client.name}
      </Link>
      <PageHeader
        title={t("title")}
        description={t("description", { client: data.client.name })}
        actions={
          lines.length > 0 ? (
            <a href={`/clients/${id}/economics/export`} className={buttonClass("secondary")} download>
              {t("export")}
            </a>
          ) : null
        }
      />
      <ScenarioTabs current={scenario} />
      {lines.length === 0 ? (
        <EmptyState title={t("empty")} body={canEdit ? t("emptyBody") : t("emptyReadOnly")} />
      ) : (
        <>
          <PlLinesTable
            lines={lines.map((line) => toGridLine(line, scenario))}
            scenario={scenario}
            clientId={id}
            canEdit={canEdit}
            triggers={triggers}
            selectedKey={selected?.key}
          />
          <div className="grid gap-6 xl:grid-cols-2">
            {selected ? <LinePanel line={selected} scenario={scenario} triggers={triggers} /> : null}
            <Card className="p-6">
              <h2 className="mb-1 text-base font-semibold">{t("chartTitle")}</h2>
              <p className="mb-4 text-xs text-slate-500">{t("chartHint")}</p>
              <ContributionChart
                lines={lines.map((line) => {
                  const { key, channel, sku, contributions } = toGridLine(line, scenario);
                  return { key, channel, sku, contributions };
                })}
              />
            </Card>
          </div>
        </>
      )}
      {canEdit ? (
        <div className="grid gap-6 xl:grid-cols-2">
          <Card className="p-6">
            <h2 className="mb-4 text-base font-semibold">{t("addLine")}</h2>
            <AddLineForm clientId={id} />
          </Card>
          <Card className="p-6">
            <h2 className="mb-1 text-base font-semibold">{t("importTitle")}</h2>
            <p className="mb-4 text-xs text-slate-500">{t("importHint")}</p>
            <ImportForm clientId={id} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}
