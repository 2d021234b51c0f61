import type { ReactNode } from "react";
import { Document } from "../document";
import { AuthFrame } from "./auth-frame";

export { generateDocumentMetadata as generateMetadata } from "../document";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <Document scope="auth">
      <AuthFrame>{children}</AuthFrame>
    </Document>
  );
}
