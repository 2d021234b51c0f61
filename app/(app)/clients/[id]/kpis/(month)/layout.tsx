import type { ReactNode } from "react";
import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { agencyRead } from "@/lib/actions/agency-read";
import { ClientMessages } from "@/lib/i18n/client-messages";

/**
 * Who may see this client's KPI page is decided here, above loading.tsx: the page streams behind its
 * skeleton, and a "not found" decided only then would go out with status 200.
 */
export default async function KpiMonthLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await agencyRead("kpis.read", async ({ tx, agencyId, scope }) => {
    if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
    await getClientOrThrow(tx, { agencyId, clientId: id, scope });
  });
  return <ClientMessages scope="kpis">{children}</ClientMessages>;
}
