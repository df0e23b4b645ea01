import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { AccessRoleKind } from "@/lib/shared/access-policy";
import { Prisma } from "@/prisma/generated/client/client";
import { type AuditActor, recordAudit } from "../audit/record-audit";
import { type AccountsDatabase, inTransaction } from "./accounts-database";
import { linkNewAccount } from "./link-new-account";

/** Better Auth's rules too (lib/server/auth/auth.ts). */
export const MINIMUM_PASSWORD_LENGTH = 12;
export const MAXIMUM_PASSWORD_LENGTH = 256;

export interface RoleGrant {
  role: AccessRoleKind;
  teamId?: number | null;
}

export interface NewAccount {
  email: string;
  name?: string;
  password: string;
  roles: RoleGrant[];
}

/** A refusal with a message for the person making the account. */
export class AccountError extends Error {}

/** Refuses a password Better Auth would refuse at sign-in. */
export function assertPasswordAllowed(password: string): void {
  if (password.length < MINIMUM_PASSWORD_LENGTH) {
    throw new AccountError(`The password must be at least ${MINIMUM_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > MAXIMUM_PASSWORD_LENGTH) {
    throw new AccountError(`The password must be at most ${MAXIMUM_PASSWORD_LENGTH} characters.`);
  }
}

/**
 * Makes an account that signs in with e-mail and password (scrypt, as Better Auth hashes and
 * verifies it), links it to its PagerDuty person by e-mail (who becomes an engineer), grants
 * the roles asked for and records who did it, all in one transaction: a refused role leaves no
 * half-made account. Used by the accounts screen, first-run setup and `fairshift user add`.
 */
export async function createAccount(
  db: AccountsDatabase,
  account: NewAccount,
  actor: AuditActor,
): Promise<{ id: string; email: string; personId: number | null }> {
  const email = account.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new AccountError(`"${account.email}" is not an e-mail address.`);
  }
  assertPasswordAllowed(account.password);
  for (const grant of account.roles) assertGrantShape(grant.role, grant.teamId ?? null);
  if (await db.authUser.findUnique({ where: { email } })) {
    throw new AccountError(`An account for ${email} already exists.`);
  }
  // Without a name given, the linked PagerDuty person's name is shown in the account menu.
  const person = await db.person.findFirst({ where: { email }, select: { name: true } });
  const id = randomUUID();
  // Hashing takes a tenth of a second: do it before the transaction, not while holding it.
  const password = await hashPassword(account.password);
  return inTransaction(db, async (tx) => {
    await tx.authUser.create({
      data: {
        id,
        email,
        name: account.name?.trim() || person?.name || email,
        emailVerified: true,
        accounts: {
          create: { id: randomUUID(), providerId: "credential", accountId: id, password },
        },
      },
    });
    const { personId } = await linkNewAccount(tx, { id, email });
    for (const grant of account.roles)
      await grantRole(tx, id, grant.role, grant.teamId ?? null, actor);
    await recordAudit(tx, {
      actor,
      action: "account.created",
      subjectType: "account",
      subjectId: id,
      personId,
      before: null,
      after: { email, personId, roles: account.roles },
    });
    return { id, email, personId };
  });
}

function assertGrantShape(role: AccessRoleKind, teamId: number | null): void {
  if (role === "manager" && teamId === null) throw new AccountError("A manager role needs a team.");
  if (role !== "manager" && teamId !== null) {
    throw new AccountError(`The ${role} role is not per team; leave the team out.`);
  }
}

/** Grants a role once (granting it again changes nothing) and records it. */
export async function grantRole(
  db: AccountsDatabase,
  userId: string,
  role: AccessRoleKind,
  teamId: number | null,
  actor: AuditActor,
): Promise<{ isGranted: boolean }> {
  assertGrantShape(role, teamId);
  const existing = await db.accessRole.findFirst({ where: { userId, role, teamId } });
  if (existing) return { isGranted: false };
  await db.accessRole.create({ data: { userId, role, teamId, grantedBy: actor.label } });
  await recordAudit(db, {
    actor,
    action: "role.granted",
    subjectType: "account",
    subjectId: userId,
    before: null,
    after: { role, teamId },
  });
  return { isGranted: true };
}

/**
 * Takes a role away (taking one the account does not hold changes nothing) and records it.
 * The last admin's admin role stays: without it nobody could manage accounts from the screens,
 * and first-run setup is only offered while there are no accounts at all.
 */
export async function revokeRole(
  db: AccountsDatabase,
  userId: string,
  role: AccessRoleKind,
  teamId: number | null,
  actor: AuditActor,
): Promise<{ isRevoked: boolean }> {
  assertGrantShape(role, teamId);
  return inTransaction(db, async (tx) => {
    const existing = await tx.accessRole.findFirst({ where: { userId, role, teamId } });
    if (!existing) return { isRevoked: false };
    if (role === "admin") {
      // Locks the admin grants, so two admins revoking each other cannot both succeed.
      const admins = await tx.$queryRaw<{ id: number }[]>(
        Prisma.sql`SELECT id FROM access_roles WHERE role = 'admin' FOR UPDATE`,
      );
      if (admins.length <= 1) {
        throw new AccountError(
          "This is the only admin: grant admin to someone else first, so that someone can still manage accounts.",
        );
      }
    }
    await tx.accessRole.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      actor,
      action: "role.revoked",
      subjectType: "account",
      subjectId: userId,
      before: { role, teamId },
      after: null,
    });
    return { isRevoked: true };
  });
}
