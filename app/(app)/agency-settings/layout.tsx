import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function AgencySettingsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="agencySettings">{children}</ClientMessages>;
}
