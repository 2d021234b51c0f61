"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useYen } from "@/components/economics/yen";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectField, TextField } from "@/components/ui/field";
import { EmptyState, FormMessage } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CallAction } from "./types";

export interface CostRateView {
  id: string;
  /** "役割: オペレーター" / "個人: 佐藤" as shown. */
  target: string;
  yenPerHour: number;
  effectiveFrom: string;
  inForce: boolean;
}

/** The rate history (newest first within each role or person), a form to add one, and delete per row. */
export function CostRates({
  rates,
  targets,
  today,
  add,
  remove,
}: {
  rates: CostRateView[];
  targets: { value: string; label: string }[];
  today: string;
  add: CallAction<unknown>;
  remove: CallAction<unknown>;
}) {
  const t = useTranslations("margins.rates");
  const yen = useYen();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  return (
    <div className="space-y-6">
      <form
        aria-label={t("add")}
        className="grid items-start gap-4 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = Object.fromEntries(new FormData(form));
          start(async () => {
            const r = await add(null, data);
            setResult(r);
            setMessage(r.ok ? t("added") : null);
            if (r.ok) form.reset();
          });
        }}
      >
        <SelectField name="target" label={t("target")} options={targets} errors={errors.target} />
        <TextField
          name="yenPerHour"
          label={t("yenPerHour")}
          inputMode="numeric"
          placeholder="3500"
          errors={errors.yenPerHour}
        />
        <TextField
          name="effectiveFrom"
          label={t("effectiveFrom")}
          type="date"
          defaultValue={today}
          errors={errors.effectiveFrom}
        />
        <div className="pt-6">
          <Button type="submit" disabled={pending}>
            {t("add")}
          </Button>
        </div>
      </form>
      <FormMessage>{result && !result.ok && result.code !== "invalid" ? result.message : null}</FormMessage>
      {message ? <FormMessage tone="success">{message}</FormMessage> : null}
      {rates.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table aria-label={t("title")}>
          <thead>
            <tr>
              <Th>{t("target")}</Th>
              <Th className="text-right">{t("yenPerHour")}</Th>
              <Th>{t("effectiveFrom")}</Th>
              <Th>
                <span className="sr-only">{t("delete")}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rates.map((rate) => (
              <tr key={rate.id}>
                <Td>{rate.target}</Td>
                <Td className="text-right tabular-nums">{yen(rate.yenPerHour)}</Td>
                <Td>
                  {rate.effectiveFrom}
                  {rate.inForce ? <span className="ml-2 text-xs text-emerald-700">{t("inForce")}</span> : null}
                </Td>
                <Td className="text-right">
                  <ConfirmButton
                    title={t("deleteConfirm", { date: rate.effectiveFrom, yen: yen(rate.yenPerHour) })}
                    confirmLabel={t("delete")}
                    onConfirm={() =>
                      start(async () => {
                        const r = await remove(null, { id: rate.id });
                        setResult(r);
                        setMessage(r.ok ? t("deleted") : null);
                      })
                    }
                  >
                    {t("delete")}
                  </ConfirmButton>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
