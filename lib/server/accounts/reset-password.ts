import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { type AuditActor, recordAudit } from "../audit/record-audit";
import { type AccountsDatabase, inTransaction } from "./accounts-database";
import { assertPasswordAllowed } from "./create-account";

/**
 * Sets an account's password (giving a single sign-on account one if it had none) and ends all
 * its sessions, so whoever knew the old password is signed out everywhere. The audit trail
 * records that it happened, never the password or its hash.
 */
export async function resetPassword(
  db: AccountsDatabase,
  userId: string,
  newPassword: string,
  actor: AuditActor,
): Promise<{ endedSessions: number }> {
  assertPasswordAllowed(newPassword);
  const password = await hashPassword(newPassword);
  return inTransaction(db, async (tx) => {
    const credential = await tx.authAccount.findFirst({
      where: { userId, providerId: "credential" },
      select: { id: true },
    });
    if (credential) {
      await tx.authAccount.update({ where: { id: credential.id }, data: { password } });
    } else {
      await tx.authAccount.create({
        data: { id: randomUUID(), userId, providerId: "credential", accountId: userId, password },
      });
    }
    const { count } = await tx.authSession.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actor,
      action: "account.password_reset",
      subjectType: "account",
      subjectId: userId,
      before: null,
      after: { endedSessions: count },
    });
    return { endedSessions: count };
  });
}
