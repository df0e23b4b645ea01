/**
 * Who may see and do what: the one place the rules live (docs/accounts.md). Pure, so the server
 * enforces them and the screens use the same answers to hide what a person cannot use.
 *
 * - admin: everything, including data, settings and accounts;
 * - leadership: organisation and team aggregates, never one person's rows;
 * - manager (per team): that team's aggregates and each member's rows; decides their claims;
 * - engineer: their own person's rows and the aggregates of the teams they belong to;
 * - no role: nothing (fail closed).
 */

export type AccessRoleKind = "admin" | "leadership" | "manager" | "engineer";

/** The signed-in account with its grants resolved (lib/server/access/load-viewer.ts). */
export interface Viewer {
  userId: string;
  name: string;
  email: string;
  /** The PagerDuty person linked by e-mail, if any. */
  personId: number | null;
  admin: boolean;
  leadership: boolean;
  engineer: boolean;
  /** Teams with a manager grant. */
  managedTeamIds: number[];
  /** Teams the linked person belongs to (used with the engineer role). */
  memberTeamIds: number[];
}

export function hasAnyRole(viewer: Viewer): boolean {
  return viewer.admin || viewer.leadership || viewer.engineer || viewer.managedTeamIds.length > 0;
}

/** Organisation-wide aggregates (no team filter). */
export function seesOrganisation(viewer: Viewer): boolean {
  return viewer.admin || viewer.leadership;
}

/** The teams whose aggregates the viewer may see: "all", or a list (possibly empty). */
export function visibleTeamIds(viewer: Viewer): "all" | number[] {
  if (seesOrganisation(viewer)) return "all";
  const teams = new Set(viewer.managedTeamIds);
  if (viewer.engineer) for (const team of viewer.memberTeamIds) teams.add(team);
  return [...teams].sort((a, b) => a - b);
}

export function seesTeam(viewer: Viewer, teamId: number): boolean {
  const visible = visibleTeamIds(viewer);
  return visible === "all" || visible.includes(teamId);
}

/** Whether the viewer manages someone in these teams (a manager of any of them). */
export function managesAnyOf(viewer: Viewer, teamIds: readonly number[]): boolean {
  return teamIds.some((team) => viewer.managedTeamIds.includes(team));
}

/** One person's rows: shifts, interruptions, wake-ups, the time-in-lieu ledger. */
export function seesPerson(
  viewer: Viewer,
  person: { id: number; teamIds: readonly number[] },
): boolean {
  if (viewer.admin) return true;
  if (viewer.personId === person.id && hasAnyRole(viewer)) return true;
  return managesAnyOf(viewer, person.teamIds);
}

/** Imports, sync, webhooks, settings and corrections to incidents. */
export function managesData(viewer: Viewer): boolean {
  return viewer.admin;
}

export function managesAccounts(viewer: Viewer): boolean {
  return viewer.admin;
}

/** Only the engineer themself claims time off from their own ledger. */
export function mayClaimFor(viewer: Viewer, personId: number): boolean {
  return viewer.personId === personId && hasAnyRole(viewer);
}

/** A manager of one of the person's teams approves, rejects and adjusts, never on their own ledger. */
export function mayDecideFor(
  viewer: Viewer,
  person: { id: number; teamIds: readonly number[] },
): boolean {
  return viewer.personId !== person.id && managesAnyOf(viewer, person.teamIds);
}

/** The roles in words, for the account menu: "Manager of Payments, engineer". */
export function describeRoles(viewer: Viewer, teamName: (id: number) => string): string {
  const parts: string[] = [];
  if (viewer.admin) parts.push("Admin");
  if (viewer.leadership) parts.push("Leadership");
  if (viewer.managedTeamIds.length > 0)
    parts.push(`Manager of ${viewer.managedTeamIds.map(teamName).join(", ")}`);
  if (viewer.engineer) parts.push("Engineer");
  return parts.length === 0 ? "No role yet" : parts.join(", ");
}

/** Something shared by several teams (an incident): visible through any of them. */
export function seesAnyTeam(viewer: Viewer, teamIds: readonly number[]): boolean {
  return seesOrganisation(viewer) || teamIds.some((team) => seesTeam(viewer, team));
}

/** Which of a report's per-person rows the viewer gets: everyone's, their own, or none. */
export type PeopleShown = "all" | "own" | "none";

/**
 * A report's per-person rows (load, fairness shares, paging-test readiness) for a scope already
 * authorised: an admin and a manager of the named team see everyone's; anyone else with a role
 * and a linked person sees their own row; leadership (unlinked) sees none. Totals stay whole.
 */
export function reportPeopleShown(viewer: Viewer, teamId: number | null): PeopleShown {
  if (viewer.admin) return "all";
  if (teamId !== null && viewer.managedTeamIds.includes(teamId)) return "all";
  if (viewer.personId !== null && hasAnyRole(viewer)) return "own";
  return "none";
}

/** Whose time-in-lieu claims a viewer's claims list holds (GET /api/time-in-lieu/claims). */
export type ClaimsShown =
  | { kind: "everyone" }
  | { kind: "teams"; teamIds: number[] }
  | { kind: "own"; personId: number }
  | { kind: "none" };

/**
 * An admin sees everyone's claims and a manager their teams' members' (both without their own:
 * nobody decides their own claim); anyone else with a role and a linked person sees their own.
 */
export function claimsShown(viewer: Viewer): ClaimsShown {
  if (viewer.admin) return { kind: "everyone" };
  if (viewer.managedTeamIds.length > 0) return { kind: "teams", teamIds: viewer.managedTeamIds };
  if (viewer.personId !== null && hasAnyRole(viewer))
    return { kind: "own", personId: viewer.personId };
  return { kind: "none" };
}

/**
 * The payroll export of time in lieu (one row per person): an admin for any team or the whole
 * organisation (teamId null), a manager for a team they manage.
 */
export function exportsTimeInLieuFor(viewer: Viewer, teamId: number | null): boolean {
  if (viewer.admin) return true;
  return teamId !== null && viewer.managedTeamIds.includes(teamId);
}
