import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { AccessRoleKind } from "@/lib/shared/access-policy";
import { type AuditActor, recordAudit } from "../audit/record-audit";
import type { PrismaClient } from "../database/prisma-client";
import { linkNewAccount } from "./link-new-account";

/** Better Auth's rule too (lib/server/auth/auth.ts). */
export const MINIMUM_PASSWORD_LENGTH = 12;

export interface NewAccount {
  email: string;
  name?: string;
  password: string;
  roles: { role: AccessRoleKind; teamId?: number | null }[];
}

/** A refusal with a message for the person making the account. */
export class AccountError extends Error {}

/**
 * Makes an account that signs in with e-mail and password (scrypt, as Better Auth hashes and
 * verifies it), links it to its PagerDuty person by e-mail (who becomes an engineer), grants
 * the roles asked for and records who did it. Used by the accounts screen and `fairshift user add`.
 */
export async function createAccount(
  db: PrismaClient,
  account: NewAccount,
  actor: AuditActor,
): Promise<{ id: string; email: string; personId: number | null }> {
  const email = account.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new AccountError(`"${account.email}" is not an e-mail address.`);
  }
  if (account.password.length < MINIMUM_PASSWORD_LENGTH) {
    throw new AccountError(`The password must be at least ${MINIMUM_PASSWORD_LENGTH} characters.`);
  }
  if (await db.authUser.findUnique({ where: { email } })) {
    throw new AccountError(`An account for ${email} already exists.`);
  }
  const id = randomUUID();
  const password = await hashPassword(account.password);
  await db.authUser.create({
    data: {
      id,
      email,
      name: account.name?.trim() || email,
      emailVerified: true,
      accounts: { create: { id: randomUUID(), providerId: "credential", accountId: id, password } },
    },
  });
  const { personId } = await linkNewAccount(db, { id, email });
  for (const grant of account.roles)
    await grantRole(db, id, grant.role, grant.teamId ?? null, actor);
  await recordAudit(db, {
    actor,
    action: "account.created",
    subjectType: "account",
    subjectId: id,
    personId,
    before: null,
    after: { email, personId, roles: account.roles },
  });
  return { id, email, personId };
}

/** Grants a role once (granting it again changes nothing) and records it. */
export async function grantRole(
  db: PrismaClient,
  userId: string,
  role: AccessRoleKind,
  teamId: number | null,
  actor: AuditActor,
): Promise<void> {
  if (role === "manager" && teamId === null) throw new AccountError("A manager role needs a team.");
  if (role !== "manager" && teamId !== null) {
    throw new AccountError(`The ${role} role is not per team; leave the team out.`);
  }
  const existing = await db.accessRole.findFirst({ where: { userId, role, teamId } });
  if (existing) return;
  await db.accessRole.create({ data: { userId, role, teamId, grantedBy: actor.label } });
  await recordAudit(db, {
    actor,
    action: "role.granted",
    subjectType: "account",
    subjectId: userId,
    before: null,
    after: { role, teamId },
  });
}
