"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors } from "@/components/ui/field";
import { Badge, FormMessage } from "@/components/ui/misc";
import type { ActionResult, ServerAction } from "@/lib/actions/safe-action";
import type { KpiImportPreview, KpiImportResult } from "@/lib/kpis/import-preview";

const tone = { new: "blue", changed: "yellow", unchanged: "gray", error: "red" } as const;
const statusKey = {
  new: "statusNew",
  changed: "statusChanged",
  unchanged: "statusUnchanged",
  error: "statusError",
} as const;

/** Choose a KPI CSV → preview every row (new / changed / unchanged / error) → import all rows, or none. */
export function KpiImportForm({
  preview: previewImport,
  commit: commitImport,
}: {
  preview: ServerAction<KpiImportPreview>;
  commit: ServerAction<KpiImportResult>;
}) {
  const t = useTranslations("kpiCsv");
  const router = useRouter();
  const [preview, setPreview] = useState<KpiImportPreview | null>(null);
  const [fileErrors, setFileErrors] = useState<string[] | undefined>();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const form = useRef<HTMLFormElement>(null);

  const send = (commit: boolean) => {
    if (!form.current) return;
    const data = new FormData(form.current);
    // The commit names the preview it confirms; if the file or the stored weeks changed since, it refuses.
    if (commit && preview) data.set("previewToken", preview.token);
    start(async () => {
      const result: ActionResult<unknown> = commit ? await commitImport(null, data) : await previewImport(null, data);
      const fieldErrors = !result.ok && result.code === "invalid" ? result.fieldErrors.file : undefined;
      setFileErrors(fieldErrors);
      if (!result.ok) {
        setPreview(null);
        setMessage(fieldErrors ? null : { tone: "error", text: result.message });
        return;
      }
      if (commit) {
        setPreview(null);
        setMessage({ tone: "success", text: t("done", result.data as KpiImportResult) });
        form.current?.reset();
        router.refresh();
      } else {
        setPreview(result.data as KpiImportPreview);
        setMessage(null);
      }
    });
  };

  return (
    <form
      method="post"
      ref={form}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        send(false);
      }}
    >
      <div className="space-y-1">
        <label htmlFor="kpi-file" className="block text-sm font-medium">
          {t("file")}
        </label>
        <input
          id="kpi-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="kpi-file-error"
          aria-invalid={fileErrors ? true : undefined}
          onChange={() => setPreview(null)}
          className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        />
        <FieldErrors name="kpi-file" errors={fileErrors} />
      </div>
      <FormMessage tone={message?.tone}>{message?.text}</FormMessage>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" pending={pending && !preview}>
          {t("preview")}
        </Button>
        {preview ? (
          <Button type="button" pending={pending} disabled={preview.counts.errors > 0} onClick={() => send(true)}>
            {t("commit")}
          </Button>
        ) : null}
      </div>
      {preview ? (
        <div className="space-y-2" aria-live="polite">
          <p className="text-sm font-medium">{t("summary", preview.counts)}</p>
          {preview.counts.errors > 0 ? <p className="text-sm text-red-600">{t("fixErrors")}</p> : null}
          <div className="max-h-80 overflow-auto rounded ring-1 ring-slate-200">
            <table className="min-w-full text-xs" data-testid="kpi-import-preview" aria-label={t("preview")}>
              <thead className="sticky top-0 bg-slate-50">
                <tr>
                  {(["line", "client", "week", "channel", "status", "problems"] as const).map((c) => (
                    <th key={c} scope="col" className="px-2 py-1.5 text-left">
                      {t(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.rows.map((r) => (
                  <tr key={r.line}>
                    <td className="px-2 py-1 tabular-nums">{r.line}</td>
                    <td className="px-2 py-1">{r.clientName ?? r.clientCode}</td>
                    <td className="px-2 py-1 tabular-nums">{r.isoWeek}</td>
                    <td className="px-2 py-1">{r.channel}</td>
                    <td className="px-2 py-1">
                      <Badge tone={tone[r.status]}>{t(statusKey[r.status])}</Badge>
                    </td>
                    <td className="px-2 py-1 text-red-700">{r.problems.join(" / ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.hiddenRows > 0 ? (
            <p className="text-xs text-slate-500">{t("moreRows", { count: preview.hiddenRows })}</p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
