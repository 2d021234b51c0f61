import type { ReactNode } from "react";
import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { agencyRead } from "@/lib/actions/agency-read";
import { ClientMessages } from "@/lib/i18n/client-messages";

/**
 * Costs and margins are for owners and managers (SPEC §2): decided here, above loading.tsx, so that anyone
 * else gets a real 404 rather than a skeleton with status 200.
 */
export default async function MarginLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  await agencyRead("margins.read", async ({ tx, agencyId, scope }) => {
    if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
    await getClientOrThrow(tx, { agencyId, clientId: id, scope });
  });
  return <ClientMessages scope="margins">{children}</ClientMessages>;
}
