"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { endClient } from "../actions";

export function EndClientButton({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("clients");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <ConfirmButton
        variant="danger"
        pending={pending}
        title={t("endConfirm", { name })}
        confirmLabel={t("end")}
        onConfirm={() =>
          start(async () => {
            const result = await endClient(null, { id, version });
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      >
        {t("end")}
      </ConfirmButton>
      <span role="alert" className="text-xs text-red-600">
        {error}
      </span>
    </span>
  );
}
