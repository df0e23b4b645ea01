import type { AccessRoleKind } from "@/lib/shared/access-policy";

/** "admin", "manager of Payments": how the command line and start-up messages name a role. */
export function describeRole(role: AccessRoleKind, teamName: string | null | undefined): string {
  return role === "manager" ? `manager of ${teamName ?? "a deleted team"}` : role;
}

/** "admin, manager of Payments, engineer", or what having no role means. */
export function describeRoles(
  roles: readonly { role: AccessRoleKind; team: { name: string } | null }[],
): string {
  if (roles.length === 0) return "none (sees nothing until a role is granted)";
  return roles.map((grant) => describeRole(grant.role, grant.team?.name)).join(", ");
}
