"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/misc";
import type { CallAction } from "./types";

export type RunProgress = {
  id: string;
  total: number;
  done: number;
  pending: number;
  failed: { clientId: string; clientName: string; error: string | null }[];
} | null;

/**
 * The bulk run of a month: start it, follow its progress (n of N, failures with their reason) while it runs,
 * retry the failures. The page re-reads the progress every second while items are pending.
 */
export function BulkGeneratePanel({
  month,
  run,
  bulkGenerate,
  retry,
}: {
  month: string;
  run: RunProgress;
  bulkGenerate: CallAction<{ runId: string; total: number }>;
  retry: CallAction<{ retried: number }>;
}) {
  const t = useTranslations("reports");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const active = run !== null && run.pending > 0;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 1000);
    return () => clearInterval(timer);
  }, [active, router]);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          disabled={pending || active}
          onClick={() =>
            start(async () => {
              const r = await bulkGenerate(null, { month });
              setError(r.ok ? null : r.message);
              router.refresh();
            })
          }
        >
          {active ? t("running") : t("generateAll")}
        </Button>
        {run ? (
          <output aria-live="polite" className="text-sm" data-testid="run-progress">
            {t("progress", { done: run.done, total: run.total })}
            {run.failed.length > 0 ? ` · ${t("failedCount", { count: run.failed.length })}` : ""}
          </output>
        ) : null}
        {run && run.failed.length > 0 && !active ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await retry(null, { runId: run.id });
                setError(r.ok ? null : r.message);
                router.refresh();
              })
            }
          >
            {t("retry")}
          </Button>
        ) : null}
      </div>
      {run && run.failed.length > 0 ? (
        <ul className="text-xs text-red-700">
          {run.failed.map((f) => (
            <li key={f.clientId}>
              {f.clientName}: {f.error}
            </li>
          ))}
        </ul>
      ) : null}
      <FormMessage>{error}</FormMessage>
    </div>
  );
}

/** Publishes the drafts ticked in the month's table (each with the version the page showed): all or none. */
export function BulkPublishForm({
  formId,
  bulkPublish,
}: {
  formId: string;
  bulkPublish: CallAction<{ published: number }>;
}) {
  const t = useTranslations("reports");
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => {
          const form = document.getElementById(formId) as HTMLFormElement | null;
          if (!form) return;
          const items = new FormData(form)
            .getAll("publish")
            .map((v) => String(v).split(":"))
            .map(([reportId, version]) => ({ reportId, version: Number(version) }));
          if (items.length === 0 || !window.confirm(t("publishConfirm"))) return;
          start(async () => {
            const r = await bulkPublish(null, { items });
            setMessage(
              r.ok
                ? { ok: true, text: t("publishedCount", { count: r.data.published }) }
                : { ok: false, text: r.message },
            );
            router.refresh();
          });
        }}
      >
        {t("publishSelected")}
      </Button>
      <FormMessage tone={message?.ok ? "success" : "error"}>{message?.text ?? null}</FormMessage>
    </div>
  );
}
