// CSV of a client's P/L lines in the article's spreadsheet columns (re-imports unchanged).
import { z } from "zod";
import { getDb } from "@/db/client";
import { getClientOrThrow } from "@/db/queries/clients";
import { listPlLines } from "@/db/queries/economics";
import { withTenant } from "@/db/tenant";
import { NotFoundError } from "@/lib/actions/errors";
import { authorise, getViewer } from "@/lib/auth/viewer";
import { toPlCsv } from "@/lib/economics/csv";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = authorise(await getViewer(), "economics.read");
  const { id } = await params;
  if (!member || !z.uuid().safeParse(id).success) return new Response("Not found", { status: 404 });
  const { agencyId } = member.membership;
  try {
    const { client, rows } = await withTenant(getDb(), agencyId, async (tx) => ({
      client: await getClientOrThrow(tx, { agencyId, clientId: id, scope: member.scope }),
      rows: await listPlLines(tx, { agencyId, clientId: id }),
    }));
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
    const filename = `pl-${client.code}-${today}.csv`;
    return new Response(toPlCsv(rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
