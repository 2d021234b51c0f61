"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { endSession } from "./actions";

export type SessionRow = { id: string; device: string; address: string; lastSeen: string; signedIn: string };

/** The user's live sessions; any but this one can be ended here. */
export function SessionList({ sessions, current }: { sessions: SessionRow[]; current: string }) {
  const t = useTranslations("account");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <ul className="divide-y divide-slate-100" aria-label={t("sessions")}>
        {sessions.map((s) => (
          <li
            key={s.id}
            className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            data-testid="session"
          >
            <div>
              <p className="font-medium">
                {s.device}
                {s.id === current ? (
                  <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-700">
                    {t("thisDevice")}
                  </span>
                ) : null}
              </p>
              <p className="text-xs text-slate-500">
                {s.address} · {t("lastSeen", { at: s.lastSeen })} · {t("signedIn", { at: s.signedIn })}
              </p>
            </div>
            {s.id === current ? null : (
              <ConfirmButton
                pending={pending}
                aria-label={t("endSessionFor", { device: s.device })}
                title={t("endSessionConfirm")}
                confirmLabel={t("endSession")}
                onConfirm={() =>
                  start(async () => {
                    const result = await endSession(null, { sessionId: s.id });
                    setError(result.ok ? null : result.message);
                  })
                }
              >
                {t("endSession")}
              </ConfirmButton>
            )}
          </li>
        ))}
      </ul>
      <p role="alert" className="text-xs text-red-600">
        {error}
      </p>
    </div>
  );
}
