/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite loads its WASM and data files from node_modules at run time; bundling would copy
  // them into .next/static where anyone could download them. argon2 is a native addon.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "exceljs"],
  typedRoutes: false,
  // forbidden() and app/forbidden.tsx: a page a role may not open answers 403.
  experimental: { authInterrupts: true },
  async headers() {
    // The Content-Security-Policy carries a per-request nonce and is set in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
