import type { ReactNode } from "react";
import { agencyRead } from "@/lib/actions/agency-read";

/** Costs and margins are for owners and managers (SPEC §2): decided above loading.tsx, so others get a real 404. */
export default async function PortfolioLayout({ children }: { children: ReactNode }) {
  await agencyRead("margins.read", async () => undefined);
  return children;
}
