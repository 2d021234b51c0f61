import "server-only";
import { cache } from "react";
import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { agencyRevision } from "@/db/queries/audit";
import { getClientOrThrow } from "@/db/queries/clients";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";

/**
 * The client of a KPI page — the month (`kpis.read`) or the weekly entry grid (`kpis.enter`: operators, their
 * assigned clients only) — if the member may see it; otherwise 404. Cached per request: the page's layout calls it
 * first, so a denied request answers 404 before the page's loading skeleton streams, and the page reuses the
 * answer instead of reading the client again.
 */
export const kpiPageClient = cache(async (permission: "kpis.read" | "kpis.enter", id: string) =>
  agencyRead(permission, async ({ tx, agencyId, scope, member }) => {
    if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
    const client = await getClientOrThrow(tx, { agencyId, clientId: id, scope });
    return {
      client: { id: client.id, name: client.name, channels: client.channels },
      // Read here for the page's memo (lib/cache/agency-memo.ts), before the page reads the data it stands for.
      agencyId,
      revision: await agencyRevision(tx, { agencyId }),
      canPlan: can(member.membership.role, "kpis.plan"),
      canEnter: can(member.membership.role, "kpis.enter"),
    };
  }),
);
