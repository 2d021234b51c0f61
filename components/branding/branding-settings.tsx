"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { CallAction as MarginsCallAction } from "@/components/margins/types";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";

type CallAction = MarginsCallAction<unknown>;

export interface BrandingSettingsProps {
  logo: { url: string; sha256: string; contentType: string; size: number } | null;
  color: string | null;
  clientColors: { clientId: string; name: string; color: string }[];
  clients: { id: string; name: string }[];
  upload: CallAction;
  remove: CallAction;
  saveColor: CallAction;
  saveClientColor: CallAction;
}

function Swatch({ color }: { color: string | null }) {
  return (
    <span
      aria-hidden
      className="inline-block h-5 w-5 rounded border border-slate-300 align-middle"
      style={color ? { backgroundColor: color } : undefined}
    />
  );
}

/** The agency's logo (upload, preview, remove), its brand colour, and clients' own colours. */
export function BrandingSettings(props: BrandingSettingsProps) {
  const t = useTranslations("branding");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  const run = (call: () => Promise<ActionResult<unknown>>, done: string, after?: () => void) =>
    start(async () => {
      const r = await call();
      setResult(r);
      setMessage(r.ok ? done : null);
      if (r.ok) after?.();
    });
  return (
    <div className="space-y-6">
      <FormMessage>{result && !result.ok && result.code !== "invalid" ? result.message : null}</FormMessage>
      {message ? <FormMessage tone="success">{message}</FormMessage> : null}
      <section className="space-y-3" aria-labelledby="branding-logo">
        <h3 id="branding-logo" className="text-sm font-semibold">
          {t("logo")}
        </h3>
        {props.logo ? (
          <div className="flex items-center gap-4">
            {/* biome-ignore lint/performance/noImgElement: the logo as the route serves it */}
            <img src={props.logo.url} alt={t("current")} className="h-12 w-auto max-w-60 rounded border p-1" />
            <span className="text-xs text-slate-500">
              {props.logo.contentType === "image/svg+xml" ? "SVG" : "PNG"} · {Math.ceil(props.logo.size / 1024)} KB
            </span>
            <ConfirmButton
              title={t("removeConfirm")}
              confirmLabel={t("remove")}
              onConfirm={() => {
                const sha256 = props.logo?.sha256;
                run(() => props.remove(null, { sha256 }), t("removed"));
              }}
            >
              {t("remove")}
            </ConfirmButton>
          </div>
        ) : (
          <p className="text-sm text-slate-500">{t("noLogo")}</p>
        )}
        <form
          aria-label={t("upload")}
          className="flex flex-wrap items-start gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const data = new FormData(form);
            run(
              () => props.upload(null, data),
              t("uploaded"),
              () => form.reset(),
            );
          }}
        >
          <TextField
            name="file"
            type="file"
            label={t("file")}
            hint={t("fileHint")}
            accept="image/png,image/svg+xml,.png,.svg"
            errors={errors.file}
          />
          <div className="pt-6">
            <Button type="submit" disabled={pending}>
              {t("upload")}
            </Button>
          </div>
        </form>
      </section>

      <form
        aria-label={t("color")}
        className="flex flex-wrap items-start gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = Object.fromEntries(new FormData(e.currentTarget));
          run(() => props.saveColor(null, data), t("saved"));
        }}
      >
        <TextField
          name="color"
          label={t("color")}
          hint={t("colorHint")}
          placeholder="#1e40af"
          defaultValue={props.color ?? ""}
          maxLength={20}
          errors={errors.color}
        />
        <div className="flex items-center gap-3 pt-6">
          <Swatch color={props.color} />
          <Button type="submit" disabled={pending}>
            {t("save")}
          </Button>
        </div>
      </form>

      <section className="space-y-3" aria-labelledby="branding-clients">
        <h3 id="branding-clients" className="text-sm font-semibold">
          {t("clientColors")}
        </h3>
        <p className="text-sm text-slate-500">{t("clientColorsHint")}</p>
        <form
          aria-label={t("clientColors")}
          className="grid items-start gap-3 sm:grid-cols-3"
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            const input = { clientId: data.get("clientId"), color: data.get("clientColor") };
            run(() => props.saveClientColor(null, input), t("saved"));
          }}
        >
          <SelectField
            name="clientId"
            label={t("client")}
            options={props.clients.map((c) => ({ value: c.id, label: c.name }))}
            errors={errors.clientId}
          />
          <TextField name="clientColor" label={t("color")} placeholder="#1e40af" maxLength={20} errors={errors.color} />
          <div className="pt-6">
            <Button type="submit" disabled={pending}>
              {t("save")}
            </Button>
          </div>
        </form>
        {props.clientColors.length === 0 ? null : (
          <ul className="divide-y divide-slate-100 text-sm">
            {props.clientColors.map((c) => (
              <li key={c.clientId} className="flex items-center gap-3 py-2">
                <Swatch color={c.color} />
                <span className="font-mono text-xs">{c.color}</span>
                <span className="flex-1">{c.name}</span>
                <Button
                  type="button"
                  variant="secondary"
                  size="sm"
                  disabled={pending}
                  onClick={() =>
                    run(() => props.saveClientColor(null, { clientId: c.clientId, color: "" }), t("saved"))
                  }
                >
                  {t("useAgencyColor")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
