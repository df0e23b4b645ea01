import type { Environment } from "../env";

/** The one single sign-on provider's id: its callback is /api/auth/oauth2/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button: "Sign in with Okta". */
  name: string;
}

/**
 * Single sign-on from the FAIRSHIFT_OIDC_* variables, or null when it is not configured. Half a
 * configuration is an error a person can act on, not a silently missing button.
 */
export function readOidcConfig(environment: Environment): OidcConfig | null {
  const issuer = environment.FAIRSHIFT_OIDC_ISSUER;
  const clientId = environment.FAIRSHIFT_OIDC_CLIENT_ID;
  const clientSecret = environment.FAIRSHIFT_OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return null;
  const missing = [
    ["FAIRSHIFT_OIDC_ISSUER", issuer],
    ["FAIRSHIFT_OIDC_CLIENT_ID", clientId],
    ["FAIRSHIFT_OIDC_CLIENT_SECRET", clientSecret],
  ]
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0 || !issuer || !clientId || !clientSecret) {
    throw new Error(`Single sign-on is half configured: set ${missing.join(" and ")} as well.`);
  }
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret,
    name: environment.FAIRSHIFT_OIDC_NAME,
  };
}
