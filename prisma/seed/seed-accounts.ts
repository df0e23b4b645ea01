import { verifyPassword } from "better-auth/crypto";
import { createAccount, type RoleGrant } from "@/lib/server/accounts/create-account";
import { type AccountSummary, listAccounts } from "@/lib/server/accounts/list-accounts";
import type { AuditActor } from "@/lib/server/audit/record-audit";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { Organisation } from "./organisation-types";

/** The one documented password of every demo account (docs/accounts.md). */
export const DEMO_PASSWORD = "fairshift-demo-2026";

/** Recorded as the maker of the demo accounts: how `npm start` finds them again. */
const DEMO_SEED_ACTOR: AuditActor = { userId: null, label: "demo seed" };

/** The team whose manager and engineer sign in in the demo. */
const DEMO_TEAM = "Payments";

export interface DemoAccount {
  email: string;
  roles: RoleGrant[];
  name?: string;
}

/**
 * One account per role: an admin, leadership, the Payments team's manager (its PagerDuty
 * manager) and the Payments engineer on the three-week streak, who is woken most. Manager
 * and engineer use their PagerDuty e-mails, so they are linked to their people.
 */
export function demoAccounts(organisation: Organisation): DemoAccount[] {
  const team = organisation.teams.find((candidate) => candidate.name === DEMO_TEAM);
  if (!team) throw new Error(`The demo organisation has no ${DEMO_TEAM} team.`);
  const personOf = (id: number) => {
    const person = organisation.people[id - 1];
    if (!person) throw new Error(`The demo organisation has no person ${id}.`);
    return person;
  };
  const manager = personOf(team.managerId);
  const streak = team.spec.members.reduce(
    (best, member, index) =>
      (member.streakWeeks ?? 1) > (team.spec.members[best]?.streakWeeks ?? 1) ? index : best,
    0,
  );
  const engineer = personOf(team.memberIds[streak] ?? 0);
  if (engineer.id === manager.id) {
    throw new Error(`The demo ${DEMO_TEAM} manager and engineer must be two people.`);
  }
  return [
    { email: "admin@fairshift.demo", name: "Demo admin", roles: [{ role: "admin" }] },
    {
      email: "leadership@fairshift.demo",
      name: "Demo leadership",
      roles: [{ role: "leadership" }],
    },
    { email: manager.email, roles: [{ role: "manager", teamId: team.id }] },
    { email: engineer.email, roles: [{ role: "engineer" }] },
  ];
}

/**
 * Adds the demo accounts, unless the database already has accounts: a documented password
 * must never open an installation someone has set up. Returns how many were made.
 */
export async function seedDemoAccounts(
  db: PrismaClient,
  organisation: Organisation,
): Promise<number> {
  if ((await db.authUser.count()) > 0) return 0;
  const accounts = demoAccounts(organisation);
  for (const account of accounts) {
    await createAccount(db, { ...account, password: DEMO_PASSWORD }, DEMO_SEED_ACTOR);
  }
  return accounts.length;
}

export interface DemoAccountStatus {
  account: AccountSummary;
  /** False once someone changed it: the documented password no longer opens this account. */
  hasDemoPassword: boolean;
}

/** The demo seed's accounts that still exist, with whether their password is still the demo one. */
export async function findDemoAccounts(db: PrismaClient): Promise<DemoAccountStatus[]> {
  const created = await db.auditEvent.findMany({
    where: { action: "account.created", actorLabel: DEMO_SEED_ACTOR.label },
    orderBy: { id: "asc" },
    select: { subjectId: true },
  });
  const ids = created.map((event) => event.subjectId);
  if (ids.length === 0) return [];
  const [accounts, credentials] = await Promise.all([
    listAccounts(db, { ids }),
    db.authAccount.findMany({
      where: { userId: { in: ids }, providerId: "credential" },
      select: { userId: true, password: true },
    }),
  ]);
  const statuses: DemoAccountStatus[] = [];
  for (const id of ids) {
    const account = accounts.find((candidate) => candidate.id === id);
    if (!account) continue;
    const hash = credentials.find((credential) => credential.userId === id)?.password;
    const hasDemoPassword = hash ? await verifyPassword({ hash, password: DEMO_PASSWORD }) : false;
    statuses.push({ account, hasDemoPassword });
  }
  return statuses;
}
