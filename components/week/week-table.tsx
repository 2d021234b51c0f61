import Link from "next/link";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import type { ServerAction } from "@/lib/actions/safe-action";
import type { WeekViewRow } from "@/lib/kpis/week-view";
import { minutesText } from "./hours";
import { HoursInput } from "./hours-input";

const statusTone: Record<WeekViewRow["status"], BadgeTone> = {
  complete: "green",
  partial: "yellow",
  not_started: "gray",
  no_plan: "gray",
};

/**
 * The week's clients: entry status with a link to the entry grid, hours (editable where they are the
 * viewer's own) and the KPIs off track in the week's month. The team view groups rows by operator.
 */
export function WeekTable({
  rows,
  week,
  team,
  saveHours,
}: {
  rows: WeekViewRow[];
  week: string;
  team: boolean;
  saveHours: ServerAction<{ version: number; minutes: number }>;
}) {
  const t = useTranslations();
  const groups: { key: string; name: string; rows: WeekViewRow[] }[] = [];
  for (const row of rows) {
    const key = team ? (row.operator?.membershipId ?? "none") : "all";
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.rows.push(row);
    else groups.push({ key, name: row.operator?.name ?? t("week.unassigned"), rows: [row] });
  }
  return (
    <Table data-testid="week-table">
      <thead>
        <tr>
          <Th>{t("week.client")}</Th>
          <Th>{t("week.entry")}</Th>
          <Th>{t("week.hours")}</Th>
          <Th>{t("week.offTrack")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.map((group) => (
          <Fragment key={group.key}>
            {team ? (
              <tr>
                <th colSpan={4} scope="colgroup" className="bg-slate-50/60 px-3 py-1.5 text-left text-xs font-semibold">
                  {group.name}
                </th>
              </tr>
            ) : null}
            {group.rows.map((row) => (
              <tr key={`${group.key}-${row.clientId}`} data-client={row.code}>
                <Td className="whitespace-normal">
                  <Link href={`/clients/${row.clientId}`} className="font-medium text-slate-900 hover:underline">
                    {row.name}
                  </Link>
                  <span className="ml-2 text-xs text-slate-400">{row.code}</span>
                  <div className="text-xs text-slate-500">{row.channels.map((c) => t(`channels.${c}`)).join("・")}</div>
                </Td>
                <Td>
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={statusTone[row.status]}>{t(`week.entryStatus.${row.status}`)}</Badge>
                    {row.late ? <Badge tone="red">{t("week.late")}</Badge> : null}
                    {row.expected > 0 ? (
                      <span className="text-xs tabular-nums text-slate-500">
                        {t("week.cells", { cells: Math.min(row.cells, row.expected), expected: row.expected })}
                      </span>
                    ) : null}
                  </div>
                  {row.status !== "no_plan" ? (
                    <Link
                      href={`/clients/${row.clientId}/kpis/entry?week=${week}`}
                      className="text-xs text-indigo-700 hover:underline"
                    >
                      {t("week.openEntry")}
                    </Link>
                  ) : null}
                </Td>
                <Td className="align-top">
                  {row.ownHours ? (
                    <HoursInput
                      clientId={row.clientId}
                      clientName={row.name}
                      isoWeek={week}
                      minutes={row.minutes}
                      version={row.hoursVersion}
                      save={saveHours}
                    />
                  ) : (
                    <span className="tabular-nums">{row.minutes === null ? "—" : minutesText(row.minutes)}</span>
                  )}
                </Td>
                <Td className="whitespace-normal">
                  {row.offTrack === null || row.offTrack.length === 0 ? (
                    <span className="text-xs text-slate-400">{t("week.noneOffTrack")}</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1">
                      {row.offTrack.map((kpi) => (
                        <li key={kpi}>
                          <Badge tone="red">{t(`kpis.kpi.${kpi}`)}</Badge>
                        </li>
                      ))}
                    </ul>
                  )}
                </Td>
              </tr>
            ))}
          </Fragment>
        ))}
      </tbody>
    </Table>
  );
}
