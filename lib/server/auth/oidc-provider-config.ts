import type { Environment } from "../env";

/**
 * The one single sign-on provider's id. Better Auth 1.7 signs in with POST /api/auth/sign-in/social
 * `{ provider: "oidc" }`, and the provider sends people back to /api/auth/callback/oidc.
 */
export const OIDC_PROVIDER_ID = "oidc";

/** Register <FAIRSHIFT_BASE_URL> followed by this as the redirect URI at the provider. */
export const OIDC_CALLBACK_PATH = `/api/auth/callback/${OIDC_PROVIDER_ID}`;

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

/**
 * Whether the provider vouches for the profile's e-mail. Okta, Google and Keycloak send
 * `email_verified`; Entra ID sends no such claim for addresses its directory manages, so only an
 * explicit "not verified" counts against it. An unvouched e-mail neither joins an existing
 * account nor links a new one to a PagerDuty person.
 */
export function isEmailVouchedFor(profile: Record<string, unknown>): boolean {
  return profile.email_verified !== false && profile.email_verified !== "false";
}
