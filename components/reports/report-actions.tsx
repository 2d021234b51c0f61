"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CallAction } from "./types";

/** Publishes the report (revision n + 1) with the version the page was read at. */
export function PublishButton({
  reportId,
  version,
  correction,
  publish,
}: {
  reportId: string;
  version: number;
  correction: boolean;
  publish: CallAction<{ revision: number }>;
}) {
  const t = useTranslations("reports");
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ revision: number }> | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex items-center gap-3">
      <Button
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("publishConfirm"))) return;
          start(async () => {
            const r = await publish(null, { reportId, version });
            setResult(r);
            if (r.ok) router.refresh();
          });
        }}
      >
        {correction ? t("republish") : t("publish")}
      </Button>
      <FormMessage tone={result?.ok ? "success" : "error"}>
        {result ? (result.ok ? t("publishedRevision", { revision: result.data.revision }) : result.message) : null}
      </FormMessage>
    </div>
  );
}

/** Generates one client's draft for the month. */
export function GenerateButton({
  clientId,
  month,
  generate,
}: {
  clientId: string;
  month: string;
  generate: CallAction<{ id: string }>;
}) {
  const t = useTranslations("reports");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await generate(null, { clientId, month });
            setError(r.ok ? null : r.message);
            if (r.ok) router.refresh();
          })
        }
      >
        {t("generate")}
      </Button>
      <FormMessage>{error}</FormMessage>
    </span>
  );
}
