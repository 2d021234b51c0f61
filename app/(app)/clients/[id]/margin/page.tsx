import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MonthPicker } from "@/components/kpis/month-picker";
import { DirectCosts } from "@/components/margins/direct-costs";
import { MarginFigures } from "@/components/margins/margin-figures";
import { WhatIf } from "@/components/margins/what-if";
import { Card, PageHeader } from "@/components/ui/misc";
import { NotFoundError } from "@/db/errors";
import { agencyRead } from "@/lib/actions/agency-read";
import { tokyoToday } from "@/lib/contracts/view";
import { addMonths, monthKey, parseMonthKey } from "@/lib/domain/calendar";
import { toLocale } from "@/lib/i18n/locales";
import { lastCompleteMonth } from "@/lib/kpis/plan-view";
import { loadClientMargin } from "@/lib/margins/client-month";
import { parseSearchParams } from "@/lib/search-params";
import { addDirectCost, removeDirectCost } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("margins");
  return { title: t("link") };
}

const query = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional()
    .catch(undefined),
});

export default async function ClientMarginPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const asked = parseSearchParams(query, await searchParams).month;
  const ym = (asked && parseMonthKey(asked)) || lastCompleteMonth(tokyoToday());
  const month = monthKey(ym);
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const data = await agencyRead("margins.read", async (ctx) => {
    if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
    return loadClientMargin(ctx, id, month);
  });
  const { client, margin, revenue } = data;
  const contractPath = revenue.contractId ? `/clients/${id}/contracts/${revenue.contractId}` : null;
  return (
    <div className="space-y-6">
      <Link href={`/clients/${id}`} className="text-sm text-indigo-700 hover:underline">
        ← {client.name}
      </Link>
      <PageHeader
        title={t("margins.title", { client: client.name })}
        description={t("margins.description")}
        actions={
          <MonthPicker
            path={`/clients/${id}/margin`}
            month={month}
            previous={monthKey(addMonths(ym, -1))}
            next={monthKey(addMonths(ym, 1))}
            labels={{
              previous: t("margins.month.previous"),
              next: t("margins.month.next"),
              choose: t("margins.month.choose"),
              show: t("margins.month.show"),
            }}
          />
        }
      />
      <MarginFigures margin={margin} locale={locale} unratedNames={data.unratedNames} />
      {contractPath ? (
        <Link href={`${contractPath}/invoice/${month}`} className="text-sm text-indigo-700 hover:underline">
          {t("margins.invoiceLink")}
        </Link>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-2">
        <Card className="space-y-4 p-6">
          <h2 className="text-base font-semibold">{t("margins.directCosts.title", { month })}</h2>
          <DirectCosts
            clientId={id}
            month={month}
            costs={data.directCosts}
            add={addDirectCost}
            remove={removeDirectCost}
          />
        </Card>
        <Card className="space-y-4 p-6">
          <h2 className="text-base font-semibold">{t("margins.whatIf.title")}</h2>
          <WhatIf base={data.whatIfBase} amendHref={contractPath} />
        </Card>
      </div>
    </div>
  );
}
