import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="account">{children}</ClientMessages>;
}
