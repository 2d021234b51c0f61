"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { RowEdit } from "./row-context";

/** Show the line in the panel below; save (the row's form, also on Enter); copy base; delete. */
export function RowActions({ edit }: { edit: RowEdit }) {
  const t = useTranslations("economics");
  const { line, scenario, clientId, canEdit, formId, version, pending, busy, onSubmit, run, actions } = edit;
  const pathname = usePathname();
  const search = useSearchParams();
  const next = new URLSearchParams(search.toString());
  next.set("line", line.key);
  const key = { clientId, channel: line.channel, sku: line.sku };
  const view = line.current;
  return (
    <div className="flex items-center gap-1">
      <Link
        href={`${pathname}?${next.toString()}`}
        scroll={false}
        className="rounded px-1.5 py-1 text-indigo-700 hover:bg-indigo-50"
        aria-label={t("showLine", { sku: line.sku })}
      >
        {t("details")}
      </Link>
      {canEdit && view ? (
        <form id={formId} method="post" onSubmit={onSubmit} className="flex items-center gap-1">
          <input type="hidden" name="clientId" value={clientId} />
          <input type="hidden" name="id" value={view.id} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="channel" value={line.channel} />
          <input type="hidden" name="sku" value={line.sku} />
          <input type="hidden" name="scenario" value={scenario} />
          <Button type="submit" size="sm" pending={pending} aria-label={t("saveLine", { sku: line.sku })}>
            {t("save")}
          </Button>
        </form>
      ) : null}
      {canEdit && scenario === "base" ? (
        <Button
          type="button"
          size="sm"
          variant="ghost"
          pending={busy}
          title={t("copyBaseHint")}
          aria-label={t("copyBaseFor", { sku: line.sku })}
          onClick={() =>
            run(async () => {
              const versions = {
                pessimistic: line.versions.pessimistic ?? undefined,
                optimistic: line.versions.optimistic ?? undefined,
              };
              const r = await actions.copyBase(null, { ...key, versions });
              return r.ok ? t("copied") : r.message;
            })
          }
        >
          {t("copyBase")}
        </Button>
      ) : null}
      {canEdit ? (
        <ConfirmButton
          aria-label={t("deleteLine", { sku: line.sku })}
          title={t("deleteConfirm", { sku: line.sku })}
          confirmLabel={t("delete")}
          onConfirm={() =>
            run(async () => {
              const r = await actions.deleteLine(null, key);
              return r.ok ? null : r.message;
            })
          }
        >
          {t("delete")}
        </ConfirmButton>
      ) : null}
    </div>
  );
}
