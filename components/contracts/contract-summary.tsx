import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/misc";
import { shownStatus } from "@/lib/contracts/term";
import { initialTotal, monthlyTotal } from "@/lib/contracts/view";
import type { ContractStatus, ContractVersion } from "@/lib/domain/contract";
import type { TermStatus } from "@/lib/domain/contract-term";
import { formatYen } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";

export const contractStatusTone: Record<ContractStatus, BadgeTone> = {
  draft: "gray",
  active: "green",
  expired: "yellow",
  terminated: "red",
};

const pct = (bp: number) => `${Number((bp / 100).toFixed(2))}%`;

/** Term alerts (renewal, notice deadline, end) within 30 days, as badges. */
export function TermAlerts({ status }: { status: TermStatus | null }) {
  const t = useTranslations("contracts");
  if (!status || status.alerts.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2" data-testid="term-alerts">
      {status.alerts.map((a) => (
        <Badge key={a.code} tone="yellow">
          {t(`alerts.${a.code}`, { date: a.date, days: a.daysLeft })}
        </Badge>
      ))}
    </div>
  );
}

/**
 * The terms, fees and SLA of one version. `showFees` false leaves out every yen figure (operators see terms
 * and SLA only, SPEC §2).
 */
export function ContractSummary({
  document: v,
  status,
  term,
  showFees,
}: {
  document: ContractVersion;
  status: ContractStatus;
  term: TermStatus | null;
  showFees: boolean;
}) {
  const t = useTranslations("contracts");
  const locale = toLocale(useLocale());
  const yen = (n: number) => formatYen(n, locale);
  const { terms, fees, sla } = v;
  return (
    <div className="space-y-4 text-sm" data-testid="contract-summary">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={contractStatusTone[shownStatus(status, term)]}>{t(`status.${shownStatus(status, term)}`)}</Badge>
        <span>
          {terms.startDate} 〜 {terms.endDate ?? t("openEnded")}
        </span>
        <span>{terms.autoRenew ? t("autoRenew", { months: terms.renewalMonths ?? 0 }) : t("noAutoRenew")}</span>
        <span>{terms.noticeDays === null ? t("noticeNotStated") : t("notice", { days: terms.noticeDays })}</span>
      </div>
      {term ? (
        <dl className="grid gap-2 sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("currentTermEnd")}</dt>
            <dd>{term.currentTermEnd ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("noticeDeadline")}</dt>
            <dd>{term.noticeDeadline ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("renewsOn")}</dt>
            <dd>{term.renewsOn ?? "—"}</dd>
          </div>
        </dl>
      ) : null}
      <TermAlerts status={term} />
      <div>
        <h4 className="font-semibold">{t("scope")}</h4>
        <p>
          {[
            ...terms.scope.areas.map((a) => t(`areas.${a}`)),
            ...terms.scope.options.map((o) => t(`options.${o}`)),
          ].join("、")}
        </p>
      </div>
      {showFees ? (
        <div className="grid gap-4 sm:grid-cols-2" data-testid="contract-fees">
          <div>
            <h4 className="font-semibold">
              {t("initialFee")} {yen(initialTotal(v))}
              {fees.initialFeeSplitMonths > 1 ? `（${t("splitMonths", { n: fees.initialFeeSplitMonths })}）` : ""}
            </h4>
            <ul className="list-disc pl-5">
              {fees.initialFeeLines.map((l) => (
                <li key={l.label}>
                  {l.label} {yen(l.amount)}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h4 className="font-semibold">
              {t("monthlyFee")} {yen(monthlyTotal(v))}
            </h4>
            <ul className="list-disc pl-5">
              {fees.monthlyFeeLines.map((l) => (
                <li key={l.label}>
                  {l.label} {yen(l.amount)}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h4 className="font-semibold">{t("performance")}</h4>
            <ul className="list-disc pl-5">
              {fees.performanceRules.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rules are positional
                <li key={i}>
                  {r.kind === "rate_over_baseline"
                    ? `${t(`editor.bases.${r.basis}`)} ${yen(r.baseline)} ${t("editor.baseline")}・${pct(r.rateBp)}`
                    : r.kind === "per_unit_over_baseline"
                      ? `${t("editor.bases.orders")} ${r.baseline}・${yen(r.yenPerUnit)}/件`
                      : `${t(`editor.metrics.${r.metric}`)} ≥ ${pct(r.thresholdBp)} → ${yen(r.bonus)}`}
                  {r.cap != null ? `（${t("editor.cap").split("（")[0]} ${yen(r.cap)}）` : ""}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h4 className="font-semibold">{t("additional")}</h4>
            <ul className="list-disc pl-5">
              {fees.additionalFees.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fees are positional
                <li key={i}>
                  {f.label}: {f.kind === "hourly" ? `${yen(f.yenPerHour)}/h` : `${yen(f.monthly)}/月`}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <div>
        <h4 className="font-semibold">{t("sla")}</h4>
        {sla ? (
          <ul className="list-disc pl-5">
            <li>
              {sla.supportDays.map((d) => t(`weekdays.${d}`)).join("")} {sla.supportFrom ?? ""}–{sla.supportTo ?? ""}・
              {sla.channels.map((c) => t(`supportChannels.${c}`)).join("、")}
            </li>
            {sla.firstResponseHours !== null ? (
              <li>
                {t("editor.firstResponseHours")}: {sla.firstResponseHours}h
              </li>
            ) : null}
            {sla.items.map((item) => (
              <li key={item.key}>
                {item.label}（{t(`editor.measures.${item.measure}`)}
                {item.targetBp !== null ? ` ${pct(item.targetBp)}` : ""}）
                {showFees ? `: ${t("editor.creditPercent")} ${pct(item.creditBp)}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noSla")}</p>
        )}
      </div>
    </div>
  );
}
