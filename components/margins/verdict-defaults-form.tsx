"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CallAction } from "./types";

export interface VerdictDefaultField {
  key: string;
  label: string;
  /** The agency's value as typed, or "" when it follows the product's default. */
  value: string;
  /** The product's default as typed, shown as the placeholder. */
  placeholder: string;
}

/**
 * The agency's default Go / Hold / Stop thresholds: an empty field follows the product's default (its
 * placeholder); each client's plan may still override any of them.
 */
export function VerdictDefaultsForm({
  fields,
  labels,
  save,
}: {
  fields: VerdictDefaultField[];
  labels: { title: string; save: string; saved: string };
  save: CallAction<unknown>;
}) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  return (
    <form
      className="space-y-4"
      aria-label={labels.title}
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget));
        start(async () => setResult(await save(null, data)));
      }}
    >
      <FormMessage>{result && !result.ok && result.code !== "invalid" ? result.message : null}</FormMessage>
      {result?.ok ? <FormMessage tone="success">{labels.saved}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => (
          <TextField
            key={f.key}
            name={f.key}
            label={f.label}
            inputMode="decimal"
            defaultValue={f.value}
            placeholder={f.placeholder}
            errors={errors[f.key]}
          />
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {labels.save}
      </Button>
    </form>
  );
}
