"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useMemo, useState, useTransition } from "react";
import { useYen } from "@/components/economics/yen";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClass } from "@/components/ui/field";
import { Card, FormMessage } from "@/components/ui/misc";
import type { ActionResult } from "@/lib/actions/safe-action";
import { SAMPLE_SLA_TEMPLATE } from "@/lib/contracts/templates";
import { type ContractsT, invoiceRows, shiftMonth } from "@/lib/contracts/view";
import {
  ADDITIONAL_FEE_KINDS,
  type AdditionalFee,
  BONUS_METRICS,
  type ContractVersion,
  PERFORMANCE_RULE_KINDS,
  type PerformanceRule,
  RATE_BASES,
  SERVICE_AREAS,
  SERVICE_OPTIONS,
  SEVERITIES,
  SLA_MEASURES,
  type SlaTerms,
  SUPPORT_CHANNELS,
  WEEKDAYS,
} from "@/lib/domain/contract";
import { computeInvoice, type InvoiceActuals } from "@/lib/domain/invoice";
import type { CallAction } from "./types";

type Saved = { id?: string; versionId?: string; number?: number };

/** Sets the value at a dotted path of a copy of the document. */
function setAt<T>(root: T, path: string, value: unknown): T {
  const copy = structuredClone(root) as Record<string, unknown>;
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
  return copy as T;
}

function getAt(root: unknown, path: string): unknown {
  let node = root as Record<string, unknown> | undefined;
  for (const k of path.split(".")) node = node?.[k] as Record<string, unknown> | undefined;
  return node;
}

/** What a number box holds: a number, null when empty, or the raw text (the server names it invalid). */
const parseNumber = (raw: string): number | string | null => {
  const s = raw.replace(/[,¥\s]/g, "");
  if (s === "") return null;
  return Number.isFinite(Number(s)) ? Number(s) : raw;
};
const parsePercent = (raw: string): number | string | null => {
  const n = parseNumber(raw);
  return typeof n === "number" ? Math.round(n * 100) : n;
};
const showPercent = (v: unknown) => (typeof v === "number" ? String(v / 100) : v == null ? "" : String(v));
const showNumber = (v: unknown) => (v == null ? "" : String(v));

const blankRule = (kind: PerformanceRule["kind"]): PerformanceRule =>
  kind === "rate_over_baseline"
    ? { kind, basis: "sales", rateBp: 500, baseline: 0, cap: null }
    : kind === "per_unit_over_baseline"
      ? { kind, basis: "orders", yenPerUnit: 100, baseline: 0, cap: null }
      : { kind, metric: "roas", thresholdBp: 40_000, bonus: 100_000, cap: null };

const blankFee = (kind: AdditionalFee["kind"]): AdditionalFee =>
  kind === "hourly"
    ? { kind, label: "カスタマイズ", yenPerHour: 8_000 }
    : kind === "option"
      ? { kind, label: "オプション", monthly: 0, option: null }
      : { kind, label: "追加モール", monthly: 0 };

/**
 * The contract editor: terms, fee lines, the three kinds of performance rule, additional fees and SLA
 * items, with what each line would bill on sample figures computed while typing (the same engine the
 * invoice uses). Saving sends the whole version; the server answers errors by field path.
 */
export function ContractEditor({
  clientId,
  initial,
  mode,
  save,
  contractId,
  version,
  initialTitle = "",
}: {
  clientId: string;
  initial: ContractVersion;
  mode: "create" | "amend";
  save: CallAction<Saved>;
  contractId?: string;
  version?: number;
  initialTitle?: string;
}) {
  const t = useTranslations("contracts");
  const ct = t as unknown as ContractsT;
  const yen = useYen();
  const router = useRouter();
  const [doc, setDoc] = useState<ContractVersion>(initial);
  const [title, setTitle] = useState(initialTitle);
  const [note, setNote] = useState("");
  // An amendment bills from this month on (earlier months keep the version they were billed with).
  const [effectiveMonth, setEffectiveMonth] = useState(() =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" }).format(new Date()),
  );
  const [result, setResult] = useState<ActionResult<Saved> | null>(null);
  const [pending, startTransition] = useTransition();
  const [sampleMonth, setSampleMonth] = useState(shiftMonth(initial.terms.startDate.slice(0, 7), 1));
  const [sample, setSample] = useState<InvoiceActuals>({
    sales: 4_000_000,
    orders: 800,
    grossProfit: 1_600_000,
    adRevenue: 1_200_000,
    adSpend: 250_000,
    customisationMinutes: 90,
  });

  const errors = result && !result.ok && result.code === "invalid" ? result.fieldErrors : {};
  const errorsAt = (path: string) => errors[`document.${path}`];
  const set = (path: string, value: unknown) => setDoc((d) => setAt(d, path, value));

  const preview = useMemo(() => computeInvoice(doc, sampleMonth, sample), [doc, sampleMonth, sample]);

  const submit = () => {
    startTransition(async () => {
      const input =
        mode === "create"
          ? { clientId, title, note, document: doc }
          : { clientId, contractId, version, note, effectiveMonth, document: doc };
      const r = await save(null, input);
      setResult(r);
      if (r.ok && mode === "create" && r.data.id) router.push(`/clients/${clientId}/contracts/${r.data.id}`);
      else if (r.ok) router.refresh();
    });
  };

  const num = (path: string, label: ReactNode, opts: { percent?: boolean; className?: string } = {}) => {
    const id = `doc.${path}`;
    const value = getAt(doc, path);
    return (
      <div className={opts.className}>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          {label}
        </label>
        <input
          id={id}
          className={inputClass}
          inputMode="decimal"
          value={opts.percent ? showPercent(value) : showNumber(value)}
          aria-invalid={errorsAt(path) ? true : undefined}
          onChange={(e) => set(path, opts.percent ? parsePercent(e.target.value) : parseNumber(e.target.value))}
        />
        <FieldErrors name={id} errors={errorsAt(path)} />
      </div>
    );
  };
  const str = (
    path: string,
    label: ReactNode,
    opts: { multiline?: boolean; className?: string; type?: string } = {},
  ) => {
    const id = `doc.${path}`;
    const value = (getAt(doc, path) as string | null) ?? "";
    return (
      <div className={opts.className}>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          {label}
        </label>
        {opts.multiline ? (
          <textarea id={id} className={inputClass} rows={2} value={value} onChange={(e) => set(path, e.target.value)} />
        ) : (
          <input
            id={id}
            type={opts.type ?? "text"}
            className={inputClass}
            value={value}
            aria-invalid={errorsAt(path) ? true : undefined}
            onChange={(e) => set(path, opts.type === "date" && e.target.value === "" ? null : e.target.value)}
          />
        )}
        <FieldErrors name={id} errors={errorsAt(path)} />
      </div>
    );
  };
  const select = (path: string, label: ReactNode, options: { value: string; label: string }[], className?: string) => {
    const id = `doc.${path}`;
    return (
      <div className={className}>
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          {label}
        </label>
        <select
          id={id}
          className={inputClass}
          value={String(getAt(doc, path) ?? "")}
          onChange={(e) => set(path, e.target.value === "" ? null : e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <FieldErrors name={id} errors={errorsAt(path)} />
      </div>
    );
  };
  const check = (path: string, label: ReactNode) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={getAt(doc, path) === true} onChange={(e) => set(path, e.target.checked)} />
      {label}
    </label>
  );
  const multi = <T extends string>(path: string, all: readonly T[], label: (v: T) => string) => {
    const current = (getAt(doc, path) as T[] | undefined) ?? [];
    return (
      <div>
        <div className="flex flex-wrap gap-3">
          {all.map((v) => (
            <label key={v} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={current.includes(v)}
                onChange={(e) => set(path, e.target.checked ? [...current, v] : current.filter((x) => x !== v))}
              />
              {label(v)}
            </label>
          ))}
        </div>
        <FieldErrors name={`doc.${path}`} errors={errorsAt(path)} />
      </div>
    );
  };
  const remove = (path: string, index: number) =>
    setDoc((d) =>
      setAt(
        d,
        path,
        (getAt(d, path) as unknown[]).filter((_, i) => i !== index),
      ),
    );
  const add = (path: string, item: unknown) => setDoc((d) => setAt(d, path, [...(getAt(d, path) as unknown[]), item]));
  const removeButton = (path: string, index: number) => (
    <Button type="button" variant="ghost" size="sm" onClick={() => remove(path, index)}>
      {t("editor.remove")}
    </Button>
  );

  const feeLines = (path: "fees.initialFeeLines" | "fees.monthlyFeeLines", heading: string) => (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">{heading}</legend>
      {(getAt(doc, path) as unknown[]).map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position
        <div key={i} className="grid grid-cols-[1fr_10rem_auto] items-end gap-2">
          {str(`${path}.${i}.label`, t("editor.label"))}
          {num(`${path}.${i}.amount`, t("editor.amount"))}
          {removeButton(path, i)}
        </div>
      ))}
      <FieldErrors name={`doc.${path}`} errors={errorsAt(path)} />
      <Button type="button" variant="secondary" size="sm" onClick={() => add(path, { label: "", amount: 0 })}>
        {t("editor.addLine")}
      </Button>
    </fieldset>
  );

  const sla = doc.sla;
  const rows = preview.ok && preview.value.kind === "invoice" ? invoiceRows(preview.value.invoice, ct, yen) : null;

  return (
    <div className="space-y-6">
      <FormMessage>{result && !result.ok ? result.message : null}</FormMessage>
      {result?.ok ? (
        <FormMessage tone="success">
          {mode === "create" ? t("created") : t("amended", { number: result.data.number ?? 0 })}
        </FormMessage>
      ) : null}
      <Card className="space-y-4 p-6">
        {mode === "create" ? (
          <div>
            <label htmlFor="contract-title" className="block text-xs font-medium text-slate-700">
              {t("editor.title")}
            </label>
            <input
              id="contract-title"
              className={inputClass}
              value={title}
              maxLength={100}
              onChange={(e) => setTitle(e.target.value)}
            />
            <FieldErrors name="contract-title" errors={errors.title} />
          </div>
        ) : null}
        <h3 className="text-base font-semibold">{t("editor.terms")}</h3>
        <div className="grid gap-3 sm:grid-cols-4">
          {str("terms.startDate", t("editor.startDate"), { type: "date" })}
          {str("terms.endDate", t("editor.endDate"), { type: "date" })}
          {num("terms.renewalMonths", t("editor.renewalMonths"))}
          {num("terms.noticeDays", t("editor.noticeDays"))}
          {num("terms.earlyTerminationFee", t("editor.earlyTerminationFee"))}
          {num("terms.reviewCadenceMonths", t("editor.reviewCadenceMonths"))}
          {str("terms.nextReviewDate", t("editor.nextReviewDate"), { type: "date" })}
          {str("terms.dataHandover.format", t("editor.handoverFormat"))}
        </div>
        <div className="flex flex-wrap gap-4">
          {check("terms.autoRenew", t("editor.autoRenew"))}
          {check("terms.dataHandover.provided", t("editor.handoverProvided"))}
          {check("terms.resultsNotGuaranteed", t("editor.resultsNotGuaranteed"))}
        </div>
        <div>
          <p className="text-xs font-medium text-slate-700">{t("editor.areas")}</p>
          {multi("terms.scope.areas", SERVICE_AREAS, (a) => t(`areas.${a}`))}
          <p className="mt-2 text-xs font-medium text-slate-700">{t("editor.options")}</p>
          {multi("terms.scope.options", SERVICE_OPTIONS, (o) => t(`options.${o}`))}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {str("terms.clauses.dataOwnership", t("editor.dataOwnership"), { multiline: true })}
          {str("terms.clauses.confidentiality", t("editor.confidentiality"), { multiline: true })}
          {str("terms.clauses.thirdPartySharing", t("editor.thirdPartySharing"), { multiline: true })}
          {str("terms.clauses.handover", t("editor.handover"), { multiline: true })}
        </div>
      </Card>

      <Card className="space-y-4 p-6">
        <h3 className="text-base font-semibold">{t("fees")}</h3>
        {feeLines("fees.initialFeeLines", t("editor.initialFeeLines"))}
        {num("fees.initialFeeSplitMonths", t("editor.splitMonths"), { className: "max-w-40" })}
        {feeLines("fees.monthlyFeeLines", t("editor.monthlyFeeLines"))}

        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("editor.rules")}</legend>
          {doc.fees.performanceRules.map((rule, i) => {
            const p = `fees.performanceRules.${i}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity but their position
              <div key={i} className="grid items-end gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-6">
                {select(
                  `${p}.kind`,
                  t("editor.ruleKind"),
                  PERFORMANCE_RULE_KINDS.map((k) => ({ value: k, label: t(`editor.ruleKinds.${k}`) })),
                  "sm:col-span-2",
                )}
                {rule.kind === "rate_over_baseline" ? (
                  <>
                    {select(
                      `${p}.basis`,
                      t("editor.basis"),
                      RATE_BASES.map((b) => ({ value: b, label: t(`editor.bases.${b}`) })),
                    )}
                    {num(`${p}.rateBp`, t("editor.ratePercent"), { percent: true })}
                    {num(`${p}.baseline`, t("editor.baseline"))}
                    {rule.basis === "orders_x_aov" ? num(`${p}.aov`, t("editor.aov")) : null}
                  </>
                ) : rule.kind === "per_unit_over_baseline" ? (
                  <>
                    {num(`${p}.yenPerUnit`, t("editor.yenPerUnit"))}
                    {num(`${p}.baseline`, t("editor.baseline"))}
                  </>
                ) : (
                  <>
                    {select(
                      `${p}.metric`,
                      t("editor.metric"),
                      BONUS_METRICS.map((m) => ({ value: m, label: t(`editor.metrics.${m}`) })),
                    )}
                    {num(`${p}.thresholdBp`, t("editor.thresholdPercent"), { percent: true })}
                    {num(`${p}.bonus`, t("editor.bonus"))}
                  </>
                )}
                {num(`${p}.cap`, t("editor.cap"))}
                {removeButton("fees.performanceRules", i)}
              </div>
            );
          })}
          <div className="flex flex-wrap gap-2">
            {PERFORMANCE_RULE_KINDS.map((k) => (
              <Button
                key={k}
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => add("fees.performanceRules", blankRule(k))}
              >
                {t("editor.addRule")}: {t(`editor.ruleKinds.${k}`)}
              </Button>
            ))}
          </div>
        </fieldset>

        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("editor.additionalFees")}</legend>
          {doc.fees.additionalFees.map((fee, i) => {
            const p = `fees.additionalFees.${i}`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: fees have no identity but their position
              <div key={i} className="grid items-end gap-2 sm:grid-cols-[12rem_1fr_10rem_auto]">
                <p className="text-sm">{t(`editor.feeKinds.${fee.kind}`)}</p>
                {str(`${p}.label`, t("editor.label"))}
                {fee.kind === "hourly"
                  ? num(`${p}.yenPerHour`, t("editor.yenPerHour"))
                  : num(`${p}.monthly`, t("editor.monthly"))}
                {removeButton("fees.additionalFees", i)}
              </div>
            );
          })}
          <div className="flex flex-wrap gap-2">
            {ADDITIONAL_FEE_KINDS.map((k) => (
              <Button
                key={k}
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => add("fees.additionalFees", blankFee(k))}
              >
                {t("editor.addFee")}: {t(`editor.feeKinds.${k}`)}
              </Button>
            ))}
          </div>
        </fieldset>
      </Card>

      <Card className="space-y-4 p-6">
        <label className="flex items-center gap-2 text-base font-semibold">
          <input
            type="checkbox"
            checked={sla !== null}
            onChange={(e) => set("sla", e.target.checked ? structuredClone(SAMPLE_SLA_TEMPLATE) : null)}
          />
          {t("editor.slaEnabled")}
        </label>
        {sla ? (
          <SlaFields
            sla={sla}
            t={t as unknown as ContractsT}
            num={num}
            str={str}
            select={select}
            multi={multi}
            add={add}
            removeButton={removeButton}
          />
        ) : null}
      </Card>

      <Card className="space-y-3 p-6" data-testid="rule-preview">
        <h3 className="text-base font-semibold">{t("editor.preview")}</h3>
        <p className="text-xs text-slate-500">{t("editor.previewHint")}</p>
        <div className="grid gap-2 sm:grid-cols-4">
          <div>
            <label htmlFor="sample-month" className="block text-xs font-medium text-slate-700">
              {t("editor.previewMonth")}
            </label>
            <input
              id="sample-month"
              type="month"
              className={inputClass}
              value={sampleMonth}
              onChange={(e) => setSampleMonth(e.target.value)}
            />
          </div>
          {(["sales", "orders", "grossProfit", "adRevenue", "adSpend", "customisationMinutes"] as const).map((k) => (
            <div key={k}>
              <label htmlFor={`sample-${k}`} className="block text-xs font-medium text-slate-700">
                {t(`actuals.${k}`)}
              </label>
              <input
                id={`sample-${k}`}
                className={inputClass}
                inputMode="numeric"
                value={showNumber(sample[k])}
                onChange={(e) => {
                  const n = parseNumber(e.target.value);
                  setSample((s) => ({ ...s, [k]: typeof n === "number" ? n : null }));
                }}
              />
            </div>
          ))}
        </div>
        {rows ? (
          <table className="w-full text-sm">
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: invoice lines are positional
                <tr key={i} className="border-t border-slate-100">
                  <td className="py-1">{r.label}</td>
                  <td className="py-1 text-xs text-slate-500">{r.how}</td>
                  <td className="py-1 text-right tabular-nums">{r.credit ? `−${yen(r.amount)}` : yen(r.amount)}</td>
                </tr>
              ))}
              <tr className="border-t border-slate-300 font-semibold">
                <td className="py-1">{t("invoiceDoc.total")}</td>
                <td />
                <td className="py-1 text-right tabular-nums" data-testid="preview-total">
                  {preview.ok && preview.value.kind === "invoice" ? yen(preview.value.invoice.totals.total) : ""}
                </td>
              </tr>
            </tbody>
          </table>
        ) : preview.ok ? (
          <p className="text-sm text-slate-500">{t("invoiceDoc.noInvoice")}</p>
        ) : null}
      </Card>

      <Card className="space-y-3 p-6">
        <div>
          <label htmlFor="contract-note" className="block text-xs font-medium text-slate-700">
            {t("editor.note")}
          </label>
          <input
            id="contract-note"
            className={inputClass}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
          <FieldErrors name="contract-note" errors={errors.note} />
        </div>
        {mode === "create" ? null : (
          <div>
            <label htmlFor="contract-effective-month" className="block text-xs font-medium text-slate-700">
              {t("editor.effectiveMonth")}
            </label>
            <input
              id="contract-effective-month"
              type="month"
              className={inputClass}
              value={effectiveMonth}
              aria-invalid={errors.effectiveMonth ? true : undefined}
              aria-describedby="contract-effective-month-hint"
              onChange={(e) => setEffectiveMonth(e.target.value)}
            />
            <p id="contract-effective-month-hint" className="mt-1 text-xs text-slate-500">
              {t("editor.effectiveMonthHint")}
            </p>
            <FieldErrors name="contract-effective-month" errors={errors.effectiveMonth} />
          </div>
        )}
        <Button type="button" onClick={submit} disabled={pending}>
          {mode === "create" ? t("editor.create") : t("amend")}
        </Button>
      </Card>
    </div>
  );
}

type Render = {
  num: (path: string, label: ReactNode, opts?: { percent?: boolean; className?: string }) => ReactNode;
  str: (path: string, label: ReactNode, opts?: { multiline?: boolean; className?: string; type?: string }) => ReactNode;
  select: (
    path: string,
    label: ReactNode,
    options: { value: string; label: string }[],
    className?: string,
  ) => ReactNode;
  multi: <T extends string>(path: string, all: readonly T[], label: (v: T) => string) => ReactNode;
  add: (path: string, item: unknown) => void;
  removeButton: (path: string, index: number) => ReactNode;
};

function SlaFields({ sla, t, num, str, select, multi, add, removeButton }: { sla: SlaTerms; t: ContractsT } & Render) {
  return (
    <div className="space-y-4">
      <div>
        <p className="text-xs font-medium text-slate-700">{t("editor.supportDays")}</p>
        {multi("sla.supportDays", WEEKDAYS, (d) => t(`weekdays.${d}`))}
        <p className="mt-2 text-xs font-medium text-slate-700">{t("editor.channels")}</p>
        {multi("sla.channels", SUPPORT_CHANNELS, (c) => t(`supportChannels.${c}`))}
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        {str("sla.supportFrom", t("editor.supportFrom"))}
        {str("sla.supportTo", t("editor.supportTo"))}
        {num("sla.firstResponseHours", t("editor.firstResponseHours"))}
        {num("sla.escalationDeadlineHours", t("editor.escalationDeadlineHours"))}
        {SEVERITIES.map((s) => (
          <div key={s}>{num(`sla.resolutionHours.${s}`, `${t("editor.resolutionHours")} ${s.toUpperCase()}`)}</div>
        ))}
        {num("sla.reportDeadlineBusinessDay", t("editor.reportDeadlineBusinessDay"))}
        {select("sla.weeklyUpdateDay", t("editor.weeklyUpdateDay"), [
          { value: "", label: "—" },
          ...WEEKDAYS.map((d) => ({ value: d, label: t(`weekdays.${d}`) })),
        ])}
        {num("sla.creditCapBp", t("editor.creditCapPercent"), { percent: true })}
      </div>
      {str("sla.escalationRoute", t("editor.escalationRoute"), { multiline: true })}
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("editor.slaItems")}</legend>
        {sla.items.map((item, i) => {
          const p = `sla.items.${i}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: items are edited in place
            <div key={i} className="grid items-end gap-2 sm:grid-cols-6">
              {str(`${p}.key`, t("editor.key"))}
              {str(`${p}.label`, t("editor.label"))}
              {select(
                `${p}.measure`,
                t("editor.measure"),
                SLA_MEASURES.map((m) => ({ value: m, label: t(`editor.measures.${m}`) })),
              )}
              {item.measure === "response_rate" || item.measure === "resolution_rate" ? (
                num(`${p}.targetBp`, t("editor.targetPercent"), { percent: true })
              ) : (
                <div />
              )}
              {num(`${p}.creditBp`, t("editor.creditPercent"), { percent: true })}
              {removeButton("sla.items", i)}
            </div>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() =>
            add("sla.items", {
              key: `item_${sla.items.length + 1}`,
              label: "",
              measure: "manual",
              targetBp: null,
              creditBp: 0,
            })
          }
        >
          {t("editor.addSlaItem")}
        </Button>
      </fieldset>
    </div>
  );
}
