import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function WeekLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="week">{children}</ClientMessages>;
}
