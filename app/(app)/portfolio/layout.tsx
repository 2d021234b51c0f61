import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/viewer";
import { ClientMessages } from "@/lib/i18n/client-messages";

/**
 * The portfolio is for owners and managers (SPEC §2): decided here, before any of the page is rendered, so that
 * anyone else gets a real 404.
 */
export default async function PortfolioLayout({ children }: { children: ReactNode }) {
  await requirePermission("margins.read");
  return <ClientMessages scope="portfolio">{children}</ClientMessages>;
}
