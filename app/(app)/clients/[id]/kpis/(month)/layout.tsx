import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { kpiPageClient } from "../client";

/**
 * Who may see this client's KPI page is decided here, before any of the page is rendered, so that a denied
 * request is a real 404; the agency's revision read with it keys the page's kept figures.
 */
export default async function KpiMonthLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  await kpiPageClient("kpis.read", (await params).id);
  return <ClientMessages scope="kpis">{children}</ClientMessages>;
}
