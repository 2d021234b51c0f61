import type { ReactNode } from "react";
import { ClientMessages } from "@/lib/i18n/client-messages";

export default function PortfolioLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="portfolio">{children}</ClientMessages>;
}
