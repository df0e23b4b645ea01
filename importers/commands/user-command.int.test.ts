import { spawn } from "node:child_process";
import path from "node:path";
import { verifyPassword } from "better-auth/crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";

const bin = path.resolve(import.meta.dirname, "..", "..", "bin", "fairshift.js");
const GENERATED_PASSWORD = /^ {2}Password: ([A-Za-z0-9]{5}(?:-[A-Za-z0-9]{5}){3})$/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe("fairshift user", () => {
  const database = useTestDatabase();

  function fairshift(...args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, "user", ...args], {
        env: { ...process.env, DATABASE_URL: database.url },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  async function passwordHashOf(email: string): Promise<string> {
    const credential = await database.db.authAccount.findFirstOrThrow({
      where: { providerId: "credential", user: { email } },
    });
    return credential.password ?? "";
  }

  beforeAll(async () => {
    await database.db.team.createMany({
      data: [
        { id: 1, name: "Payments", pagerdutyId: "PPAY001" },
        { id: 2, name: "Platform", pagerdutyId: "PPLT001" },
      ],
    });
    await database.db.person.create({
      data: { name: "Ada Lovelace", email: "ada@example.test", pagerdutyId: "PADA001" },
    });
  });

  it("adds the first admin, linked to their person, with a generated password shown once", async () => {
    const run = await fairshift(
      "add",
      "--email",
      "Ada@Example.test",
      "--admin",
      "--manager",
      "payments",
      "--manager",
      "PPLT001",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Created the account ada@example.test.");
    expect(run.stdout).toContain("  Person:   Ada Lovelace (PADA001), linked by e-mail");
    expect(run.stdout).toContain(
      "  Roles:    admin, manager of Payments, manager of Platform, engineer",
    );
    const password = GENERATED_PASSWORD.exec(run.stdout)?.[1] ?? "";
    expect(password).toHaveLength(23);
    expect(run.stdout).toContain("shown only this once");
    expect(await verifyPassword({ hash: await passwordHashOf("ada@example.test"), password })).toBe(
      true,
    );
    const audit = await database.db.auditEvent.findMany({
      where: { actorLabel: "command line" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => event.action)).toEqual([
      "role.granted",
      "role.granted",
      "role.granted",
      "account.created",
    ]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("adds an account nobody in PagerDuty has, with the password given and not echoed", async () => {
    const run = await fairshift(
      "add",
      "--email",
      "ops@example.test",
      "--name",
      "Operations lead",
      "--password",
      "a long enough password",
      "--leadership",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  Person:   not linked: no PagerDuty person has this e-mail");
    expect(run.stdout).toContain("  Roles:    leadership");
    expect(run.stdout).not.toContain("Password:");
    expect(run.stdout).not.toContain("a long enough password");
    const hash = await passwordHashOf("ops@example.test");
    expect(await verifyPassword({ hash, password: "a long enough password" })).toBe(true);
  });

  it("refuses an existing e-mail, an unknown team and a short password, changing nothing", async () => {
    const existing = await fairshift("add", "--email", "ada@example.test", "--leadership");
    expect(existing.code).toBe(2);
    expect(existing.stderr).toContain("An account for ada@example.test already exists");
    expect(existing.stderr).toContain("fairshift user grant --email ada@example.test");

    const unknownTeam = await fairshift(
      "add",
      "--email",
      "new@example.test",
      "--manager",
      "Paymnts",
    );
    expect(unknownTeam.code).toBe(2);
    expect(unknownTeam.stderr).toContain(
      'No team "Paymnts" (by name or PagerDuty id). The teams are: Payments, Platform.',
    );

    const short = await fairshift("add", "--email", "new@example.test", "--password", "short");
    expect(short.code).toBe(2);
    expect(short.stderr).toContain("The password must be at least 12 characters.");

    const noEmail = await fairshift("add", "--admin");
    expect(noEmail.code).toBe(2);
    expect(noEmail.stderr).toContain("Give the account's e-mail: --email");

    expect(await database.db.authUser.count({ where: { email: "new@example.test" } })).toBe(0);
    const ada = await database.db.authUser.findUniqueOrThrow({
      where: { email: "ada@example.test" },
      include: { roles: true },
    });
    expect(ada.roles.filter((grant) => grant.role === "leadership")).toEqual([]);
  });

  it("grants and revokes roles, says when nothing changed, and keeps the last admin", async () => {
    const grant = await fairshift("grant", "--email", "ops@example.test", "--manager", "Payments");
    expect(grant.code).toBe(0);
    expect(grant.stdout).toContain("Granted manager of Payments to ops@example.test.");
    expect(grant.stdout).toContain("  Roles:    leadership, manager of Payments");

    const revoke = await fairshift("revoke", "--email", "ops@example.test", "--leadership");
    expect(revoke.stdout).toContain("Revoked leadership from ops@example.test.");
    expect(revoke.stdout).toContain("  Roles:    manager of Payments");
    const again = await fairshift("revoke", "--email", "ops@example.test", "--leadership");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("ops@example.test was not leadership; unchanged.");

    const lastAdmin = await fairshift("revoke", "--email", "ada@example.test", "--admin");
    expect(lastAdmin.code).toBe(2);
    expect(lastAdmin.stderr).toContain("This is the only admin: grant admin to someone else first");

    const noRole = await fairshift("grant", "--email", "ops@example.test");
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain(
      "Say which role to grant: --admin, --leadership, --engineer or --manager TEAM.",
    );
    const nobody = await fairshift("grant", "--email", "eve@example.test", "--admin");
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain("No account has the e-mail eve@example.test");

    const revoked = await database.db.auditEvent.findFirstOrThrow({
      where: { action: "role.revoked" },
    });
    expect(revoked).toMatchObject({ actorLabel: "command line", before: { role: "leadership" } });
  });

  it("resets a password and ends every session of that account", async () => {
    const ada = await database.db.authUser.findUniqueOrThrow({
      where: { email: "ada@example.test" },
    });
    const signedInAt = new Date("2026-11-20T08:30:00Z");
    await database.db.authSession.createMany({
      data: ["laptop", "phone"].map((device) => ({
        id: `session-${device}`,
        token: `token-${device}`,
        userId: ada.id,
        createdAt: signedInAt,
        expiresAt: new Date("2099-01-01T00:00:00Z"),
      })),
    });

    const list = await fairshift("list");
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^E-MAIL\s+PERSON\s+ROLES\s+LAST SIGN-IN \(UTC\)$/);
    expect(lines[1]).toMatch(
      /^ada@example\.test\s+Ada Lovelace\s+admin, manager of Payments, manager of Platform, engineer\s+2026-11-20 08:30$/,
    );
    expect(lines[2]).toMatch(/^ops@example\.test\s+not linked\s+manager of Payments\s+none$/);
    expect(lines[3]).toBe("2 accounts.");

    const reset = await fairshift("password", "--email", "ada@example.test");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain(
      "Set a new password for ada@example.test and ended its 2 sessions",
    );
    const password = GENERATED_PASSWORD.exec(reset.stdout)?.[1] ?? "";
    expect(await verifyPassword({ hash: await passwordHashOf("ada@example.test"), password })).toBe(
      true,
    );
    expect(await database.db.authSession.count({ where: { userId: ada.id } })).toBe(0);

    const given = await fairshift(
      "password",
      "--email",
      "ada@example.test",
      "--password",
      "another long password",
    );
    expect(given.stdout).toContain("ended its 0 sessions");
    expect(given.stdout).not.toContain("Password:");
  });

  it("names an unknown subcommand or an option that does not apply", async () => {
    const missing = await fairshift();
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("fairshift user add|list|grant|revoke|password");
    const option = await fairshift("list", "--email", "ada@example.test");
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("--email does not apply to `fairshift user list`.");
  });
});
