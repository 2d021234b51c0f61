"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useYen } from "@/components/economics/yen";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { CallAction } from "./types";

/** The month's direct costs, itemised, with a form to add one and delete per row. */
export function DirectCosts({
  clientId,
  month,
  costs,
  add,
  remove,
}: {
  clientId: string;
  month: string;
  costs: { id: string; label: string; amount: number }[];
  add: CallAction<unknown>;
  remove: CallAction<unknown>;
}) {
  const t = useTranslations("margins.directCosts");
  const yen = useYen();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  const total = costs.reduce((sum, c) => sum + c.amount, 0);
  return (
    <div className="space-y-4">
      {costs.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <Table aria-label={t("title", { month })}>
          <thead>
            <tr>
              <Th>{t("label")}</Th>
              <Th className="text-right">{t("amount")}</Th>
              <Th>
                <span className="sr-only">{t("delete")}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {costs.map((c) => (
              <tr key={c.id}>
                <Td>{c.label}</Td>
                <Td className="text-right tabular-nums">{yen(c.amount)}</Td>
                <Td className="text-right">
                  <ConfirmButton
                    title={t("deleteConfirm", { label: c.label })}
                    confirmLabel={t("delete")}
                    onConfirm={() =>
                      start(async () => {
                        const r = await remove(null, { clientId, id: c.id });
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
            <tr className="font-semibold">
              <Td>{t("total")}</Td>
              <Td className="text-right tabular-nums">{yen(total)}</Td>
              <Td />
            </tr>
          </tbody>
        </Table>
      )}
      <form
        aria-label={t("add")}
        className="grid items-start gap-3 sm:grid-cols-[1fr_12rem_auto]"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = { ...Object.fromEntries(new FormData(form)), clientId, month };
          start(async () => {
            const r = await add(null, data);
            setResult(r);
            setMessage(r.ok ? t("added") : null);
            if (r.ok) form.reset();
          });
        }}
      >
        <TextField name="label" label={t("label")} maxLength={100} errors={errors.label} />
        <TextField name="amount" label={t("amount")} inputMode="numeric" errors={errors.amount} />
        <div className="pt-6">
          <Button type="submit" disabled={pending}>
            {t("add")}
          </Button>
        </div>
      </form>
      <FormMessage>{result && !result.ok && result.code !== "invalid" ? result.message : null}</FormMessage>
      {message ? <FormMessage tone="success">{message}</FormMessage> : null}
    </div>
  );
}
