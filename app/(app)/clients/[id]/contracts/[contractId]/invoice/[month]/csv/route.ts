import { getLocale, getTranslations } from "next-intl/server";
import { agencyRead } from "@/lib/actions/agency-read";
import type { ContractsT } from "@/lib/contracts/view";
import { invoiceCsv } from "@/lib/contracts/view";
import { formatYen } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { loadInvoice } from "../load";

/** The month's invoice as CSV (UTF-8 with BOM, so Excel reads the Japanese). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; contractId: string; month: string }> },
) {
  const { id, contractId, month } = await params;
  const { client, outcome } = await agencyRead("contracts.fees", (ctx) => loadInvoice(ctx, id, contractId, month), {
    signedOut: "notFound",
  });
  const t = await getTranslations("contracts");
  const locale = toLocale(await getLocale());
  const body =
    outcome.kind === "invoice"
      ? invoiceCsv(outcome.invoice, t as unknown as ContractsT, (n) => formatYen(n, locale))
      : `\uFEFF${t("invoiceDoc.noInvoice")}\r\n`;
  const filename = encodeURIComponent(`${client.code}-${month}.csv`);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${filename}`,
      "cache-control": "private, no-store",
    },
  });
}
