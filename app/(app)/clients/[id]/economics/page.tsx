import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { AddLineForm } from "@/components/economics/add-line-form";
import { ContributionChart } from "@/components/economics/contribution-chart";
import { ImportForm } from "@/components/economics/import-form";
import { LinePanel } from "@/components/economics/line-panel";
import { ScenarioTabs } from "@/components/economics/scenario-tabs";
import { PlLinesTable } from "@/components/tables/pl-lines/data-table";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { Pagination } from "@/components/ui/pagination";
import { NotFoundError } from "@/db/errors";
import { getAgencySettings } from "@/db/queries/agency";
import { getClientOrThrow } from "@/db/queries/clients";
import { listPlLinePage } from "@/db/queries/economics";
import { agencyReadKept } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { daysInMonth } from "@/lib/domain/calendar";
import { buildLineViews, toGridLine } from "@/lib/economics/view";
import { SCENARIOS, type Scenario } from "@/lib/options";
import { pageParam, parseSearchParams } from "@/lib/search-params";
import {
  copyBaseToScenarios,
  createPlLine,
  deletePlLine,
  importPlLines,
  previewPlImport,
  updatePlLine,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("economics");
  return { title: t("title") };
}

const params = z.object({
  scenario: z.enum(SCENARIOS).default("base").catch("base"),
  line: z.string().max(200).optional().catch(undefined),
  page: pageParam,
});

/** Lines (channel × SKU, three scenarios each) per page of the grid: a client with hundreds stays fast. */
const LINES_PER_PAGE = 25;

const tokyoYearMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" });

/** This month in Asia/Tokyo, for the pacing's days in month. */
function tokyoMonth(now = new Date()) {
  const [year, month] = tokyoYearMonth.format(now).split("-").map(Number);
  return { year: year ?? now.getUTCFullYear(), month: month ?? now.getUTCMonth() + 1 };
}

/**
 * Everything the page reads, in one tenant transaction: the client (404 if the member may not see it), one
 * page of lines with their figures and the agency's hiring triggers — kept per state of the agency's data
 * (agencyReadKept). The header and the grid both ask for it; `cache` makes it one call per request.
 */
const loadEconomicsPage = cache(async (clientId: string, page: number) => {
  const month = tokyoMonth();
  const { data, member } = await agencyReadKept(
    "economics.read",
    ["plPage", clientId, page, month.year, month.month],
    async ({ tx, agencyId, scope }) => {
      if (!z.uuid().safeParse(clientId).success) throw new NotFoundError("client");
      const client = await getClientOrThrow(tx, { agencyId, clientId, scope });
      const { rows, totalLines } = await listPlLinePage(tx, { agencyId, clientId, page, pageSize: LINES_PER_PAGE });
      const settings = await getAgencySettings(tx, { agencyId });
      const triggers = settings.hiringTriggers;
      return { client, totalLines, triggers, views: buildLineViews(rows, triggers, daysInMonth(month)) };
    },
  );
  return { ...data, canEdit: can(member.membership.role, "economics.write") };
});

export default async function EconomicsPage({
  params: routeParams,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await routeParams;
  const query = parseSearchParams(params, await searchParams);
  const t = await getTranslations("economics");
  const { client, canEdit } = await loadEconomicsPage(id, query.page);

  return (
    <div className="space-y-6">
      <Link href={`/clients/${id}`} className="text-sm text-indigo-700 hover:underline">
        ← {client.name}
      </Link>
      <PageHeader
        title={t("title")}
        description={t("description", { client: client.name })}
        actions={
          <a href={`/clients/${id}/economics/export`} className={buttonClass("secondary")} download>
            {t("export")}
          </a>
        }
      />
      <ScenarioTabs current={query.scenario} />
      {/* A new scenario or page is a new grid: the rows' inputs start from its figures. */}
      <Lines key={`${query.scenario}:${query.page}`} clientId={id} canEdit={canEdit} {...query} />
      {canEdit ? (
        <div className="grid gap-6 xl:grid-cols-2">
          <Card className="p-6">
            <h2 className="mb-4 text-base font-semibold">{t("addLine")}</h2>
            <AddLineForm clientId={id} createLine={createPlLine} />
          </Card>
          <Card className="p-6">
            <h2 className="mb-1 text-base font-semibold">{t("importTitle")}</h2>
            <p className="mb-4 text-xs text-slate-500">{t("importHint")}</p>
            <ImportForm clientId={id} preview={previewPlImport} commit={importPlLines} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The grid, the selected line's panel and the chart, for one page of lines. Not streamed behind a skeleton: the
 * lines are kept per state of the agency's data, so they are nearly always ready, and a Suspense boundary would
 * cost every request more than it shows.
 */
async function Lines({
  clientId,
  canEdit,
  scenario,
  line: selectedKey,
  page,
}: {
  clientId: string;
  canEdit: boolean;
  scenario: Scenario;
  line?: string;
  page: number;
}) {
  const t = await getTranslations("economics");
  const data = await loadEconomicsPage(clientId, page);
  const { triggers, views: lines } = data;
  if (lines.length === 0) {
    return <EmptyState title={t("empty")} body={canEdit ? t("emptyBody") : t("emptyReadOnly")} />;
  }
  const selected = lines.find((l) => l.key === selectedKey) ?? lines[0];
  const gridLines = lines.map((line) => toGridLine(line, scenario));
  return (
    <>
      <div>
        <PlLinesTable
          lines={gridLines}
          scenario={scenario}
          clientId={clientId}
          canEdit={canEdit}
          triggers={triggers}
          selectedKey={selected?.key}
          actions={{ updateLine: updatePlLine, copyBase: copyBaseToScenarios, deleteLine: deletePlLine }}
        />
        {data.totalLines > LINES_PER_PAGE ? (
          <Pagination
            page={page}
            pageSize={LINES_PER_PAGE}
            total={data.totalLines}
            params={{ scenario: scenario === "base" ? undefined : scenario }}
            path={`/clients/${clientId}/economics`}
          />
        ) : null}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {selected ? <LinePanel line={selected} scenario={scenario} triggers={triggers} /> : null}
        <Card className="p-6">
          <h2 className="mb-1 text-base font-semibold">{t("chartTitle")}</h2>
          <p className="mb-4 text-xs text-slate-500">{t("chartHint")}</p>
          <ContributionChart
            lines={gridLines.map(({ key, channel, sku, contributions }) => ({ key, channel, sku, contributions }))}
          />
        </Card>
      </div>
    </>
  );
}
