import { useLocale, useTranslations } from "next-intl";
import { type ContractsT, invoiceRows } from "@/lib/contracts/view";
import type { Invoice } from "@/lib/domain/invoice";
import { formatYen } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";

/** Print rules: only the document is printed, on A4, without the application around it. */
export const PRINT_CSS = `
@page { size: A4; margin: 14mm; }
@media print {
  body * { visibility: hidden; }
  .print-area, .print-area * { visibility: visible; }
  .print-area { position: absolute; inset: 0 auto auto 0; width: 100%; box-shadow: none; border: 0; }
  .print\\:hidden, .no-print { display: none !important; }
}`;

/**
 * A Japanese qualified invoice (適格請求書, SPEC §4.2): the issuer and its registration number, the issue
 * date, the client as recipient, every line with how it was computed, the taxable total and tax per rate
 * (one rate per invoice), and the total.
 */
export function InvoiceDocument({
  invoice,
  issuer,
  registrationNumber,
  recipient,
  issueDate,
  contractTitle,
}: {
  invoice: Invoice;
  issuer: string;
  registrationNumber: string | null;
  recipient: string;
  issueDate: string;
  contractTitle: string;
}) {
  const t = useTranslations("contracts");
  const locale = toLocale(useLocale());
  const yen = (n: number) => formatYen(n, locale);
  const rows = invoiceRows(invoice, t as unknown as ContractsT, yen);
  const rate = Number((invoice.taxRateBp / 100).toFixed(2)).toString();
  return (
    <article
      className="print-area mx-auto max-w-[210mm] space-y-6 bg-white p-8 text-sm shadow-sm ring-1 ring-slate-200"
      data-testid="invoice"
    >
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-widest">{t("invoiceDoc.heading")}</h1>
          <p className="mt-4 text-lg font-semibold underline underline-offset-4">
            {t("invoiceDoc.recipient", { client: recipient })}
          </p>
          <p className="mt-1 text-slate-600">{contractTitle}</p>
        </div>
        <dl className="space-y-1 text-right">
          <div>
            <dt className="inline text-slate-500">{t("invoiceDoc.issueDate")}: </dt>
            <dd className="inline">{issueDate}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{t("invoiceDoc.issuer")}: </dt>
            <dd className="inline font-semibold">{issuer}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{t("invoiceDoc.registrationNumber")}: </dt>
            <dd className="inline font-mono" data-testid="registration-number">
              {registrationNumber ?? "—"}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{t("invoiceDoc.period")}: </dt>
            <dd className="inline">
              {invoice.periodStart} 〜 {invoice.periodEnd}
            </dd>
          </div>
        </dl>
      </header>
      <p className="rounded-md bg-slate-50 p-3 text-lg">
        {t("invoiceDoc.total")}:{" "}
        <strong className="tabular-nums" data-testid="invoice-total">
          {yen(invoice.totals.total)}
        </strong>
      </p>
      <table className="w-full border-collapse">
        <thead>
          <tr className="border-b border-slate-400 text-left">
            <th className="py-1">{t("invoiceDoc.line")}</th>
            <th className="py-1">{t("invoiceDoc.howColumn")}</th>
            <th className="py-1 text-right">{t("invoiceDoc.amount")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: invoice lines are positional
            <tr key={i} className="border-b border-slate-100 align-top">
              <td className="py-1 pr-2">
                <span className="text-xs text-slate-500">{t(`invoiceDoc.sections.${r.section}`)}</span>
                <br />
                {r.label}
              </td>
              <td className="py-1 pr-2 text-xs text-slate-600">{r.how}</td>
              <td className="py-1 text-right tabular-nums">{r.credit ? `−${yen(r.amount)}` : yen(r.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2} className="pt-3 text-right">
              {t("invoiceDoc.taxableTotal", { rate })}
            </td>
            <td className="pt-3 text-right tabular-nums" data-testid="invoice-taxable">
              {yen(invoice.totals.taxable)}
            </td>
          </tr>
          <tr>
            <td colSpan={2} className="text-right">
              {t("invoiceDoc.tax", { rate })}
            </td>
            <td className="text-right tabular-nums" data-testid="invoice-tax">
              {yen(invoice.totals.tax)}
            </td>
          </tr>
          <tr className="text-base font-bold">
            <td colSpan={2} className="text-right">
              {t("invoiceDoc.total")}
            </td>
            <td className="text-right tabular-nums">{yen(invoice.totals.total)}</td>
          </tr>
        </tfoot>
      </table>
    </article>
  );
}
