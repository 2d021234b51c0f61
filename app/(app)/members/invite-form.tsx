"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import { inviteMember } from "./actions";

export function InviteForm({
  canInviteStaff,
  clients,
}: {
  canInviteStaff: boolean;
  clients: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const { state, onSubmit, pending, fieldErrors, error } = useFormAction(inviteMember);
  const roles = canInviteStaff ? (["manager", "operator", "client", "owner"] as const) : (["client"] as const);
  const [role, setRole] = useState<string>(roles[0]);
  const [copied, setCopied] = useState(false);
  const invite = state?.ok ? state.data : null;
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage>{error}</FormMessage>
      <TextField name="email" type="email" label={t("auth.email")} required errors={fieldErrors.email} />
      <SelectField
        name="role"
        label={t("members.role")}
        value={role}
        onChange={(e) => setRole(e.target.value)}
        options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        errors={fieldErrors.role}
      />
      {role === "client" ? (
        <SelectField
          name="clientId"
          label={t("members.client")}
          options={[
            { value: "", label: t("members.chooseClient") },
            ...clients.map((c) => ({ value: c.id, label: c.name })),
          ]}
          errors={fieldErrors.clientId}
        />
      ) : null}
      <Button type="submit" pending={pending}>
        {t("members.sendInvite")}
      </Button>
      {invite ? (
        <div className="space-y-2 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800" role="status">
          <p>{invite.mailed ? t("invite.linkMailed") : t("invite.linkCreated")}</p>
          <div className="flex gap-2">
            <input
              readOnly
              value={invite.url || invite.path}
              aria-label={t("invite.link")}
              data-testid="invite-link"
              className="flex-1 rounded border border-emerald-200 bg-white px-2 py-1 font-mono text-xs"
            />
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => navigator.clipboard?.writeText(invite.url || invite.path).then(() => setCopied(true))}
            >
              {copied ? t("invite.copied") : t("invite.copy")}
            </Button>
          </div>
        </div>
      ) : null}
    </form>
  );
}
