import { describe, expect, it, vi } from "vitest";
import { signedInAccount, TEST_ORIGIN, TEST_PASSWORD } from "../testing/test-accounts";
import { useRouteTestDatabase } from "../testing/test-database";

/** A sign-in as it reaches the app: X-Forwarded-For is set by Next or by a reverse proxy. */
async function signInFrom(forwardedFor: string, email: string, password: string) {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  return POST(
    new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: TEST_ORIGIN,
        "x-forwarded-for": forwardedFor,
      },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("the sign-in rate limit", () => {
  const database = useRouteTestDatabase();

  it("refuses the 11th sign-in in a minute from one address with 429, and no other address", async () => {
    const { email } = await signedInAccount(database.db, { email: "ada@example.test" });
    const wrong = `${TEST_PASSWORD}!`;
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      statuses.push((await signInFrom("203.0.113.7", email, wrong)).status);
    }
    expect(statuses).toEqual(Array(10).fill(401));

    const eleventh = await signInFrom("203.0.113.7", email, wrong);
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("x-retry-after"))).toBeGreaterThan(50);
    // Even the right password waits: the limit is on attempts, not on failures.
    expect((await signInFrom("203.0.113.7", email, TEST_PASSWORD)).status).toBe(429);

    expect((await signInFrom("203.0.113.8", email, wrong)).status).toBe(401);
    expect((await signInFrom("203.0.113.8", email, TEST_PASSWORD)).status).toBe(200);
  });

  it("counts the address the nearest proxy saw, not one the client wrote in front of it", async () => {
    const { email } = await signedInAccount(database.db, { email: "grace@example.test" });
    const wrong = `${TEST_PASSWORD}!`;
    // A client at 198.51.100.9 sends "X-Forwarded-For: <made up>"; the proxy appends its address.
    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await signInFrom(`192.0.2.${attempt}, 198.51.100.9`, email, wrong);
      expect(response.status).toBe(401);
    }
    expect((await signInFrom("192.0.2.99, 198.51.100.9", email, wrong)).status).toBe(429);
    // A proxy on this host (loopback) is skipped, so its clients keep their own counts.
    expect((await signInFrom("198.51.100.9, 127.0.0.1", email, wrong)).status).toBe(429);
    expect((await signInFrom("198.51.100.10, 127.0.0.1", email, wrong)).status).toBe(401);
  });

  it("never writes a password, a session token or the auth secret to the log", async () => {
    const logged: unknown[][] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args);
      }),
    );
    try {
      const { email, cookie } = await signedInAccount(database.db, { email: "eve@example.test" });
      for (let attempt = 1; attempt <= 11; attempt++) {
        await signInFrom("203.0.113.50", email, "a wrong password, guessed");
      }
      await signInFrom("203.0.113.51", "nobody@example.test", "a wrong password, guessed");
      const text = logged.map((args) => args.map((arg) => String(arg)).join(" ")).join("\n");
      const sessionToken = /session_token=([^;.]+)/.exec(cookie)?.[1] ?? "";
      expect(sessionToken.length).toBeGreaterThan(16);
      for (const secret of [
        TEST_PASSWORD,
        "a wrong password, guessed",
        sessionToken,
        process.env.FAIRSHIFT_AUTH_SECRET ?? "",
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
