import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireViewer } from "@/lib/auth/viewer";
import { Document } from "../document";
import { logout, setLocale, switchAgency } from "./account/actions";

export { generateDocumentMetadata as generateMetadata } from "../document";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <Document scope="app">
      <AppShell viewer={viewer} actions={{ logout, setLocale, switchAgency }}>
        {children}
      </AppShell>
    </Document>
  );
}
