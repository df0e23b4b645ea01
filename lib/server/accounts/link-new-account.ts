import type { AccountsDatabase } from "./accounts-database";

/**
 * A new account is linked to the PagerDuty person with its e-mail, and that person gets the
 * engineer role: they see their own shifts, interruptions and ledger, and their teams'
 * aggregates. Any other role is granted by an admin. An account with no matching person gets
 * no role at all (it sees nothing until an admin grants one).
 */
export async function linkNewAccount(
  db: AccountsDatabase,
  user: { id: string; email: string },
): Promise<{ personId: number | null }> {
  const person = await db.person.findFirst({
    where: { email: user.email.toLowerCase(), authUser: null },
    select: { id: true },
  });
  if (!person) return { personId: null };
  await db.authUser.update({ where: { id: user.id }, data: { personId: person.id } });
  const existing = await db.accessRole.findFirst({
    where: { userId: user.id, role: "engineer", teamId: null },
  });
  if (!existing) {
    await db.accessRole.create({
      data: { userId: user.id, role: "engineer", grantedBy: "linked by e-mail" },
    });
  }
  return { personId: person.id };
}
