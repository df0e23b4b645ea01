export interface SecurityHeaderOptions {
  /** `next dev`: React's development build evaluates code, and HMR uses a WebSocket. */
  isDevelopment: boolean;
  /** FAIRSHIFT_BASE_URL: over https, browsers are told to keep to https. */
  baseUrl?: string;
  /** FAIRSHIFT_OIDC_ISSUER: sign-in may be handed to this origin. */
  oidcIssuer?: string;
}

export interface SecurityHeader {
  key: string;
  value: string;
}

/** A year: the usual HSTS lifetime, long enough to protect returning visitors. */
const HSTS_SECONDS = 365 * 24 * 3600;

/**
 * Response headers for every path (next.config.ts). The dashboard loads nothing from other
 * sites, so the content security policy allows only this origin; inline scripts and styles stay
 * allowed because Next streams its data in inline scripts and the charts set inline styles
 * (nonces would make every page dynamic). Next computes these when it builds.
 */
export function securityHeaders(options: SecurityHeaderOptions): SecurityHeader[] {
  const scripts = [
    "'self'",
    "'unsafe-inline'",
    ...(options.isDevelopment ? ["'unsafe-eval'"] : []),
  ];
  const connections = [
    "'self'",
    ...(options.isDevelopment ? ["ws://localhost:*", "ws://127.0.0.1:*"] : []),
  ];
  const forms = ["'self'", ...(options.oidcIssuer ? [new URL(options.oidcIssuer).origin] : [])];
  const policy = [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connections.join(" ")}`,
    "frame-ancestors 'none'",
    `form-action ${forms.join(" ")}`,
    "base-uri 'self'",
    "object-src 'none'",
  ];
  const headers: SecurityHeader[] = [
    { key: "Content-Security-Policy", value: policy.join("; ") },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
  // Not includeSubDomains: other hosts under the same domain may still serve plain http.
  if (options.baseUrl?.startsWith("https://")) {
    headers.push({ key: "Strict-Transport-Security", value: `max-age=${HSTS_SECONDS}` });
  }
  return headers;
}
