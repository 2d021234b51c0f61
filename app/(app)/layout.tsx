import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/lib/auth/viewer";
import { logout, setLocale, switchAgency } from "./account/actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <AppShell viewer={viewer} actions={{ logout, setLocale, switchAgency }}>
      {children}
    </AppShell>
  );
}
