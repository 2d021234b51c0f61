"use client";

import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { CHANNELS, CLIENT_STATUSES } from "@/lib/options";

/**
 * The client list's search and filters: a plain GET form, so the list's state lives in the URL (the sort and its
 * direction ride along as hidden fields). A client component given the current values: its labels come from the
 * list's message scope, and the page's payload carries the values rather than the form's markup.
 */
export function ClientFilters({
  q,
  status,
  channel,
  due,
  sort,
  dir,
  dueLabel,
}: {
  q?: string;
  status?: string;
  channel?: string;
  due?: string;
  sort: string;
  dir: string;
  /** "Only deadlines within 30 days" (the contracts' catalogue, which the list's scope does not carry). */
  dueLabel: string;
}) {
  const t = useTranslations();
  return (
    <search>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="w-64">
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("clients.search")}</span>
          <input
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("clients.searchPlaceholder")}
            className={inputClass}
          />
        </label>
        <label>
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("clients.columns.status")}</span>
          <select name="status" defaultValue={status ?? ""} className={inputClass}>
            <option value="">{t("clients.allStatuses")}</option>
            {CLIENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`clientStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="mb-1 block text-xs font-medium text-slate-600">{t("clients.columns.channels")}</span>
          <select name="channel" defaultValue={channel ?? ""} className={inputClass}>
            <option value="">{t("clients.allChannels")}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="due" value="1" defaultChecked={due === "1"} />
          {dueLabel}
        </label>
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <button type="submit" className={buttonClass("secondary")}>
          {t("clients.filter")}
        </button>
      </form>
    </search>
  );
}
