import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { ping } from "@/db/queries/system";

// The page benchmark's bare floor: the one query of /bench-floor under a root layout that does nothing else.
// /bench-floor ÷ this page is what the signed-in layout, session and shell cost.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Bench bare", robots: { index: false, follow: false } };

export default async function BenchBarePage() {
  // Only the benchmark's server (BENCH_FLOOR=1) has this page; everywhere else it does not exist.
  if (process.env.BENCH_FLOOR !== "1") notFound();
  return <p data-bench-bare={await ping(getDb())}>ok</p>;
}
