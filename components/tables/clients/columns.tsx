"use client";

import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import type { VerdictKind } from "@/lib/domain/verdict";
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

export const features = tableFeatures({});
const helper = createColumnHelper<typeof features, ClientRow>();

/** Columns the server can sort by; the header of each is a link that flips the URL's sort. */
export const SORTABLE = new Set(["name", "code", "status", "updatedAt"]);

export const statusTone: Record<ClientStatus, BadgeTone> = {
  onboarding: "blue",
  trial: "yellow",
  active: "green",
  paused: "gray",
  ended: "red",
};

const verdictTone: Record<VerdictKind, BadgeTone> = { go: "green", hold: "yellow", stop: "red" };
const VERDICT_LABEL: Record<VerdictKind, string> = { go: "Go", hold: "Hold", stop: "Stop" };

/** The columns, translated; stable across renders as long as the locale is. */
export function useClientColumns() {
  const t = useTranslations();
  const format = useFormatter();
  return useMemo(() => buildColumns(t, format), [t, format]);
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

function buildColumns(t: ReturnType<typeof useTranslations<never>>, format: ReturnType<typeof useFormatter>) {
  const channel = once((c: Channel) => t(`channels.${c}`));
  const serviceModel = once((m: ServiceModel) => t(`serviceModels.${m}`));
  const status = once((s: ClientStatus) => t(`clientStatus.${s}`));
  const stage = once((s: OnboardingStage) => t(`onboardingStage.${s}`));
  return helper.columns([
    helper.accessor("name", {
      header: t("clients.columns.name"),
      cell: (info) => (
        <Link href={`/clients/${info.row.original.id}`} className="font-medium text-indigo-700 hover:underline">
          {info.getValue()}
        </Link>
      ),
    }),
    helper.accessor("code", {
      header: t("clients.columns.code"),
      cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span>,
    }),
    helper.accessor("channels", {
      header: t("clients.columns.channels"),
      cell: (info) => (
        <div className="flex flex-wrap gap-1">
          {info.getValue().map((c) => (
            <Badge key={c}>{channel(c as Channel)}</Badge>
          ))}
        </div>
      ),
    }),
    helper.accessor("serviceModel", {
      header: t("clients.columns.serviceModel"),
      cell: (info) => serviceModel(info.getValue() as ServiceModel),
    }),
    helper.accessor("status", {
      header: t("clients.columns.status"),
      cell: (info) => <Badge tone={statusTone[info.getValue()]}>{status(info.getValue())}</Badge>,
    }),
    helper.accessor("onboardingStage", {
      header: t("clients.columns.onboardingStage"),
      cell: (info) => stage(info.getValue() as OnboardingStage),
    }),
    helper.accessor("managerName", { header: t("clients.columns.manager"), cell: (info) => info.getValue() ?? "—" }),
    helper.accessor("operatorCount", { header: t("clients.columns.operators"), cell: (info) => info.getValue() }),
    helper.accessor("contract", {
      header: t("contracts.title"),
      cell: (info) => {
        const c = info.getValue();
        if (!c) return "—";
        return (
          <div className="flex flex-wrap items-center gap-1" data-testid="client-contract">
            {c.due ? <Badge tone="yellow">{t("contracts.dueBadge")}</Badge> : null}
            <span className="text-xs text-slate-600">
              {t("contracts.checklistShort")} {c.checklistDone}/{c.checklistOf}
            </span>
          </div>
        );
      },
    }),
    helper.accessor("verdict", {
      header: t("clients.columns.verdict"),
      cell: (info) => {
        const v = info.getValue();
        return v ? <Badge tone={verdictTone[v]}>{VERDICT_LABEL[v]}</Badge> : "—";
      },
    }),
    helper.accessor("updatedAt", {
      header: t("clients.columns.updatedAt"),
      cell: (info) => format.dateTime(new Date(info.getValue()), { dateStyle: "medium" }),
    }),
  ]);
}
