import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DueContracts } from "@/components/contracts/due-contracts";
import { ClientsDataTable } from "@/components/tables/clients/data-table";
import { ClientFilters } from "@/components/tables/clients/filters";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/misc";
import { Pagination } from "@/components/ui/pagination";
import type { Transaction } from "@/db/client";
import { CLIENT_SORTS, listClients } from "@/db/queries/clients";
import { listContractTerms } from "@/db/queries/contracts";
import type { ClientScope } from "@/db/scope";
import { agencyReadKept } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { contractBadges, dueContracts } from "@/lib/contracts/overview";
import { tokyoToday } from "@/lib/contracts/view";
import { loadVerdicts } from "@/lib/kpis/load";
import { lastCompleteMonth } from "@/lib/kpis/plan-view";
import { CHANNELS, CLIENT_STATUSES } from "@/lib/options";
import { text } from "@/lib/schemas/fields";
import { pageParam, parseSearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("clients");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

const listParams = z.object({
  // A search with control characters (a NUL would upset the database) is no search.
  q: text({ max: 100 }).optional().catch(undefined),
  status: z.enum(CLIENT_STATUSES).optional().catch(undefined),
  channel: z.enum(CHANNELS).optional().catch(undefined),
  /** "1": only clients whose contract has a renewal or notice deadline within 30 days. */
  due: z.literal("1").optional().catch(undefined),
  sort: z.enum(CLIENT_SORTS).default("name").catch("name"),
  dir: z.enum(["asc", "desc"]).default("asc").catch("asc"),
  page: pageParam,
});

type ListParams = z.output<typeof listParams>;

export default async function ClientsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = parseSearchParams(listParams, await searchParams);
  const t = await getTranslations();
  // Not streamed behind skeletons: the page's data is kept per state of the agency's data (loadClientsPage),
  // so it is nearly always ready, and a skeleton would only add to every page's markup.
  const data = await loadClientsPage(params);
  const { member } = data;
  return (
    <div>
      <PageHeader
        title={t("clients.title")}
        description={t("clients.description")}
        actions={
          can(member.membership.role, "clients.write") ? (
            <Link href="/clients/new" className={buttonClass()}>
              {t("clients.new")}
            </Link>
          ) : null
        }
      />
      {data.due ? <DueContracts contracts={data.due} /> : null}
      <ClientFilters
        q={params.q}
        status={params.status}
        channel={params.channel}
        due={params.due}
        sort={params.sort}
        dir={params.dir}
        dueLabel={t("contracts.dueFilter")}
      />
      <ClientsList params={params} data={data} />
    </div>
  );
}

/**
 * Everything the page shows from the database, in one tenant transaction: the deadline list (the contracts
 * with a term alert within 30 days, which the `due` filter also reads), the page of clients and their
 * contract badges; kept per state of the agency's data (agencyReadKept).
 */
async function loadClientsPage(params: ListParams) {
  const today = tokyoToday();
  // The same page for the same people (role and scope, in every kept key) and the same state of the agency's
  // data: computed once, and then served without a transaction.
  const { data, member } = await agencyReadKept(
    "clients.read",
    ["clients", today, JSON.stringify(params)],
    ({ tx, agencyId, scope, member }) =>
      loadClientsData(tx, {
        agencyId,
        scope,
        params,
        showDue: can(member.membership.role, "contracts.read"),
        today,
      }),
  );
  return { member, ...data };
}

/** The page's rows, contract badges, deadline list and verdicts (see loadClientsPage). */
async function loadClientsData(
  tx: Transaction,
  p: { agencyId: string; scope: ClientScope; params: ListParams; showDue: boolean; today: string },
) {
  const { agencyId, scope, params, showDue, today } = p;
  let list: Awaited<ReturnType<typeof listClients>>;
  let due: ReturnType<typeof dueContracts> = [];
  let contracts: Awaited<ReturnType<typeof listContractTerms>>;
  if (params.due) {
    // The deadline list decides which clients the page lists.
    due = dueContracts(await listContractTerms(tx, { agencyId, scope, statuses: ["active"] }), today);
    list = await listClients(tx, {
      agencyId,
      scope,
      ...params,
      ids: due.map((c) => c.clientId),
      pageSize: PAGE_SIZE,
    });
    contracts = await listContractTerms(tx, { agencyId, scope, clientIds: list.rows.map((r) => r.id) });
  } else {
    list = await listClients(tx, { agencyId, scope, ...params, pageSize: PAGE_SIZE });
    const ids = list.rows.map((r) => r.id);
    if (showDue) {
      // The active contracts (for the deadline list) and the page's contracts (for its badges) in one query.
      const terms = await listContractTerms(tx, { agencyId, scope, statuses: ["active"], orClientIds: ids });
      due = dueContracts(
        terms.filter((c) => c.status === "active"),
        today,
      );
      const onPage = new Set(ids);
      contracts = terms.filter((c) => onPage.has(c.clientId));
    } else {
      contracts = await listContractTerms(tx, { agencyId, scope, clientIds: ids });
    }
  }
  // The page's contracts come with their checklist counts.
  const done = new Map(contracts.flatMap((c) => (c.currentVersionId ? [[c.currentVersionId, c.checklistDone]] : [])));
  // The verdict of the last complete month, for the page's clients in one batch.
  const verdicts = await loadVerdicts(tx, {
    agencyId,
    clientIds: list.rows.map((r) => r.id),
    month: lastCompleteMonth(today),
  });
  return {
    ...list,
    badges: contractBadges(contracts, done, today),
    due: showDue ? due : null,
    verdicts,
  };
}

function ClientsList({ params, data }: { params: ListParams; data: Awaited<ReturnType<typeof loadClientsPage>> }) {
  const t = useTranslations("clients");
  const { member, rows, total, badges, verdicts } = data;
  const filtered = Boolean(params.q || params.status || params.channel || params.due);
  if (total === 0) {
    return filtered ? (
      <EmptyState title={t("emptyFiltered")} />
    ) : (
      <EmptyState
        title={t("empty")}
        body={member.scope.kind === "assigned" ? t("emptyOperator") : t("emptyBody")}
        action={
          can(member.membership.role, "clients.write") ? (
            <Link href="/clients/new" className={buttonClass()}>
              {t("new")}
            </Link>
          ) : null
        }
      />
    );
  }
  const query = {
    q: params.q,
    status: params.status,
    channel: params.channel,
    due: params.due,
    sort: params.sort,
    dir: params.dir,
  };
  return (
    <>
      <ClientsDataTable
        rows={rows.map((r) => ({
          ...r,
          updatedAt: r.updatedAt.toISOString(),
          contract: badges.get(r.id) ?? null,
          verdict: verdicts.get(r.id)?.verdict ?? null,
        }))}
        sort={{ sort: params.sort, dir: params.dir }}
        query={query}
      />
      <Pagination page={params.page} pageSize={PAGE_SIZE} total={total} params={query} path="/clients" />
    </>
  );
}
