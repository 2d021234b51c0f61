"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import type { ActionResult } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/options";
import { changeRole, endMemberSessions, removeMember, revokeInvite } from "./actions";

function firstError(result: ActionResult<unknown>): string | null {
  if (result.ok) return null;
  if (result.code === "invalid") return Object.values(result.fieldErrors).flat()[0] ?? result.message;
  return result.message;
}

export function MemberActions({
  membershipId,
  name,
  role,
  isSelf,
}: {
  membershipId: string;
  name: string;
  role: string;
  isSelf: boolean;
}) {
  const t = useTranslations();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(role);
  return (
    <div className="flex items-center justify-end gap-2">
      {role !== "client" ? (
        <>
          <select
            aria-label={t("members.changeRoleFor", { name })}
            className="rounded-md border-0 py-1 pl-2 pr-8 text-xs ring-1 ring-slate-300"
            value={selected}
            disabled={pending}
            onChange={(e) => setSelected(e.target.value)}
          >
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          {/* An explicit button: arrow keys change a select's value, which must not change a role by itself. */}
          {selected !== role ? (
            <Button
              size="sm"
              variant="secondary"
              pending={pending}
              onClick={() =>
                start(async () => {
                  const failure = firstError(await changeRole(null, { membershipId, role: selected }));
                  setError(failure);
                  // A refused change (the last owner) puts the select back to what is stored.
                  if (failure) setSelected(role);
                })
              }
            >
              {t("members.applyRole")}
            </Button>
          ) : null}
        </>
      ) : null}
      {isSelf ? null : (
        <ConfirmButton
          pending={pending}
          variant="ghost"
          aria-label={t("members.endSessionsFor", { name })}
          title={t("members.endSessionsConfirm", { name })}
          confirmLabel={t("members.endSessions")}
          onConfirm={() => start(async () => setError(firstError(await endMemberSessions(null, { membershipId }))))}
        >
          {t("members.endSessions")}
        </ConfirmButton>
      )}
      <ConfirmButton
        pending={pending}
        title={isSelf ? t("members.removeSelfConfirm") : t("members.removeConfirm", { name })}
        confirmLabel={t("members.remove")}
        onConfirm={() => start(async () => setError(firstError(await removeMember(null, { membershipId }))))}
      >
        {t("members.remove")}
      </ConfirmButton>
      <span role="alert" className="text-xs text-red-600">
        {error}
      </span>
    </div>
  );
}

export function RevokeInviteButton({ inviteId, email }: { inviteId: string; email: string }) {
  const t = useTranslations("members");
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="ghost"
        size="sm"
        pending={pending}
        aria-label={t("revokeFor", { email })}
        onClick={() => start(async () => setError(firstError(await revokeInvite(null, { inviteId }))))}
      >
        {t("revoke")}
      </Button>
      <span role="alert" className="text-xs text-red-600">
        {error}
      </span>
    </span>
  );
}
