"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { ContractStatus } from "@/lib/domain/contract";
import type { CallAction } from "./types";

type Key = { clientId: string; contractId: string; version: number };

/** Activate (a draft) or terminate (an active contract), with the version the page was read at. */
export function ContractStatusButtons({
  keyOf,
  status,
  activate,
  terminate,
}: {
  keyOf: Key;
  status: ContractStatus;
  activate: CallAction<{ version: number }>;
  terminate: CallAction<{ version: number }>;
}) {
  const t = useTranslations("contracts");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const run = (action: CallAction<{ version: number }>) =>
    start(async () => {
      const r = await action(null, keyOf);
      setResult(r);
      if (r.ok) router.refresh();
    });
  return (
    <div className="flex items-center gap-2">
      {status === "draft" ? (
        <Button size="sm" onClick={() => run(activate)} disabled={pending}>
          {t("activate")}
        </Button>
      ) : null}
      {status === "active" ? (
        <Button
          size="sm"
          variant="danger"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t("terminateConfirm"))) run(terminate);
          }}
        >
          {t("terminate")}
        </Button>
      ) : null}
      <FormMessage>{result && !result.ok ? result.message : null}</FormMessage>
    </div>
  );
}

/** A new draft for this client from another contract of the agency. */
export function CopyContractForm({
  clientId,
  sources,
  copy,
}: {
  clientId: string;
  sources: { id: string; label: string }[];
  copy: CallAction<{ id: string }>;
}) {
  const t = useTranslations("contracts");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, start] = useTransition();
  if (sources.length === 0) return null;
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        start(async () => {
          const r = await copy(null, {
            clientId,
            sourceContractId: form.get("sourceContractId"),
            title: form.get("title"),
          });
          setResult(r);
          if (r.ok) router.push(`/clients/${clientId}/contracts/${r.data.id}`);
        });
      }}
    >
      <label className="text-sm">
        <span className="block text-xs font-medium text-slate-700">{t("copySource")}</span>
        <select name="sourceContractId" className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-xs font-medium text-slate-700">{t("editor.title")}</span>
        <input
          name="title"
          required
          maxLength={100}
          className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        />
      </label>
      <Button size="sm" variant="secondary" type="submit" disabled={pending}>
        {t("copy")}
      </Button>
      <FormMessage>
        {result && !result.ok
          ? result.code === "invalid"
            ? Object.values(result.fieldErrors).flat().join(" ")
            : result.message
          : null}
      </FormMessage>
    </form>
  );
}

/** Opens the browser's print dialog (the page's print CSS makes it an A4 document). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button size="sm" variant="secondary" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
