// The portfolio as CSV: every client matching the page's filters, in its sort order (owners and managers).
import { agencyRead } from "@/lib/actions/agency-read";
import { tokyoToday } from "@/lib/contracts/view";
import { monthKey } from "@/lib/domain/calendar";
import { lastCompleteMonth } from "@/lib/kpis/plan-view";
import { portfolioCsv } from "@/lib/margins/csv";
import { loadPortfolio } from "@/lib/margins/portfolio";
import { portfolioParams } from "@/lib/schemas/margins";
import { parseSearchParams } from "@/lib/search-params";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const params = parseSearchParams(
    portfolioParams(monthKey(lastCompleteMonth(tokyoToday()))),
    Object.fromEntries(url.searchParams),
  );
  const body = await agencyRead(
    "margins.read",
    async ({ tx, agencyId }) => {
      const data = await loadPortfolio(tx, { agencyId, ...params, page: 1, pageSize: 100_000 });
      return portfolioCsv(params.month, data.rows, data.details);
    },
    { signedOut: "notFound" },
  );
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="portfolio-${params.month}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}
