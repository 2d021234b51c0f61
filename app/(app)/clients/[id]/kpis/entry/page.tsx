import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EntryGrid } from "@/components/kpis/entry-grid";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { agencyRead } from "@/lib/actions/agency-read";
import { memoAgencyAt } from "@/lib/cache/agency-memo";
import { addWeeks, isoWeekKey, monthOfIsoWeek, parseIsoWeekKey, type YearMonthDay } from "@/lib/domain/calendar";
import { dateFormat } from "@/lib/format";
import { currentIsoWeekKey, weekDays } from "@/lib/kpis/entry";
import { loadEntryPage } from "@/lib/kpis/entry-load";
import { kpiPageClient } from "../client";
import { saveWeek } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kpiEntry");
  return { title: t("title") };
}

export default async function KpiEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const raw = (await searchParams).week;
  const { client, canPlan, agencyId, revision } = await kpiPageClient("kpis.enter", id);
  const t = await getTranslations("kpiEntry");
  const locale = await getLocale();
  const thisWeek = currentIsoWeekKey();
  const requested = typeof raw === "string" ? raw : Array.isArray(raw) ? (raw[0] ?? thisWeek) : thisWeek;
  const week = parseIsoWeekKey(requested);
  const path = `/clients/${client.id}/kpis/entry`;
  const back = (
    <Link href={`/clients/${client.id}`} className="text-sm text-indigo-700 hover:underline">
      ← {client.name}
    </Link>
  );

  if (week === null) {
    return (
      <div className="space-y-6">
        {back}
        <PageHeader title={t("title")} description={client.name} />
        <EmptyState
          title={t("noSuchWeek")}
          body={t("noSuchWeekBody", { week: requested.slice(0, 20) })}
          action={
            <Link href={path} className={buttonClass()}>
              {t("openThisWeek")}
            </Link>
          }
        />
      </div>
    );
  }

  const isoWeek = isoWeekKey(week);
  // The week's cells, last week's and the plan (the client was checked against the member's scope, and the
  // agency's revision read, by the layout's kpiPageClient).
  const data = await memoAgencyAt(revision, agencyId, ["kpiEntry", client.id, isoWeek], () =>
    agencyRead("kpis.enter", ({ tx }) => loadEntryPage(tx, { agencyId, clientId: client.id, isoWeek })),
  );
  const { monday, sunday } = weekDays(week);
  const tag = locale === "ja" ? "ja-JP" : "en-GB";
  const day = dateFormat(tag, { month: "short", day: "numeric", timeZone: "UTC" });
  const monthName = dateFormat(tag, { year: "numeric", month: "long", timeZone: "UTC" });
  const asDate = (d: YearMonthDay) => new Date(Date.UTC(d.year, d.month - 1, d.day));
  const month = monthOfIsoWeek(week);
  const previousWeek = isoWeekKey(addWeeks(week, -1));
  const nextWeek = isoWeekKey(addWeeks(week, 1));

  return (
    <div className="space-y-6">
      {back}
      <PageHeader
        title={t("title")}
        description={t("description", {
          client: client.name,
          week: isoWeek,
          from: day.format(asDate(monday)),
          to: day.format(asDate(sunday)),
          month: monthName.format(new Date(Date.UTC(month.year, month.month - 1, 1))),
        })}
        actions={
          <nav aria-label={t("weekNav")} className="flex gap-2">
            <Link href={`${path}?week=${previousWeek}`} className={buttonClass("secondary", "sm")} rel="prev">
              ← {t("previousWeek")}
            </Link>
            {isoWeek !== thisWeek ? (
              <Link href={path} className={buttonClass("secondary", "sm")}>
                {t("thisWeek")}
              </Link>
            ) : null}
            {isoWeek < thisWeek ? (
              <Link href={`${path}?week=${nextWeek}`} className={buttonClass("secondary", "sm")} rel="next">
                {t("nextWeek")} →
              </Link>
            ) : null}
          </nav>
        }
      />
      {data.measures === null ? (
        <EmptyState
          title={t("noPlan")}
          body={canPlan ? t("noPlanBodyManager") : t("noPlanBody")}
          action={
            canPlan ? (
              <Link href={`/clients/${client.id}/kpis/plan`} className={buttonClass()}>
                {t("makePlan")}
              </Link>
            ) : null
          }
        />
      ) : (
        <Card className="p-4">
          <EntryGrid
            key={isoWeek}
            clientId={client.id}
            isoWeek={isoWeek}
            channels={client.channels}
            measures={data.measures}
            week={data.week}
            previous={data.previous}
            save={saveWeek}
          />
        </Card>
      )}
    </div>
  );
}
