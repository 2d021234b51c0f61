import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { EmptyState, PageHeader } from "@/components/ui/misc";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { listAuditLog } from "@/db/queries/audit";
import { agencyRead } from "@/lib/actions/agency-read";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { pageParam, parseSearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

const PAGE_SIZE = 50;

const auditParams = z.object({ page: pageParam });

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { page } = parseSearchParams(auditParams, await searchParams);
  const t = await getTranslations("audit");
  const locale = toLocale(await getLocale());
  const { rows, total } = await agencyRead("audit.read", ({ tx, agencyId }) =>
    listAuditLog(tx, { agencyId, page, pageSize: PAGE_SIZE }),
  );
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>{t("at")}</Th>
              <Th>{t("actor")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("entity")}</Th>
              <Th>{t("change")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id}>
                <Td>{formatDateTime(row.at, locale)}</Td>
                <Td>{row.actorName ?? "—"}</Td>
                <Td className="font-mono text-xs">{row.action}</Td>
                <Td className="font-mono text-xs">
                  {row.entity}
                  {row.entityId ? ` ${row.entityId.slice(0, 8)}` : ""}
                </Td>
                <Td className="max-w-md whitespace-normal">
                  <code className="line-clamp-2 break-all text-xs text-slate-500">
                    {JSON.stringify(row.after ?? row.before)}
                  </code>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} params={{}} path="/audit" />
    </div>
  );
}
