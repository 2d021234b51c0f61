import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { ping } from "@/db/queries/system";
import { requirePermission } from "@/lib/auth/viewer";

// The page benchmark's signed-in floor (scripts/bench-pages.ts): the same layout, session check and membership
// lookup as every signed-in page, plus one trivial query. What any real page costs beyond this is the page's own
// work; what this costs beyond /bench-bare is the signed-in shell's.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Bench floor", robots: { index: false, follow: false } };

export default async function BenchFloorPage() {
  // Only the benchmark's server (BENCH_FLOOR=1) has this page; everywhere else it does not exist.
  if (process.env.BENCH_FLOOR !== "1") notFound();
  await requirePermission("clients.read");
  return <p data-bench-floor={await ping(getDb())}>ok</p>;
}
