"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { PlField } from "@/lib/economics/fields";
import { useRowEdit } from "./row-context";

/** One input of the row's scenario, named by the field table; read-only text for those who may not edit. */
export function InputCell({ field }: { field: PlField }) {
  const t = useTranslations("economics");
  const { line, canEdit, formId, errorId, fieldErrors } = useRowEdit();
  const view = line.current;
  if (!view) return null;
  const value = view.cells[field.name] ?? "";
  if (!canEdit) {
    return (
      <span className="block text-right">{field.kind === "enum" ? t(`adModes.${value as "cpa"}`) : value || "—"}</span>
    );
  }
  const invalid = Boolean(fieldErrors[field.name]);
  const common = {
    form: formId,
    name: field.name,
    defaultValue: value,
    "aria-label": `${line.sku} ${t(`fields.${field.name}` as "fields.aov")}`,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? errorId : undefined,
  };
  if (field.kind === "enum") {
    return (
      <select {...common} className="pl-input pl-input-wide">
        {field.options?.map((m) => (
          <option key={m} value={m}>
            {t(`adModes.${m as "cpa"}`)}
          </option>
        ))}
      </select>
    );
  }
  const text = field.kind === "costs" || field.kind === "text";
  // A short class (defined in app/globals.css) keeps a grid of hundreds of inputs light.
  return (
    <input {...common} inputMode={text ? "text" : "decimal"} className={text ? "pl-input pl-input-text" : "pl-input"} />
  );
}

/** Show the line in the panel below; save (the row's form, also on Enter); copy base; delete. */
export function RowActions() {
  const t = useTranslations("economics");
  const { line, scenario, clientId, canEdit, formId, version, pending, busy, onSubmit, run, actions } = useRowEdit();
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
