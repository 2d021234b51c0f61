"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { ConflictCell } from "@/lib/kpis/entry";

/** Above the grid after a conflict: who saved first, how many cells differ, and "all mine" / "all theirs". */
export function EntryConflictBanner({
  count,
  by,
  onKeepAllMine,
  onTakeAllTheirs,
}: {
  count: number;
  by: string | null;
  onKeepAllMine: () => void;
  onTakeAllTheirs: () => void;
}) {
  const t = useTranslations("kpiEntry");
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-300"
    >
      <p className="font-semibold">{t("conflict.title")}</p>
      <p>{count > 0 ? t("conflict.body", { count, name: by ?? t("conflict.someone") }) : t("conflict.none")}</p>
      {count > 0 ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="secondary" onClick={onKeepAllMine}>
            {t("conflict.keepAllMine")}
          </Button>
          <Button type="button" size="sm" variant="secondary" onClick={onTakeAllTheirs}>
            {t("conflict.takeAllTheirs")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** Under a differing cell: the person's value and the stored one, the kept one pressed. */
export function EntryConflictChoice({
  cell,
  label,
  show,
  onChoose,
}: {
  cell: ConflictCell;
  label: string;
  show: (value: number | null) => string;
  onChoose: (choice: "mine" | "theirs") => void;
}) {
  const t = useTranslations("kpiEntry");
  const text = (value: number | null) => show(value) || t("blank");
  const option = (choice: "mine" | "theirs", value: number | null) => (
    <button
      type="button"
      aria-pressed={cell.choice === choice}
      aria-label={`${label}: ${t(choice === "mine" ? "conflict.keepMine" : "conflict.takeTheirs", { value: text(value) })}`}
      onClick={() => onChoose(choice)}
      className={cn(
        "flex w-full justify-between gap-1 rounded px-1 text-[11px] tabular-nums",
        cell.choice === choice ? "bg-amber-200 font-semibold text-amber-950" : "text-slate-600 hover:bg-amber-100",
      )}
    >
      <span>{t(choice === "mine" ? "conflict.mine" : "conflict.theirs")}</span>
      <span>{text(value)}</span>
    </button>
  );
  return (
    <span className="mt-0.5 ml-auto block w-28 space-y-0.5" data-conflict>
      {option("mine", cell.mine)}
      {option("theirs", cell.theirs)}
    </span>
  );
}
