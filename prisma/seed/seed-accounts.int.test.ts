import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/lib/server/accounts/create-account";
import { resetPassword } from "@/lib/server/accounts/reset-password";
import { COMMAND_LINE_ACTOR } from "@/lib/server/audit/record-audit";
import { createPrismaClient, type PrismaClient } from "@/lib/server/database/prisma-client";
import { createTestDatabase, type TestDatabase } from "@/lib/server/testing/test-database";
import { findDemoAccounts } from "./seed-accounts";
import { seedDatabase } from "./seed-database";

const until = new Date("2026-10-01T00:00:00Z");

describe("the demo seed's accounts", () => {
  let demo: TestDatabase;
  let db: PrismaClient;
  let accounts: number;

  beforeAll(async () => {
    demo = await createTestDatabase();
    db = createPrismaClient(demo.url);
    ({ accounts } = await seedDatabase({ databaseUrl: demo.url, scale: "demo", seed: 1, until }));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await demo?.drop();
  });

  it("are one per role: admin, leadership, the Payments manager and its most-woken engineer", async () => {
    expect(accounts).toBe(4);
    const statuses = await findDemoAccounts(db);
    const rows = statuses.map(({ account, hasDemoPassword }) => ({
      email: account.email,
      person: account.person?.name ?? null,
      roles: account.roles.map((grant) => [grant.role, grant.team?.name ?? null]),
      hasDemoPassword,
    }));
    expect(rows.slice(0, 2)).toEqual([
      {
        email: "admin@fairshift.demo",
        person: null,
        roles: [["admin", null]],
        hasDemoPassword: true,
      },
      {
        email: "leadership@fairshift.demo",
        person: null,
        roles: [["leadership", null]],
        hasDemoPassword: true,
      },
    ]);

    const payments = await db.team.findUniqueOrThrow({
      where: { name: "Payments" },
      include: { memberships: { include: { person: true } } },
    });
    const pagerDutyManager = payments.memberships.find((member) => member.role === "manager");
    expect(rows[2]).toEqual({
      email: pagerDutyManager?.person.email,
      person: pagerDutyManager?.person.name,
      roles: [
        ["manager", "Payments"],
        ["engineer", null],
      ],
      hasDemoPassword: true,
    });

    // The engineer is the Payments member with the most time in lieu accrued from call-outs.
    const accrued = await db.timeInLieuEntry.groupBy({
      by: ["personId"],
      where: {
        kind: "accrual",
        personId: { in: payments.memberships.map((member) => member.personId) },
      },
      _sum: { minutes: true },
      orderBy: { _sum: { minutes: "desc" } },
    });
    const mostWoken = payments.memberships.find(
      (member) => member.personId === accrued[0]?.personId,
    );
    expect(rows[3]).toEqual({
      email: mostWoken?.person.email,
      person: mostWoken?.person.name,
      roles: [["engineer", null]],
      hasDemoPassword: true,
    });
    expect(rows[3]?.email).not.toBe(rows[2]?.email);
  });

  it("say when a demo password was changed", async () => {
    const admin = await db.authUser.findUniqueOrThrow({ where: { email: "admin@fairshift.demo" } });
    await resetPassword(db, admin.id, "a new and private password", COMMAND_LINE_ACTOR);
    const statuses = await findDemoAccounts(db);
    expect(statuses.map((status) => [status.account.email, status.hasDemoPassword])).toContainEqual(
      ["admin@fairshift.demo", false],
    );
    expect(statuses.filter((status) => status.hasDemoPassword)).toHaveLength(3);
  });

  it("are not added to a database that already has accounts", async () => {
    const other = await createTestDatabase();
    const otherDb = createPrismaClient(other.url);
    try {
      await createAccount(
        otherDb,
        { email: "owner@example.test", password: "the owner's own password", roles: [] },
        COMMAND_LINE_ACTOR,
      );
      const summary = await seedDatabase({ databaseUrl: other.url, scale: "demo", seed: 1, until });
      expect(summary.accounts).toBe(0);
      expect(await otherDb.authUser.count()).toBe(1);
      expect(await findDemoAccounts(otherDb)).toEqual([]);
    } finally {
      await otherDb.$disconnect();
      await other.drop();
    }
  });
});
