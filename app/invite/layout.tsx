import type { ReactNode } from "react";
import { AuthFrame } from "../(auth)/auth-frame";
import { Document } from "../document";

export { generateDocumentMetadata as generateMetadata } from "../document";

export default function InviteLayout({ children }: { children: ReactNode }) {
  return (
    <Document scope="invite">
      <AuthFrame>{children}</AuthFrame>
    </Document>
  );
}
