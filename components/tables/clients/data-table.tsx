"use client";

import { useTable } from "@tanstack/react-table";
import Link from "next/link";
import { type ClientRow, features, SORTABLE, useClientColumns } from "./columns";

type Sort = { sort: string; dir: "asc" | "desc" };

/**
 * The client list. Sorting, filtering and paging happen on the server; this table only renders the page it
 * is given, and its sortable headers are links that change the URL.
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
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });

  const sortHref = (column: string) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== "page" && k !== "sort" && k !== "dir") params.set(k, v);
    params.set("sort", column);
    params.set("dir", sort.sort === column && sort.dir === "asc" ? "desc" : "asc");
    return `/clients?${params.toString()}`;
  };

  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-xs ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const id = header.column.id;
                const active = sort.sort === id;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                    className="px-3 py-2.5 text-left text-xs font-semibold text-slate-600"
                  >
                    {SORTABLE.has(id) ? (
                      <Link href={sortHref(id)} className="inline-flex items-center gap-1 hover:text-slate-900">
                        <table.FlexRender header={header} />
                        <span aria-hidden className={active ? "text-slate-900" : "text-slate-300"}>
                          {active && sort.dir === "desc" ? "▼" : "▲"}
                        </span>
                      </Link>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className="whitespace-nowrap px-3 py-2.5 text-slate-700">
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
