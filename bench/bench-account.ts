/**
 * Every dashboard page and API needs a signed-in account (docs/accounts.md). The bench makes
 * one admin account in the database it measures (only the account tables are written) and signs
 * in over HTTP like a browser, so what is measured includes the session check every visit pays.
 */
import { createAccount } from "@/lib/server/accounts/create-account";
import { resetPassword } from "@/lib/server/accounts/reset-password";
import { COMMAND_LINE_ACTOR } from "@/lib/server/audit/record-audit";
import { createPrismaClient } from "@/lib/server/database/prisma-client";

const BENCH_EMAIL = "bench@fairshift.invalid";
const BENCH_PASSWORD = "bench-password-2026";

export interface BenchSession {
  /** The Cookie header a signed-in browser sends. */
  cookie: string;
  /** The same cookies, as Playwright adds them to a browser context. */
  cookies: { name: string; value: string; url: string }[];
}

export async function signInBenchAdmin(
  databaseUrl: string,
  baseUrl: string,
): Promise<BenchSession> {
  const db = createPrismaClient(databaseUrl);
  try {
    const existing = await db.authUser.findUnique({ where: { email: BENCH_EMAIL } });
    if (existing) {
      await resetPassword(db, existing.id, BENCH_PASSWORD, COMMAND_LINE_ACTOR);
    } else {
      await createAccount(
        db,
        {
          email: BENCH_EMAIL,
          name: "Benchmark",
          password: BENCH_PASSWORD,
          roles: [{ role: "admin" }],
        },
        COMMAND_LINE_ACTOR,
      );
    }
  } finally {
    await db.$disconnect();
  }
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!response.ok) {
    throw new Error(`The bench could not sign in: ${response.status} ${await response.text()}`);
  }
  const pairs = response.headers.getSetCookie().map((line) => line.split(";")[0] ?? "");
  return {
    cookie: pairs.join("; "),
    cookies: pairs.map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
    }),
  };
}
