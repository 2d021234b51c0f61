import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Kept in step with lib/security-headers.ts (STATIC_SECURITY_HEADERS, HSTS, LOCKED_DOWN_CSP), which the
// header test checks on every route; the per-request Content-Security-Policy of pages is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package directory; argon2 is a native addon;
  // react-pdf and pg-boss run as plain Node packages (fonts read from disk, their own database driver).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@react-pdf/renderer", "pg-boss"],
  poweredByHeader: false,
  // A second build beside the usual one, for comparing two versions of the app (scripts/bench-ab.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // P/L CSV imports go through a server action; the action itself refuses files over 5 MB.
    serverActions: { bodySizeLimit: "6mb" },
    // The app has several root layouts (app/document.tsx), so a URL no route matches gets app/global-not-found.tsx.
    globalNotFound: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
      // Paths the proxy does not see (Auth.js's endpoints, static files): a policy that allows nothing.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        source: "/_next/static/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
