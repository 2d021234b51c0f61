"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { SCENARIOS, type Scenario } from "@/lib/options";

/** Pessimistic / base / optimistic: the scenario being edited, kept in the URL. */
export function ScenarioTabs({ current }: { current: Scenario }) {
  const t = useTranslations("economics");
  const pathname = usePathname();
  const search = useSearchParams();
  const href = (scenario: Scenario) => {
    const next = new URLSearchParams(search.toString());
    next.set("scenario", scenario);
    return `${pathname}?${next.toString()}`;
  };
  return (
    <nav aria-label={t("scenario")} className="inline-flex rounded-lg bg-slate-100 p-1">
      {SCENARIOS.map((s) => (
        <Link
          key={s}
          href={href(s)}
          scroll={false}
          aria-current={s === current ? "page" : undefined}
          className={cn(
            "rounded-md px-4 py-1.5 text-sm font-medium",
            s === current ? "bg-white text-slate-900 shadow-xs" : "text-slate-600 hover:text-slate-900",
          )}
        >
          {t(`scenarios.${s}`)}
        </Link>
      ))}
    </nav>
  );
}
