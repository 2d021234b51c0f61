"use client";

import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { type ReactNode, useMemo } from "react";
import { Badge } from "@/components/ui/misc";
import { clientStatusTone as statusTone, verdictTone } from "@/components/ui/tones";
import type { VerdictKind } from "@/lib/domain/verdict";
import { dateFormat } from "@/lib/format";
import type { Channel, ClientStatus, OnboardingStage, ServiceModel } from "@/lib/options";

/** One row of the client list, as the server sends it (see db/queries/clients.ts listClients). */
export type ClientRow = {
  id: string;
  name: string;
  code: string;
  industry: string;
  channels: string[];
  serviceModel: string;
  status: ClientStatus;
  onboardingStage: string;
  managerName: string | null;
  operatorCount: number;
  updatedAt: string;
  /** The client's contract at a glance: a term deadline within 30 days, and checklist n/10 (absent: no contract). */
  contract?: { due: boolean; checklistDone: number; checklistOf: number } | null;
  /** Go / Hold / Stop of the last complete month (absent: nothing to judge). */
  verdict?: VerdictKind | null;
};

/**
 * A column of the client list: its id (for a sortable column, the URL's `sort` value), its header and what a
 * cell shows. A new column is one more entry in `buildColumns`; sorting by it also needs the server's sort
 * (db/queries/clients.ts CLIENT_SORTS).
 */
export type ClientColumn = {
  id: string;
  header: string;
  /** The server can sort by it: the header is a link that flips the URL's sort. */
  sortable?: boolean;
  /** The cell's class ("td" and this): styling set on the cell rather than on an element inside it. */
  className?: string;
  cell: (row: ClientRow) => ReactNode;
};

const VERDICT_LABEL: Record<VerdictKind, string> = { go: "Go", hold: "Hold", stop: "Stop" };

/** The columns, translated; stable across renders as long as the locale is. */
export function useClientColumns(): ClientColumn[] {
  const t = useTranslations();
  const locale = useLocale();
  const timeZone = useTimeZone();
  // One kept date formatter for the rows (next-intl's `format.dateTime` looks its formatter up on every call).
  return useMemo(() => buildColumns(t, dateFormat(locale, { dateStyle: "medium", timeZone })), [t, locale, timeZone]);
}

/** `translate`, asked once per key: a page of 25 rows repeats the same few labels a hundred times. */
function once<K extends string>(translate: (key: K) => string): (key: K) => string {
  const labels = new Map<K, string>();
  return (key) => {
    let label = labels.get(key);
    if (label === undefined) {
      label = translate(key);
      labels.set(key, label);
    }
    return label;
  };
}

function buildColumns(t: ReturnType<typeof useTranslations<never>>, updatedAt: Intl.DateTimeFormat): ClientColumn[] {
  const channel = once((c: Channel) => t(`channels.${c}`));
  const serviceModel = once((m: ServiceModel) => t(`serviceModels.${m}`));
  const status = once((s: ClientStatus) => t(`clientStatus.${s}`));
  const stage = once((s: OnboardingStage) => t(`onboardingStage.${s}`));
  const dueBadge = t("clients.contractDue");
  const checklist = t("clients.checklistShort");
  return [
    {
      id: "name",
      header: t("clients.columns.name"),
      sortable: true,
      cell: (row) => (
        // A plain link: the table navigates it client-side (useSoftLinks in data-table.tsx).
        <a href={`/clients/${row.id}`} className="font-medium text-indigo-700 hover:underline">
          {row.name}
        </a>
      ),
    },
    {
      id: "code",
      header: t("clients.columns.code"),
      sortable: true,
      className: "td font-mono text-xs",
      cell: (row) => row.code,
    },
    {
      id: "channels",
      header: t("clients.columns.channels"),
      className: "td space-x-1",
      cell: (row) => row.channels.map((c) => <Badge key={c}>{channel(c as Channel)}</Badge>),
    },
    {
      id: "serviceModel",
      header: t("clients.columns.serviceModel"),
      cell: (row) => serviceModel(row.serviceModel as ServiceModel),
    },
    {
      id: "status",
      header: t("clients.columns.status"),
      sortable: true,
      cell: (row) => <Badge tone={statusTone[row.status]}>{status(row.status)}</Badge>,
    },
    {
      id: "onboardingStage",
      header: t("clients.columns.onboardingStage"),
      cell: (row) => stage(row.onboardingStage as OnboardingStage),
    },
    { id: "managerName", header: t("clients.columns.manager"), cell: (row) => row.managerName ?? "—" },
    { id: "operatorCount", header: t("clients.columns.operators"), cell: (row) => row.operatorCount },
    {
      id: "contract",
      header: t("clients.columns.contract"),
      cell: ({ contract: c }) =>
        c ? (
          <div className="flex flex-wrap items-center gap-1" data-testid="client-contract">
            {c.due ? <Badge tone="yellow">{dueBadge}</Badge> : null}
            <span className="text-xs text-slate-600">
              {checklist} {c.checklistDone}/{c.checklistOf}
            </span>
          </div>
        ) : (
          "—"
        ),
    },
    {
      id: "verdict",
      header: t("clients.columns.verdict"),
      cell: ({ verdict: v }) => (v ? <Badge tone={verdictTone[v]}>{VERDICT_LABEL[v]}</Badge> : "—"),
    },
    {
      id: "updatedAt",
      header: t("clients.columns.updatedAt"),
      sortable: true,
      cell: (row) => updatedAt.format(new Date(row.updatedAt)),
    },
  ];
}
