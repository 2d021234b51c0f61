"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import { CHECKLIST_STATUSES, type ChecklistStatus } from "@/lib/domain/checklist";
import type { CallAction } from "./types";

/** Confirm the proposal or override it, with a note; who and when are recorded by the server. */
export function ChecklistDecision({
  keyOf,
  item,
  proposed,
  current,
  decide,
}: {
  keyOf: { clientId: string; contractId: string; versionId: string };
  item: number;
  proposed: ChecklistStatus;
  current: { status: ChecklistStatus; note: string } | null;
  decide: CallAction<unknown>;
}) {
  const t = useTranslations("contracts");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  const initial = current?.status ?? (proposed === "unchecked" ? "confirmed" : proposed);
  return (
    <form
      className="no-print space-y-2"
      data-testid={`decide-${item}`}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        start(async () => {
          const r = await decide(null, { ...keyOf, item, status: f.get("status"), note: f.get("note") });
          setResult(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      <div className="flex flex-wrap items-start gap-2">
        <select
          name="status"
          aria-label={t("checklistPage.decided")}
          defaultValue={initial}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          {CHECKLIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`checklistPage.statuses.${s}`)}
            </option>
          ))}
        </select>
        <textarea
          name="note"
          rows={1}
          aria-label={t("checklistPage.note")}
          placeholder={t("checklistPage.note")}
          defaultValue={current?.note ?? ""}
          className={`${inputClass} min-w-48 flex-1`}
        />
        <Button size="sm" type="submit" disabled={pending}>
          {t("checklistPage.decide")}
        </Button>
      </div>
      <FieldErrors name={`note-${item}`} errors={errors.note} />
      <FormMessage>{result && !result.ok && result.code !== "invalid" ? result.message : null}</FormMessage>
    </form>
  );
}
