import "server-only";
import { cache } from "react";
import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { getClientHeadOrThrow } from "@/db/queries/clients";
import { agencyReadKept } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";

/**
 * The client of a KPI page — the month (`kpis.read`) or the weekly entry grid (`kpis.enter`: operators, their
 * assigned clients only) — if the member may see it; otherwise 404. Cached per request: the page's layout calls it
 * first, so a denied request answers 404 before the page's loading skeleton streams, and the page reuses the
 * answer instead of reading the client again. Kept per state of the agency's data (agencyReadKept): the page keys
 * its own kept figures on the revision this stands for.
 */
export const kpiPageClient = cache(async (permission: "kpis.read" | "kpis.enter", id: string) => {
  const { data, member, agencyId, revision } = await agencyReadKept(
    permission,
    ["kpiClient", id],
    async ({ tx, agencyId, scope }) => {
      if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
      return getClientHeadOrThrow(tx, { agencyId, clientId: id, scope });
    },
  );
  return {
    client: data,
    agencyId,
    revision,
    canPlan: can(member.membership.role, "kpis.plan"),
    canEnter: can(member.membership.role, "kpis.enter"),
  };
});
