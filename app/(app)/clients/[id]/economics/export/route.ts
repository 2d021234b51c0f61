// CSV of a client's P/L lines in the article's spreadsheet columns (re-imports unchanged).
import { z } from "zod";
import { NotFoundError } from "@/db/errors";
import { getClientOrThrow } from "@/db/queries/clients";
import { listPlLines } from "@/db/queries/economics";
import { agencyRead } from "@/lib/actions/agency-read";
import { toPlCsv } from "@/lib/economics/csv";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { client, rows } = await agencyRead(
    "economics.read",
    async ({ tx, agencyId, scope }) => {
      if (!z.uuid().safeParse(id).success) throw new NotFoundError("client");
      return {
        client: await getClientOrThrow(tx, { agencyId, clientId: id, scope }),
        rows: await listPlLines(tx, { agencyId, clientId: id }),
      };
    },
    { signedOut: "notFound" },
  );
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
  return new Response(toPlCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pl-${client.code}-${today}.csv"`,
      "cache-control": "no-store",
    },
  });
}
