import { describe, expect, it } from "vitest";
import { signIn, TEST_ORIGIN } from "@/lib/server/testing/test-accounts";
import { useRouteTestDatabase } from "@/lib/server/testing/test-database";
import { GET, POST } from "./route";

const PASSWORD = "first admin password";

function setupRequest(body: unknown, origin: string | null = TEST_ORIGIN): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (origin) headers.set("origin", origin);
  return new Request(`${TEST_ORIGIN}/api/setup`, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("/api/setup (first run)", () => {
  const database = useRouteTestDatabase();

  it("refuses bad input and other sites while setup is needed, changing nothing", async () => {
    expect(await (await GET()).json()).toEqual({ needed: true });

    const fromElsewhere = await POST(
      setupRequest({ email: "admin@example.test", password: PASSWORD }, "https://evil.example"),
    );
    expect(fromElsewhere.status).toBe(403);

    const short = await POST(setupRequest({ email: "admin@example.test", password: "too short" }));
    expect(short.status).toBe(400);
    expect((await short.json()).error.message).toBe("The password must be at least 12 characters.");
    const notAnAddress = await POST(setupRequest({ email: "admin", password: PASSWORD }));
    expect((await notAnAddress.json()).error.message).toBe('"admin" is not an e-mail address.');
    const missing = await POST(setupRequest({ password: PASSWORD }));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/^email: /);
    expect((await POST(setupRequest("{not json"))).status).toBe(400);

    expect(await database.db.authUser.count()).toBe(0);
    expect(await database.db.auditEvent.count()).toBe(0);
    expect(await (await GET()).json()).toEqual({ needed: true });
  });

  it("makes exactly one admin when two first runs race, then refuses every later one", async () => {
    await database.db.person.create({
      data: { name: "Ada Lovelace", email: "ada@example.test", pagerdutyId: "PADA001" },
    });
    const responses = await Promise.all([
      POST(setupRequest({ email: "Ada@example.test", name: "Ada", password: PASSWORD })),
      POST(setupRequest({ email: "grace@example.test", name: "Grace", password: PASSWORD })),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const refused = responses.find((response) => response.status === 409);
    expect((await refused?.json())?.error).toEqual({
      code: "conflict",
      message: "Fairshift already has accounts: sign in, or ask an admin.",
    });

    const users = await database.db.authUser.findMany({ include: { roles: true } });
    expect(users).toHaveLength(1);
    const [admin] = users;
    expect(admin?.roles.map((grant) => grant.role).sort()).toEqual(
      admin?.email === "ada@example.test" ? ["admin", "engineer"] : ["admin"],
    );
    const created = responses.find((response) => response.status === 201);
    expect(await created?.json()).toEqual({
      account: {
        email: admin?.email,
        personId: admin?.personId ?? null,
        roles: ["admin"],
      },
    });
    const audit = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "account.created" },
    });
    expect(audit.actorLabel).toBe("first-run setup");
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);

    expect(await (await GET()).json()).toEqual({ needed: false });
    const later = await POST(setupRequest({ email: "eve@example.test", password: PASSWORD }));
    expect(later.status).toBe(409);
    expect(await database.db.authUser.count()).toBe(1);

    // The first admin signs in with the password chosen on the first-run screen.
    expect(await signIn(admin?.email ?? "", PASSWORD)).toMatch(/fairshift\.session_token=/);
  });
});
