"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import { COMMENTARY_SECTIONS, type ReportCommentary } from "@/lib/domain/report-commentary";
import type { CallAction } from "./types";

/** The draft's four commentary sections, saved together with the version the page was read at. */
export function CommentaryForm({
  reportId,
  version,
  commentary,
  save,
}: {
  reportId: string;
  version: number;
  commentary: ReportCommentary;
  save: CallAction<{ version: number }>;
}) {
  const t = useTranslations("reports");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        start(async () => {
          const r = await save(null, {
            reportId,
            version,
            ...Object.fromEntries(COMMENTARY_SECTIONS.map((k) => [k, String(form.get(k) ?? "")])),
          });
          setResult(r);
          if (r.ok) router.refresh();
        });
      }}
    >
      {COMMENTARY_SECTIONS.map((k) => (
        <div key={k} className="space-y-1">
          <label htmlFor={`commentary-${k}`} className="block text-sm font-medium">
            {t(`commentary.${k}`)}
          </label>
          <textarea
            id={`commentary-${k}`}
            name={k}
            defaultValue={commentary[k]}
            rows={3}
            aria-describedby={errors[k] ? `commentary-${k}-error` : undefined}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          {errors[k] ? (
            <p id={`commentary-${k}-error`} className="text-xs text-red-700">
              {errors[k]?.join(" ")}
            </p>
          ) : null}
        </div>
      ))}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t("commentary.save")}
        </Button>
        <FormMessage tone={result?.ok ? "success" : "error"}>
          {result ? (result.ok ? t("commentary.saved") : result.message) : null}
        </FormMessage>
      </div>
    </form>
  );
}
