import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth } from "better-auth/plugins";
import { MINIMUM_PASSWORD_LENGTH } from "../accounts/create-account";
import { linkNewAccount } from "../accounts/link-new-account";
import { getDb } from "../db";
import { readEnvironment } from "../env";
import { readAuthSecret } from "./auth-secret";
import { isEmailVouchedFor, OIDC_PROVIDER_ID, readOidcConfig } from "./oidc-provider-config";

/** Sessions last a week and are extended once a day while used. */
const SESSION_SECONDS = 7 * 24 * 3600;
/** Loopback addresses are always accepted when FAIRSHIFT_BASE_URL is not set. */
const LOOPBACK_HOSTS = ["localhost", "localhost:*", "127.0.0.1", "127.0.0.1:*", "[::1]", "[::1]:*"];
/**
 * The sign-in rate limit counts per client address, read from X-Forwarded-For: Next sets it to
 * the connection's address when a request arrives without one, and a reverse proxy appends the
 * address it saw. Naming any trusted proxy makes Better Auth take the right-most address that is
 * not one (what our nearest proxy saw, which a client cannot forge) instead of giving up on a
 * list of several and counting every such request in one shared bucket, which would let ten
 * wrong passwords a minute lock everyone out. A proxy on this host is the only one trusted.
 */
const TRUSTED_PROXIES = ["127.0.0.0/8", "::1/128"];

function createAuth() {
  const environment = readEnvironment();
  const oidc = readOidcConfig(environment);
  const baseUrl = environment.FAIRSHIFT_BASE_URL;
  return betterAuth({
    appName: "Fairshift",
    secret: readAuthSecret(),
    baseURL: baseUrl ?? { allowedHosts: LOOPBACK_HOSTS, protocol: "http" },
    basePath: "/api/auth",
    database: prismaAdapter(getDb(), { provider: "postgresql" }),
    telemetry: { enabled: false },
    logger: { level: "error" },
    user: { modelName: "authUser" },
    session: {
      modelName: "authSession",
      expiresIn: SESSION_SECONDS,
      updateAge: 24 * 3600,
      // No cookie cache: signing out everywhere ends every session at once.
      cookieCache: { enabled: false },
    },
    account: {
      modelName: "authAccount",
      // An SSO sign-in whose verified e-mail matches an account joins it. The provider is not
      // "trusted" past that: an address it says is unverified must not open someone's account.
      accountLinking: { enabled: true },
      // The provider's tokens are kept only because Better Auth keeps them; never in clear text.
      encryptOAuthTokens: true,
    },
    verification: { modelName: "authVerification" },
    emailAndPassword: {
      enabled: true,
      // Accounts are made by an admin (screen or `fairshift user add`), never by signing up.
      disableSignUp: true,
      minPasswordLength: MINIMUM_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "authRateLimit",
      window: 60,
      max: 100,
      customRules: {
        // Per client address: 10 password attempts a minute.
        "/sign-in/email": { window: 60, max: 10 },
        // Starting single sign-on checks no secret (the provider does), so an office behind one
        // address gets more than Better Auth's default of 3 per 10 s for any /sign-in path.
        "/sign-in/social": { window: 60, max: 60 },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"], trustedProxies: TRUSTED_PROXIES },
      cookiePrefix: "fairshift",
      useSecureCookies: baseUrl?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: {
      user: {
        create: {
          // Single sign-on makes accounts on first sign-in, linked here when the provider
          // vouches for the e-mail (accounts made by an admin are linked in createAccount).
          after: async (user) => {
            if (user.emailVerified)
              await linkNewAccount(getDb(), { id: user.id, email: user.email });
          },
        },
      },
    },
    plugins: oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: OIDC_PROVIDER_ID,
                discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret,
                scopes: ["openid", "email", "profile"],
                pkce: true,
                // The e-mail is read from the ID token: use the provider only once its keys are
                // known, never by decoding an unverified token.
                requireIdTokenVerification: true,
                mapProfileToUser: (profile) => ({ emailVerified: isEmailVouchedFor(profile) }),
              },
            ],
          }),
        ]
      : [],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { fairshiftAuth?: Auth };

/** The Better Auth instance of this process (sessions, passwords, single sign-on). */
export function getAuth(): Auth {
  globalForAuth.fairshiftAuth ??= createAuth();
  return globalForAuth.fairshiftAuth;
}

/** Whether the sign-in screen offers single sign-on, and under which name. */
export function singleSignOnName(): string | null {
  return readOidcConfig(readEnvironment())?.name ?? null;
}
