import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function ContractsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="contracts">{children}</ClientMessages>;
}
