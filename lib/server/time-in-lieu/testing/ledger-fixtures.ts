import type { PrismaClient } from "../../database/prisma-client";
import type { TestAccount } from "../../testing/test-accounts";

/**
 * Test data for the time-in-lieu workflow's integration tests: call-outs that the accrual
 * derivation turns into ledger lines, accruals written directly, and a snapshot of everything a
 * refused request must leave untouched.
 */

let incidentCounter = 0;

/** One incident paging `personId` at `start`, resolved at `end` (one call-out, one page). */
export async function createCallOut(
  db: PrismaClient,
  options: { personId: number; teamId: number; start: string; end: string },
): Promise<void> {
  incidentCounter += 1;
  const service = await db.service.upsert({
    where: { pagerdutyId: "PSVCLEDGER" },
    create: { pagerdutyId: "PSVCLEDGER", name: "Ledger test service" },
    update: {},
  });
  const created = new Date(options.start);
  const incident = await db.incident.create({
    data: {
      pagerdutyId: `PLEDGER${incidentCounter}`,
      title: `Call-out ${incidentCounter}`,
      serviceId: service.id,
      status: "resolved",
      createdAt: created,
      resolvedAt: new Date(options.end),
      detectionSource: "monitoring",
      teams: { create: { teamId: options.teamId, incidentCreatedAt: created } },
    },
  });
  await db.page.create({
    data: { personId: options.personId, incidentId: incident.id, at: created, channel: "phone" },
  });
}

/** An accrual line as the derivation would write it, `days` days before it lapses. */
export async function insertAccrual(
  db: PrismaClient,
  options: { personId: number; minutes: number; at: string; days?: number },
): Promise<number> {
  const occurredAt = new Date(options.at);
  const entry = await db.timeInLieuEntry.create({
    data: {
      personId: options.personId,
      kind: "accrual",
      minutes: options.minutes,
      occurredAt,
      expiresAt: new Date(occurredAt.getTime() + (options.days ?? 90) * 86_400_000),
      rule: `test accrual of ${options.minutes} min`,
      sourceKey: `test:${options.personId}:${options.at}`,
    },
    select: { id: true },
  });
  return entry.id;
}

/** Gives a test account a display name (messages say "approved by Grace Hopper"). */
export async function nameAccount(db: PrismaClient, account: TestAccount, name: string) {
  await db.authUser.update({ where: { id: account.userId }, data: { name } });
}

/**
 * Every ledger line with its decision, and how many notifications and audit events exist: a
 * refused request must leave all of it as it was.
 */
export async function ledgerSnapshot(db: PrismaClient) {
  const [entries, notifications, auditEvents] = await Promise.all([
    db.timeInLieuEntry.findMany({
      select: { id: true, kind: true, minutes: true, status: true, decidedBy: true },
      orderBy: { id: "asc" },
    }),
    db.notification.count(),
    db.auditEvent.count(),
  ]);
  return { entries, notifications, auditEvents };
}
