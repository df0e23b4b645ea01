import { describe, expect, it } from "vitest";
import { authorizedRoute } from "../http/authorized-route";
import {
  requestAs,
  signedInAccount,
  signIn,
  TEST_ORIGIN,
  TEST_PASSWORD,
} from "../testing/test-accounts";
import { useRouteTestDatabase } from "../testing/test-database";

const whoAmI = authorizedRoute(async (_request, viewer) => Response.json(viewer));

describe("signing in", () => {
  const database = useRouteTestDatabase();

  it("gives a session cookie that authorises API routes, links the person and ends on sign-out", async () => {
    const person = await database.db.person.create({
      data: { name: "Ada", email: "ada@example.test" },
    });
    const account = await signedInAccount(database.db, { email: "ADA@example.test" });
    expect(account.cookie).toMatch(/fairshift\.session_token=/);
    const response = await whoAmI(requestAs(account, "/api/whoami"), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      email: "ada@example.test",
      personId: person.id,
      engineer: true,
      admin: false,
    });

    const { POST } = await import("@/app/api/auth/[...all]/route");
    const signOut = await POST(
      requestAs(account, "/api/auth/sign-out", { method: "POST", body: {} }),
    );
    expect(signOut.status).toBe(200);
    expect((await whoAmI(requestAs(account, "/api/whoami"), undefined)).status).toBe(401);
  });

  it("refuses a wrong password and a request without a session", async () => {
    await signedInAccount(database.db, { email: "grace@example.test" });
    await expect(signIn("grace@example.test", `${TEST_PASSWORD}!`)).rejects.toThrow(/401/);
    const anonymous = await whoAmI(requestAs(null, "/api/whoami"), undefined);
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized");
  });

  it("refuses a change from another site", async () => {
    const account = await signedInAccount(database.db, { roles: [{ role: "admin" }] });
    const request = new Request(`${TEST_ORIGIN}/api/whoami`, {
      method: "POST",
      headers: { cookie: account.cookie, origin: "https://evil.example" },
    });
    const response = await whoAmI(request, undefined);
    expect(response.status).toBe(403);
  });
});
