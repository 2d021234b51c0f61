import NotFound from "./(app)/not-found";
import { Document } from "./document";

export { generateDocumentMetadata as generateMetadata } from "./document";

/**
 * A URL no route matches. With several root layouts there is no single layout for Next.js to render the 404 in,
 * so this one brings the document itself (the signed-in shell's 404 is (app)/not-found.tsx).
 */
export default function GlobalNotFound() {
  return (
    <Document scope="none">
      <NotFound />
    </Document>
  );
}
