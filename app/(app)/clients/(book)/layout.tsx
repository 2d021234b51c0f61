import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function ClientsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="clients">{children}</ClientMessages>;
}
