import type { ReactNode } from "react";

// The benchmark's bare root layout (scripts/bench-pages.ts): a document with nothing in it — no providers, no
// session, no fonts, no styles, no translations — so /bench-bare measures what the framework alone costs.
export default function BenchLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
