import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/client-messages";

// The role check happens here, above loading.tsx's boundary: a 404 must be decided before the page streams.
export default async function WeekLayout({ children }: { children: ReactNode }) {
  await requirePermission("kpis.enter");
  return <ClientMessages scope="week">{children}</ClientMessages>;
}
