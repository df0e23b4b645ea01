import type { AccessRoleKind } from "@/lib/shared/access-policy";
import type { AccountsDatabase } from "./accounts-database";

export interface AccountSummary {
  id: string;
  email: string;
  name: string;
  /** The PagerDuty person linked by e-mail. */
  person: { id: number; name: string; pagerdutyId: string | null } | null;
  /** Sorted: admin, leadership, manager (by team name), engineer. */
  roles: { role: AccessRoleKind; team: { id: number; name: string } | null }[];
  /** Start of the newest session still on record: signing out deletes a session. */
  lastSignInAt: Date | null;
  /** Ways to sign in: "credential" (password) and/or "oidc". */
  signInMethods: string[];
}

const ROLE_ORDER: AccessRoleKind[] = ["admin", "leadership", "manager", "engineer"];

/** Accounts by e-mail (all, or those with this e-mail or these ids) with person, roles, last sign-in. */
export async function listAccounts(
  db: AccountsDatabase,
  filter: { email?: string; ids?: string[] } = {},
): Promise<AccountSummary[]> {
  const users = await db.authUser.findMany({
    where: {
      ...(filter.email === undefined ? {} : { email: filter.email.trim().toLowerCase() }),
      ...(filter.ids === undefined ? {} : { id: { in: filter.ids } }),
    },
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      person: { select: { id: true, name: true, pagerdutyId: true } },
      roles: { select: { role: true, team: { select: { id: true, name: true } } } },
      sessions: { select: { createdAt: true }, orderBy: { createdAt: "desc" }, take: 1 },
      accounts: { select: { providerId: true }, orderBy: { providerId: "asc" } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    person: user.person,
    roles: user.roles.sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        (a.team?.name ?? "").localeCompare(b.team?.name ?? ""),
    ),
    lastSignInAt: user.sessions[0]?.createdAt ?? null,
    signInMethods: user.accounts.map((account) => account.providerId),
  }));
}
