"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import type { ServerAction } from "@/lib/actions/safe-action";

export function AgencySwitch({
  current,
  agencies,
  switchAgency,
}: {
  current: string;
  agencies: { id: string; name: string }[];
  switchAgency: ServerAction<{ agencyId: string }>;
}) {
  const t = useTranslations("nav");
  const [pending, start] = useTransition();
  if (agencies.length < 2) return <span className="text-sm font-medium text-slate-700">{agencies[0]?.name}</span>;
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("agency")}</span>
      <select
        className="rounded-md border-0 bg-slate-100 py-1 pl-2 pr-8 text-sm font-medium ring-1 ring-slate-300"
        value={current}
        disabled={pending}
        onChange={(e) => {
          const agencyId = e.target.value;
          start(async () => {
            await switchAgency(null, { agencyId });
            window.location.assign("/");
          });
        }}
      >
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
