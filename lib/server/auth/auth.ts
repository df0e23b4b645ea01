import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { genericOAuth } from "better-auth/plugins";
import { MINIMUM_PASSWORD_LENGTH } from "../accounts/create-account";
import { linkNewAccount } from "../accounts/link-new-account";
import { getDb } from "../db";
import { readEnvironment } from "../env";
import { readAuthSecret } from "./auth-secret";
import { OIDC_PROVIDER_ID, readOidcConfig } from "./oidc-provider-config";

/** Sessions last a week and are extended once a day while used. */
const SESSION_SECONDS = 7 * 24 * 3600;
/** Loopback addresses are always accepted when FAIRSHIFT_BASE_URL is not set. */
const LOOPBACK_HOSTS = ["localhost", "localhost:*", "127.0.0.1", "127.0.0.1:*", "[::1]", "[::1]:*"];

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
      // An SSO sign-in whose verified e-mail matches an account joins it.
      accountLinking: { enabled: true, trustedProviders: [OIDC_PROVIDER_ID] },
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
      // Per client address: 10 sign-in attempts a minute.
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    advanced: {
      cookiePrefix: "fairshift",
      useSecureCookies: baseUrl?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: {
      user: {
        create: {
          // Single sign-on makes accounts on first sign-in; every new account is linked here.
          after: async (user) => {
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
