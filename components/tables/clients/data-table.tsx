"use client";

import { useSoftLinks } from "@/components/ui/soft-links";
import { type ClientRow, useClientColumns } from "./columns";

type Sort = { sort: string; dir: "asc" | "desc" };

/**
 * The client list: a plain table of the page it is given. Sorting, filtering and paging happen on the server
 * and live in the URL; the sortable headers are links that change it. The columns are the list in
 * columns.tsx, each rendered by a plain call per cell (a page is small and the table has no client-side state,
 * so a table library's per-cell machinery would only cost render time).
 */
export function ClientsDataTable({
  rows,
  sort,
  query,
}: {
  rows: ClientRow[];
  sort: Sort;
  query: Record<string, string | undefined>;
}) {
  const columns = useClientColumns();
  // The rows' and headers' links are plain anchors navigated client-side by the table (no Link per row).
  const links = useSoftLinks();

  const sortHref = (column: string) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== "page" && k !== "sort" && k !== "dir") params.set(k, v);
    params.set("sort", column);
    params.set("dir", sort.sort === column && sort.dir === "asc" ? "desc" : "asc");
    return `/clients?${params.toString()}`;
  };

  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200" {...links}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {columns.map((column) => {
              const active = sort.sort === column.id;
              return (
                <th
                  key={column.id}
                  scope="col"
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                  className="th"
                >
                  {column.sortable ? (
                    <a href={sortHref(column.id)} className="inline-flex items-center gap-1 hover:text-slate-900">
                      {column.header}
                      <span aria-hidden className={active ? "text-slate-900" : "text-slate-300"}>
                        {active && sort.dir === "desc" ? "▼" : "▲"}
                      </span>
                    </a>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {columns.map((column) => (
                <td key={column.id} className={column.className ?? "td"}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
