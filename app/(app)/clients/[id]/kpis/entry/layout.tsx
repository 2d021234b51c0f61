import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { kpiPageClient } from "../client";

export default async function KpiEntryLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  // Checked here, before any of the page is rendered, so that a denied request is a real 404.
  await kpiPageClient("kpis.enter", (await params).id);
  return <ClientMessages scope="kpiEntry">{children}</ClientMessages>;
}
