"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useYen } from "@/components/economics/yen";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatBp, formatHours } from "@/lib/margins/format";
import { feeNeeded, monthlyFeeOf, type RuleChange, ruleAmount, type WhatIfBase, whatIf } from "@/lib/margins/what-if";

/** Digits as typed ("1,200,000", "１２０", "1.5") → a number, or null when empty or not a number. */
function typed(raw: string, decimals = false): number | null {
  const s = raw.normalize("NFKC").replace(/[¥,\s円%]/g, "");
  if (s === "") return null;
  if (!(decimals ? /^\d{1,12}(\.\d{1,2})?$/ : /^\d{1,12}$/).test(s)) return null;
  return Number(s);
}

/**
 * Change the monthly fee, the hours or a performance rule and see the margin move; the monthly fee needed
 * for a target margin. Runs the invoice engine in the browser; nothing is saved — amending the contract is a
 * link away.
 */
export function WhatIf({ base, amendHref }: { base: WhatIfBase; amendHref: string | null }) {
  const t = useTranslations("margins");
  const yen = useYen();
  const rules = base.document?.fees.performanceRules ?? [];
  const initialFee = base.document ? monthlyFeeOf(base.document) : 0;
  const [fee, setFee] = useState(String(initialFee));
  const [hours, setHours] = useState(formatHours(base.minutes));
  const [ruleInputs, setRuleInputs] = useState(() =>
    rules.map((r) => ({
      amount: String(r.kind === "rate_over_baseline" ? r.rateBp / 100 : ruleAmount(r)),
      baseline: r.kind === "bonus_at_threshold" ? "" : String(r.baseline),
    })),
  );
  const [target, setTarget] = useState("30");
  const changes = useMemo(() => {
    const h = typed(hours, true);
    return {
      monthlyFee: base.document ? typed(fee) : null,
      minutes: h === null ? null : Math.round(h * 60),
      rules: rules.map((r, i): RuleChange | undefined => {
        const input = ruleInputs[i];
        if (!input) return undefined;
        const amount = typed(input.amount, r.kind === "rate_over_baseline");
        return {
          amount: amount === null ? undefined : r.kind === "rate_over_baseline" ? Math.round(amount * 100) : amount,
          baseline: typed(input.baseline) ?? undefined,
        };
      }),
    };
  }, [fee, hours, ruleInputs, rules, base.document]);
  const now = whatIf(base, {});
  const then = whatIf(base, changes);
  const targetBp = typed(target, true);
  const needed =
    targetBp !== null && targetBp < 99
      ? feeNeeded(base, { ...changes, monthlyFee: null }, Math.round(targetBp * 100))
      : null;
  const marginText = (r: ReturnType<typeof whatIf>) =>
    r.margin.margin === null ? t(`statusShort.${r.margin.status}`) : yen(r.margin.margin);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-500">{t("whatIf.description")}</p>
      {base.document ? null : <p className="text-sm text-amber-700">{t("whatIf.noContract")}</p>}
      <div className="grid gap-4 sm:grid-cols-3">
        {base.document ? (
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-800">{t("whatIf.monthlyFee")}</span>
            <input className={inputClass} inputMode="numeric" value={fee} onChange={(e) => setFee(e.target.value)} />
          </label>
        ) : null}
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("whatIf.hours")}</span>
          <input className={inputClass} inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} />
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-800">{t("whatIf.target")}</span>
          <input
            className={inputClass}
            inputMode="decimal"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
        </label>
      </div>
      {rules.map((rule, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the contract's rules are a fixed list in its order
        <fieldset key={`${rule.kind}-${i}`} className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-1 text-sm font-medium text-slate-800">
            {t("whatIf.rule", { n: i + 1 })}
            {rule.label ? ` · ${rule.label}` : ""}
          </legend>
          <label className="block text-sm">
            <span className="mb-1 block text-slate-600">
              {rule.kind === "rate_over_baseline"
                ? t("whatIf.ruleRate")
                : rule.kind === "per_unit_over_baseline"
                  ? t("whatIf.rulePerUnit")
                  : t("whatIf.ruleBonus")}
            </span>
            <input
              className={inputClass}
              inputMode="decimal"
              value={ruleInputs[i]?.amount ?? ""}
              onChange={(e) =>
                setRuleInputs((all) => all.map((r, j) => (j === i ? { ...r, amount: e.target.value } : r)))
              }
            />
          </label>
          {rule.kind === "bonus_at_threshold" ? null : (
            <label className="block text-sm">
              <span className="mb-1 block text-slate-600">{t("whatIf.ruleBaseline")}</span>
              <input
                className={inputClass}
                inputMode="numeric"
                value={ruleInputs[i]?.baseline ?? ""}
                onChange={(e) =>
                  setRuleInputs((all) => all.map((r, j) => (j === i ? { ...r, baseline: e.target.value } : r)))
                }
              />
            </label>
          )}
        </fieldset>
      ))}
      <table className="w-full max-w-xl text-sm" aria-label={t("whatIf.title")}>
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" />
            <th scope="col" className="text-right">
              {t("whatIf.current")}
            </th>
            <th scope="col" className="text-right">
              {t("whatIf.simulated")}
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums" aria-live="polite">
          <tr>
            <th scope="row" className="py-1 text-left font-normal">
              {t("revenue")}
            </th>
            <td className="text-right">{now.revenue === null ? "—" : yen(now.revenue)}</td>
            <td className="text-right">{then.revenue === null ? "—" : yen(then.revenue)}</td>
          </tr>
          <tr>
            <th scope="row" className="py-1 text-left font-normal">
              {t("deliveryCost")}
            </th>
            <td className="text-right">{yen(now.margin.deliveryCost)}</td>
            <td className="text-right">{yen(then.margin.deliveryCost)}</td>
          </tr>
          <tr className="font-semibold">
            <th scope="row" className="py-1 text-left">
              {t("margin")}
            </th>
            <td className="text-right">{marginText(now)}</td>
            <td className="text-right" data-testid="what-if-margin">
              {marginText(then)}
            </td>
          </tr>
          <tr>
            <th scope="row" className="py-1 text-left font-normal">
              {t("marginRate")}
            </th>
            <td className="text-right">{formatBp(now.margin.marginBp)}</td>
            <td className="text-right" data-testid="what-if-rate">
              {formatBp(then.margin.marginBp)}
            </td>
          </tr>
        </tbody>
      </table>
      {then.invalid ? <p className="text-sm text-red-600">{t("whatIf.invalid")}</p> : null}
      <p className="text-sm font-medium" aria-live="polite" data-testid="fee-needed">
        {targetBp === null
          ? null
          : needed === null
            ? t("whatIf.feeUnreachable")
            : t("whatIf.feeNeeded", { fee: yen(needed) })}
      </p>
      {amendHref ? (
        <Link href={amendHref} className={buttonClass("secondary", "sm")}>
          {t("whatIf.amend")}
        </Link>
      ) : null}
    </div>
  );
}
