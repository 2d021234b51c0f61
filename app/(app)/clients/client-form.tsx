"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxGroupField, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { useFormAction } from "@/components/ui/use-form-action";
import { CHANNELS, CLIENT_STATUSES, ONBOARDING_STAGES, SERVICE_MODELS } from "@/lib/options";
import { createClient, updateClient } from "./actions";

export type ClientFormValues = {
  id: string;
  version: number;
  name: string;
  code: string;
  industry: string;
  channels: string[];
  serviceModel: string;
  status: string;
  onboardingStage: string;
  managerMembershipId: string | null;
  operatorMembershipIds: string[];
};

type Staff = { id: string; name: string; role: string };

/** Create and edit share this form; editing carries the version it read, so a concurrent edit is caught. */
export function ClientForm({ client, staff }: { client?: ClientFormValues; staff: Staff[] }) {
  const t = useTranslations();
  const router = useRouter();
  const { state, onSubmit, pending, fieldErrors, error } = useFormAction(client ? updateClient : createClient);

  useEffect(() => {
    if (!state?.ok) return;
    // A new client opens its own page; an edit stays put and only refreshes what the server renders around it.
    if (client) router.refresh();
    else router.push(`/clients/${state.data.id}`);
  }, [state, router, client]);
  // After a save the next one must name the version that save produced.
  const version = state?.ok ? state.data.version : client?.version;

  const managers = staff.filter((s) => s.role === "owner" || s.role === "manager");
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5" noValidate>
      {client ? (
        <>
          <input type="hidden" name="id" value={client.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      <FormMessage>
        {error}
        {state && !state.ok && state.code === "conflict" ? (
          <button type="button" className="ml-2 font-semibold underline" onClick={() => window.location.reload()}>
            {t("common.reload")}
          </button>
        ) : null}
      </FormMessage>
      {state?.ok && client ? <FormMessage tone="success">{t("clients.saved")}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="name"
          label={t("clients.columns.name")}
          required
          maxLength={120}
          defaultValue={client?.name}
          errors={fieldErrors.name}
        />
        <TextField
          name="code"
          label={t("clients.columns.code")}
          required
          maxLength={20}
          defaultValue={client?.code}
          hint={t("clients.codeHint")}
          errors={fieldErrors.code}
        />
        <TextField
          name="industry"
          label={t("clients.columns.industry")}
          maxLength={80}
          defaultValue={client?.industry}
          errors={fieldErrors.industry}
        />
        <SelectField
          name="serviceModel"
          label={t("clients.columns.serviceModel")}
          defaultValue={client?.serviceModel ?? "full"}
          options={SERVICE_MODELS.map((m) => ({ value: m, label: t(`serviceModels.${m}`) }))}
          errors={fieldErrors.serviceModel}
        />
        <SelectField
          name="status"
          label={t("clients.columns.status")}
          defaultValue={client?.status ?? "onboarding"}
          options={CLIENT_STATUSES.map((s) => ({ value: s, label: t(`clientStatus.${s}`) }))}
          errors={fieldErrors.status}
        />
        <SelectField
          name="onboardingStage"
          label={t("clients.columns.onboardingStage")}
          defaultValue={client?.onboardingStage ?? "kickoff"}
          options={ONBOARDING_STAGES.map((s) => ({ value: s, label: t(`onboardingStage.${s}`) }))}
          errors={fieldErrors.onboardingStage}
        />
      </div>
      <CheckboxGroupField
        name="channels"
        label={t("clients.columns.channels")}
        options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        defaultValues={client?.channels}
        errors={fieldErrors.channels}
      />
      <SelectField
        name="managerMembershipId"
        label={t("clients.columns.manager")}
        defaultValue={client?.managerMembershipId ?? ""}
        options={[
          { value: "", label: t("clients.noManager") },
          ...managers.map((m) => ({ value: m.id, label: m.name })),
        ]}
        errors={fieldErrors.managerMembershipId}
      />
      <CheckboxGroupField
        name="operatorMembershipIds"
        label={t("clients.columns.operators")}
        options={staff.map((s) => ({ value: s.id, label: `${s.name} (${t(`roles.${s.role}` as "roles.owner")})` }))}
        defaultValues={client?.operatorMembershipIds}
        errors={fieldErrors.operatorMembershipIds}
      />
      <div className="flex gap-3">
        <Button type="submit" pending={pending}>
          {client ? t("common.save") : t("clients.create")}
        </Button>
      </div>
    </form>
  );
}
