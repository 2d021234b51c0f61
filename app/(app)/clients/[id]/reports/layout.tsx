import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function ReportsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="report">{children}</ClientMessages>;
}
