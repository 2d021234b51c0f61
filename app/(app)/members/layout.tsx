import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function MembersLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="members">{children}</ClientMessages>;
}
