import type { AccessRoleKind } from "@/lib/shared/access-policy";
import { createAccount } from "../accounts/create-account";
import { COMMAND_LINE_ACTOR } from "../audit/record-audit";
import type { PrismaClient } from "../database/prisma-client";

export const TEST_PASSWORD = "correct horse battery staple";
export const TEST_ORIGIN = "http://localhost";

export interface TestAccount {
  userId: string;
  email: string;
  personId: number | null;
  /** The session cookie, as a browser would send it. */
  cookie: string;
}

let counter = 0;
let signIns = 0;

/**
 * An account with these roles, signed in through Better Auth's own sign-in endpoint (so the
 * cookie is a real, signed session). Give `email` of a seeded person to link the account to them.
 */
export async function signedInAccount(
  db: PrismaClient,
  options: { email?: string; roles?: { role: AccessRoleKind; teamId?: number | null }[] } = {},
): Promise<TestAccount> {
  counter += 1;
  const email = options.email ?? `account-${counter}-${Date.now()}@example.test`;
  const account = await createAccount(
    db,
    { email, password: TEST_PASSWORD, roles: options.roles ?? [] },
    COMMAND_LINE_ACTOR,
  );
  return {
    userId: account.id,
    email: account.email,
    personId: account.personId,
    cookie: await signIn(email),
  };
}

/** Signs in with e-mail and password through POST /api/auth/sign-in/email; returns the cookie. */
export async function signIn(email: string, password = TEST_PASSWORD): Promise<string> {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  const response = await POST(
    new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      // A new client address per sign-in: the sign-in rate limit (10 a minute) is per address.
      headers: {
        "content-type": "application/json",
        origin: TEST_ORIGIN,
        "x-forwarded-for": `198.51.100.${(signIns++ % 250) + 1}`,
      },
      body: JSON.stringify({ email, password }),
    }),
  );
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((line) => line.split(";")[0]);
  return cookies.join("; ");
}

/** A request as the account's browser sends it: its cookie, and an Origin on changes. */
export function requestAs(
  account: Pick<TestAccount, "cookie"> | null,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Request {
  const headers = new Headers({ origin: TEST_ORIGIN });
  if (account) headers.set("cookie", account.cookie);
  if (init.body !== undefined) headers.set("content-type", "application/json");
  return new Request(new URL(path, TEST_ORIGIN), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
