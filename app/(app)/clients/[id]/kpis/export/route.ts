// CSV of one client's weekly KPI figures from ?from= to ?to= (ISO weeks; the last 13 weeks by default), in
// the entry grid's shape: it re-imports unchanged on /week.
import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { listKpiClients } from "@/db/queries/kpis";
import { agencyRead } from "@/lib/actions/agency-read";
import { exportKpiCsv, shiftWeek, tokyoWeek, weekRange } from "@/lib/kpis/week-view";
import { isoWeek } from "@/lib/schemas/week";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(request.url);
  const to = isoWeek.safeParse(url.searchParams.get("to")).data ?? tokyoWeek();
  const from = isoWeek.safeParse(url.searchParams.get("from")).data ?? shiftWeek(to, -12);
  const { code, body } = await agencyRead(
    "kpis.read",
    async ({ tx, agencyId, scope }) => {
      if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
      const [client] = await listKpiClients(tx, { agencyId, scope, ids: [id] });
      if (!client) throw new NotFoundError("client");
      return {
        code: client.code,
        body: await exportKpiCsv(tx, { agencyId, clients: [client], weeks: weekRange(from, to) }),
      };
    },
    { signedOut: "notFound" },
  );
  const filename = encodeURIComponent(`kpis-${code}-${from}-${to}.csv`);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${filename}`,
      "cache-control": "private, no-store",
    },
  });
}
