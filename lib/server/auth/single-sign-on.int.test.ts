import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../accounts/create-account";
import { COMMAND_LINE_ACTOR } from "../audit/record-audit";
import { authorizedRoute } from "../http/authorized-route";
import {
  type OidcTestProvider,
  signInAtProvider,
  startOidcTestProvider,
} from "../testing/oidc-test-provider";
import { requestAs, TEST_ORIGIN, TEST_PASSWORD } from "../testing/test-accounts";
import { useRouteTestDatabase } from "../testing/test-database";
import { OIDC_CALLBACK_PATH } from "./oidc-provider-config";

const OIDC_VARIABLES = [
  "FAIRSHIFT_OIDC_ISSUER",
  "FAIRSHIFT_OIDC_CLIENT_ID",
  "FAIRSHIFT_OIDC_CLIENT_SECRET",
  "FAIRSHIFT_OIDC_NAME",
] as const;

const whoAmI = authorizedRoute(async (_request, viewer) => Response.json(viewer));

/** The app's cookies as a browser keeps them: name → value, later Set-Cookie lines win. */
function keepCookies(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const separator = pair.indexOf("=");
    jar.set(pair.slice(0, separator), pair.slice(separator + 1));
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Single sign-on as a browser does it: the sign-in button's POST, the provider's login and
 * consent forms, then the provider's redirect back into the app's callback. Each flow comes
 * from its own address, as people do, so no flow spends another's sign-in rate limit.
 */
async function signInWithSingleSignOn(sub: string, clientAddress: string) {
  const { GET, POST } = await import("@/app/api/auth/[...all]/route");
  const jar = new Map<string, string>();
  const start = await POST(
    new Request(`${TEST_ORIGIN}/api/auth/sign-in/social`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: TEST_ORIGIN,
        "x-forwarded-for": clientAddress,
      },
      body: JSON.stringify({ provider: "oidc", callbackURL: "/" }),
    }),
  );
  expect(start.status).toBe(200);
  keepCookies(jar, start);
  const { url } = (await start.json()) as { url: string };

  const callback = await signInAtProvider(url, sub);
  expect(`${callback.origin}${callback.pathname}`).toBe(`${TEST_ORIGIN}${OIDC_CALLBACK_PATH}`);
  const finish = await GET(
    new Request(callback, {
      headers: { cookie: cookieHeader(jar), "x-forwarded-for": clientAddress },
    }),
  );
  keepCookies(jar, finish);
  return { finish, cookie: cookieHeader(jar) };
}

describe("single sign-on with an OpenID Connect provider", () => {
  const database = useRouteTestDatabase();
  let provider: OidcTestProvider;

  beforeAll(async () => {
    provider = await startOidcTestProvider({
      redirectUri: `${TEST_ORIGIN}${OIDC_CALLBACK_PATH}`,
      users: [
        { sub: "okta-ada", email: "Ada.Lovelace@example.test", name: "Ada Lovelace" },
        { sub: "okta-grace", email: "grace@example.test", name: "Grace Hopper" },
        // Someone whose provider lets them type any address, unverified.
        { sub: "okta-mallory", email: "grace@example.test", emailVerified: false },
        { sub: "okta-linus", email: "linus@example.test", emailVerified: false },
      ],
    });
    // Before the first request: the auth instance is made once, on first use.
    process.env.FAIRSHIFT_OIDC_ISSUER = provider.issuer;
    process.env.FAIRSHIFT_OIDC_CLIENT_ID = provider.clientId;
    process.env.FAIRSHIFT_OIDC_CLIENT_SECRET = provider.clientSecret;
    process.env.FAIRSHIFT_OIDC_NAME = "Test provider";
    await database.db.person.createMany({
      data: [
        { name: "Ada Lovelace", email: "ada.lovelace@example.test", pagerdutyId: "PADA001" },
        { name: "Linus Torvalds", email: "linus@example.test", pagerdutyId: "PLIN001" },
      ],
    });
  });

  afterAll(async () => {
    for (const name of OIDC_VARIABLES) delete process.env[name];
    await provider?.stop();
  });

  it("makes an account on first sign-in, linked to the PagerDuty person of its e-mail, as an engineer", async () => {
    const { finish, cookie } = await signInWithSingleSignOn("okta-ada", "203.0.113.21");
    expect(finish.status).toBe(302);
    expect(new URL(finish.headers.get("location") ?? "", TEST_ORIGIN).pathname).toBe("/");
    expect(cookie).toMatch(/fairshift\.session_token=/);

    const user = await database.db.authUser.findUniqueOrThrow({
      where: { email: "ada.lovelace@example.test" },
      include: { roles: true, accounts: true, person: true },
    });
    expect(user.name).toBe("Ada Lovelace");
    expect(user.person?.pagerdutyId).toBe("PADA001");
    expect(user.roles.map((grant) => [grant.role, grant.teamId])).toEqual([["engineer", null]]);
    expect(user.accounts.map((account) => [account.providerId, account.accountId])).toEqual([
      ["oidc", "okta-ada"],
    ]);
    // Kept encrypted with the auth secret: hex ciphertext, not the provider's base64url token.
    expect(user.accounts[0]?.accessToken).toMatch(/^[0-9a-f]{100,}$/);

    const viewer = await whoAmI(requestAs({ cookie }, "/api/whoami"), undefined);
    expect(viewer.status).toBe(200);
    expect(await viewer.json()).toMatchObject({
      email: "ada.lovelace@example.test",
      personId: user.personId,
      engineer: true,
      admin: false,
    });

    // Signing in again finds the same account.
    const again = await signInWithSingleSignOn("okta-ada", "203.0.113.22");
    expect(again.finish.status).toBe(302);
    expect(await database.db.authUser.count({ where: { email: user.email } })).toBe(1);
    expect(await database.db.authAccount.count({ where: { userId: user.id } })).toBe(1);
  });

  it("joins an existing password account with the same e-mail instead of making a second one", async () => {
    const existing = await createAccount(
      database.db,
      { email: "grace@example.test", password: TEST_PASSWORD, roles: [{ role: "leadership" }] },
      COMMAND_LINE_ACTOR,
    );
    const { finish, cookie } = await signInWithSingleSignOn("okta-grace", "203.0.113.23");
    expect(finish.status).toBe(302);

    const users = await database.db.authUser.findMany({
      where: { email: "grace@example.test" },
      include: { accounts: { orderBy: { providerId: "asc" } }, roles: true },
    });
    expect(users.map((user) => user.id)).toEqual([existing.id]);
    expect(users[0]?.accounts.map((account) => account.providerId)).toEqual(["credential", "oidc"]);
    expect(users[0]?.roles.map((grant) => grant.role)).toEqual(["leadership"]);
    const viewer = await whoAmI(requestAs({ cookie }, "/api/whoami"), undefined);
    expect(await viewer.json()).toMatchObject({ userId: existing.id, leadership: true });
  });

  it("neither joins an account nor links a person for an e-mail the provider says is unverified", async () => {
    const grace = await database.db.authUser.findUniqueOrThrow({
      where: { email: "grace@example.test" },
    });
    const mallory = await signInWithSingleSignOn("okta-mallory", "203.0.113.25");
    expect(mallory.finish.status).toBe(302);
    expect(mallory.finish.headers.get("location")).toContain("error=account_not_linked");
    expect(mallory.cookie).not.toContain("session_token=");
    expect(
      await database.db.authAccount.count({
        where: { userId: grace.id, accountId: "okta-mallory" },
      }),
    ).toBe(0);

    const linus = await signInWithSingleSignOn("okta-linus", "203.0.113.26");
    expect(linus.finish.status).toBe(302);
    const account = await database.db.authUser.findUniqueOrThrow({
      where: { email: "linus@example.test" },
      include: { roles: true },
    });
    expect(account).toMatchObject({ personId: null, emailVerified: false, roles: [] });
    const viewer = await whoAmI(requestAs({ cookie: linus.cookie }, "/api/whoami"), undefined);
    expect(await viewer.json()).toMatchObject({ personId: null, engineer: false, admin: false });
  });

  it("refuses a sign-in with a forged state instead of making a session", async () => {
    const { GET } = await import("@/app/api/auth/[...all]/route");
    const response = await GET(
      new Request(`${TEST_ORIGIN}${OIDC_CALLBACK_PATH}?code=forged&state=forged`, {
        headers: { "x-forwarded-for": "203.0.113.24" },
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("error=");
    expect(response.headers.getSetCookie().join(";")).not.toContain("session_token=");
  });
});
