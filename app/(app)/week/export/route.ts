// CSV of the week for every client in the member's view (an operator's own clients; ?view=team for the whole
// agency), in the entry grid's shape: fill it in and import it on /week.
import { z } from "zod";
import { listKpiClients } from "@/db/queries/kpis";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { exportKpiCsv, tokyoWeek, WEEK_STATUSES } from "@/lib/kpis/week-view";
import { isoWeek } from "@/lib/schemas/week";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const week = isoWeek.safeParse(url.searchParams.get("week")).data ?? tokyoWeek();
  const view = z.enum(["mine", "team"]).safeParse(url.searchParams.get("view")).data;
  const body = await agencyRead(
    "kpis.enter",
    async ({ tx, agencyId, scope, member }) => {
      const team = can(member.membership.role, "kpis.team") && view !== "mine";
      const clients = await listKpiClients(tx, {
        agencyId,
        scope,
        statuses: WEEK_STATUSES,
        assignedTo: !team && scope.kind === "all" ? member.membership.id : undefined,
      });
      return exportKpiCsv(tx, { agencyId, clients, weeks: [week] });
    },
    { signedOut: "notFound" },
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="kpis-${week}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
