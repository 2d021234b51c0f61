import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function EconomicsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="economics">{children}</ClientMessages>;
}
