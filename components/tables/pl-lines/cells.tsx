"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { RowEdit } from "./row-context";

/** The row buttons' texts, made once a grid (columns.tsx): a page has 25 rows of them. */
export type RowActionLabels = {
  details: string;
  save: string;
  copyBase: string;
  copyBaseHint: string;
  copied: string;
  delete: string;
  showLine: (values: { sku: string }) => string;
  saveLine: (values: { sku: string }) => string;
  copyBaseFor: (values: { sku: string }) => string;
  deleteLine: (values: { sku: string }) => string;
  deleteConfirm: (values: { sku: string }) => string;
};

/** Show the line in the panel below; save the row (also Enter in one of its inputs); copy base; delete. */
export function RowActions({ edit, labels }: { edit: RowEdit; labels: RowActionLabels }) {
  const { line, scenario, clientId, canEdit, pending, busy, save, run, actions } = edit;
  const key = { clientId, channel: line.channel, sku: line.sku };
  const view = line.current;
  return (
    <div className="flex items-center gap-1">
      <Link
        href={edit.lineHref(line.key)}
        scroll={false}
        className="rounded px-1.5 py-1 text-indigo-700 hover:bg-indigo-50"
        aria-label={labels.showLine({ sku: line.sku })}
      >
        {labels.details}
      </Link>
      {canEdit && view ? (
        <Button
          type="button"
          size="sm"
          pending={pending}
          aria-label={labels.saveLine({ sku: line.sku })}
          onClick={save}
        >
          {labels.save}
        </Button>
      ) : null}
      {canEdit && scenario === "base" ? (
        <Button
          type="button"
          size="sm"
          variant="ghost"
          pending={busy}
          title={labels.copyBaseHint}
          aria-label={labels.copyBaseFor({ sku: line.sku })}
          onClick={() =>
            run(async () => {
              const versions = {
                pessimistic: line.versions.pessimistic ?? undefined,
                optimistic: line.versions.optimistic ?? undefined,
              };
              const r = await actions.copyBase(null, { ...key, versions });
              return r.ok ? labels.copied : r.message;
            })
          }
        >
          {labels.copyBase}
        </Button>
      ) : null}
      {canEdit ? (
        <ConfirmButton
          aria-label={labels.deleteLine({ sku: line.sku })}
          title={labels.deleteConfirm({ sku: line.sku })}
          confirmLabel={labels.delete}
          onConfirm={() =>
            run(async () => {
              const r = await actions.deleteLine(null, key);
              return r.ok ? null : r.message;
            })
          }
        >
          {labels.delete}
        </ConfirmButton>
      ) : null}
    </div>
  );
}
