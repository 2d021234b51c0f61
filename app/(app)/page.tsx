import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DueContracts } from "@/components/contracts/due-contracts";
import { StartSection } from "@/components/start/start-section";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/misc";
import { agencyReadKept } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { tokyoToday } from "@/lib/contracts/view";
import { formatYen } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { lastCompleteMonth } from "@/lib/kpis/plan-view";
import { loadStartPage } from "@/lib/margins/start";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("start");
  return { title: t("title") };
}

/**
 * The front door: each role has its own home. Owners and managers get what needs doing this week; operators
 * their week; client users the portal.
 */
export default async function Home() {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  const role = viewer.membership?.role;
  if (role === "client") redirect("/portal");
  if (role === "operator") redirect("/week");
  if (!role || !can(role, "margins.read")) redirect("/clients");
  const today = tokyoToday();
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  // Every current client's entries, verdict, KPI status, margin and report: computed once per state of the
  // agency's data (and per day).
  const { data } = await agencyReadKept("margins.read", ["start", today], ({ tx, agencyId }) =>
    loadStartPage(tx, { agencyId, today, lastMonth: lastCompleteMonth(today) }),
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("start.title")}
        description={t("start.description", { date: today })}
        actions={
          <Link href="/portfolio" className={buttonClass("secondary")}>
            {t("start.portfolio")}
          </Link>
        }
      />
      <DueContracts contracts={data.due} />
      <div className="grid gap-6 lg:grid-cols-2">
        <StartSection
          title={t("start.entries.title", { week: data.week })}
          items={data.entries.map((e) => ({
            key: e.clientId,
            href: `/clients/${e.clientId}/kpis/entry?week=${data.week}`,
            text: t("start.entries.item", { client: e.name, cells: e.cells, expected: e.expected }),
          }))}
        />
        <StartSection
          title={t("start.checklists.title")}
          items={data.checklists.map((c) => ({
            key: c.contractId,
            href: `/clients/${c.clientId}/contracts/${c.contractId}/checklist`,
            text: t("start.checklists.item", { client: c.name, done: c.done }),
          }))}
        />
        <StartSection
          title={t("start.risk.title", { month: data.month })}
          items={data.risk.map((r) => ({
            key: r.clientId,
            href: `/clients/${r.clientId}/kpis?month=${data.month}`,
            text: [
              r.name,
              r.offTrack > 0 ? t("start.risk.offTrack", { count: r.offTrack }) : null,
              r.stop ? t("start.risk.stop") : null,
            ]
              .filter(Boolean)
              .join(" · "),
          }))}
        />
        <StartSection
          title={t("start.negative.title", { month: data.month })}
          items={data.negative.map((n) => ({
            key: n.clientId,
            href: `/clients/${n.clientId}/margin?month=${data.month}`,
            text: t("start.negative.item", { client: n.name, margin: formatYen(n.margin, locale) }),
          }))}
        />
        <StartSection
          title={t("start.reports.title")}
          note={data.unpublished === null ? t("start.reports.unavailable") : undefined}
          items={(data.unpublished ?? []).map((r) => ({
            key: r.clientId,
            href: `/clients/${r.clientId}/reports/${data.month}`,
            text: r.late ? `${r.name} · ${t("portfolio.report.late")}` : r.name,
          }))}
        />
      </div>
    </div>
  );
}
