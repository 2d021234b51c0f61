import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function KpiPlanLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="kpiPlan">{children}</ClientMessages>;
}
