import type { Viewer } from "@/lib/shared/access-policy";
import type { PrismaClient } from "../database/prisma-client";

/** An account with its grants and its person's teams, or null when the account is gone. */
export async function loadViewer(db: PrismaClient, userId: string): Promise<Viewer | null> {
  const user = await db.authUser.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      personId: true,
      roles: { select: { role: true, teamId: true } },
      person: { select: { memberships: { select: { teamId: true } } } },
    },
  });
  if (!user) return null;
  const has = (role: string) => user.roles.some((grant) => grant.role === role);
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    personId: user.personId,
    admin: has("admin"),
    leadership: has("leadership"),
    engineer: has("engineer"),
    managedTeamIds: user.roles
      .filter((grant) => grant.role === "manager" && grant.teamId !== null)
      .map((grant) => grant.teamId as number)
      .sort((a, b) => a - b),
    memberTeamIds: (user.person?.memberships ?? []).map((m) => m.teamId).sort((a, b) => a - b),
  };
}
