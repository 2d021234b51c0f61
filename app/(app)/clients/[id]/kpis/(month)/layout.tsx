import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { kpiPageClient } from "../client";

/**
 * Who may see this client's KPI page is decided here, above loading.tsx: the page streams behind its
 * skeleton, and a "not found" decided only then would go out with status 200.
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
