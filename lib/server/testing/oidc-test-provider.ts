import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface OidcTestUser {
  /** The provider's stable subject id: what is typed into its login form. */
  sub: string;
  email: string;
  name?: string;
  /** Default true, as a company directory vouches for its addresses. */
  emailVerified?: boolean;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva's oidc-provider, as certified by the OpenID
 * Foundation) on a free loopback port, with one confidential client whose only redirect URI is
 * `redirectUri`, and these users. Its development login form takes a user's subject id and any
 * password, then asks for consent; `signInAtProvider` fills both in as a browser would.
 * Nothing leaves the machine.
 */
export async function startOidcTestProvider(options: {
  redirectUri: string;
  users: OidcTestUser[];
}): Promise<OidcTestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "fairshift-test";
  const clientSecret = randomBytes(24).toString("hex");

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        // Better Auth's default for a client with a secret.
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    async findAccount(_context, sub) {
      const user = options.users.find((candidate) => candidate.sub === sub);
      if (!user) return undefined;
      return {
        accountId: user.sub,
        claims: () => ({
          sub: user.sub,
          email: user.email,
          email_verified: user.emailVerified ?? true,
          name: user.name ?? user.email,
        }),
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Most providers put the profile claims in the ID token too, not only in userinfo.
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(16).toString("hex")] },
    // Lifetimes in seconds, given so the provider does not print a notice for each default.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    features: { devInteractions: { enabled: true } },
  });
  // Its error page says only "server_error": print the cause, so a failing test says why.
  provider.on("server_error", (_context, error) => console.error("oidc-test-provider:", error));
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Plays the browser at the provider: from the authorization URL the app redirected to, through
 * the login form (as the user whose subject id is `sub`) and the consent form, to the redirect back into the app. Returns
 * that redirect (the app's callback URL with `code` and `state`), not following it.
 */
export async function signInAtProvider(authorizationUrl: string, sub: string): Promise<URL> {
  const providerOrigin = new URL(authorizationUrl).origin;
  const cookies = new Map<string, string>();
  let request: { url: URL; form?: URLSearchParams } = { url: new URL(authorizationUrl) };
  for (let step = 0; step < 12; step++) {
    const response = await fetch(request.url, {
      method: request.form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(request.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: request.form?.toString(),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const separator = pair.indexOf("=");
      cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, request.url);
      if (next.origin !== providerOrigin) return next;
      request = { url: next };
      continue;
    }
    const html = await response.text();
    if (!response.ok) throw new Error(`The provider answered ${response.status}: ${html}`);
    request = fillForm(html, request.url, sub);
  }
  throw new Error("The provider did not redirect back to the app within 12 steps.");
}

/** The page's first form, its hidden fields kept, the login form's fields filled in. */
function fillForm(html: string, pageUrl: URL, login: string): { url: URL; form: URLSearchParams } {
  const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  if (!form?.[1]) throw new Error(`No form on the provider's page: ${html.slice(0, 500)}`);
  const fields = new URLSearchParams();
  for (const input of (form[2] ?? "").matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(input[0])?.[1];
    if (!name) continue;
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name === "login") fields.set(name, login);
    else if (name === "password") fields.set(name, "any password: the test provider ignores it");
    else fields.set(name, value);
  }
  return { url: new URL(form[1].replaceAll("&amp;", "&"), pageUrl), form: fields };
}
