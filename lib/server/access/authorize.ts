import {
  managesAccounts,
  managesData,
  seesOrganisation,
  seesPerson,
  seesTeam,
  type Viewer,
  visibleTeamIds,
} from "@/lib/shared/access-policy";
import { Prisma } from "@/prisma/generated/client/client";
import type { PrismaClient } from "../database/prisma-client";
import { ApiError } from "../http/api-error";

/**
 * The server's side of lib/shared/access-policy.ts: each function either returns what the
 * viewer may use or throws a 403/404 with a message they can act on. Routes and server pages
 * call these before they query; nothing is filtered afterwards by accident.
 */

export interface ScopedTeam {
  id: number;
  name: string;
}

/** A team by id, name (any case) or PagerDuty id. */
export async function findTeam(db: PrismaClient, key: string): Promise<ScopedTeam | null> {
  if (key.includes("\u0000")) return null;
  const id = /^\d{1,9}$/.test(key) ? Number(key) : -1;
  const [team] = await db.$queryRaw<ScopedTeam[]>(Prisma.sql`
    SELECT id, name FROM teams
    WHERE id = ${id} OR lower(name) = lower(${key}) OR pagerduty_id = ${key}
    ORDER BY (id = ${id}) DESC, id LIMIT 1`);
  return team ?? null;
}

/** The names of the teams the viewer can see, for "you can see …" messages. */
export async function visibleTeamNames(db: PrismaClient, viewer: Viewer): Promise<string[]> {
  const visible = visibleTeamIds(viewer);
  if (visible === "all") return [];
  const teams = await db.team.findMany({
    where: { id: { in: visible } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return teams.map((team) => team.name);
}

async function noAccessMessage(db: PrismaClient, viewer: Viewer, what: string): Promise<string> {
  const names = await visibleTeamNames(db, viewer);
  if (names.length === 0) {
    return `You have no access to ${what}: your account has no team yet. Ask an admin to grant you a role.`;
  }
  return `You have no access to ${what}. You can see ${names.join(", ")}.`;
}

/**
 * Aggregates over incidents, people or pages for a team filter (or the organisation when
 * none): admin and leadership see any; managers and engineers only their teams.
 * Returns the team when one was named.
 */
export async function authorizeAggregateScope(
  db: PrismaClient,
  viewer: Viewer,
  scope: { team?: string | undefined },
): Promise<ScopedTeam | null> {
  if (scope.team === undefined) {
    if (seesOrganisation(viewer)) return null;
    throw new ApiError(
      "forbidden",
      await noAccessMessage(db, viewer, "the whole organisation's figures; choose a team"),
    );
  }
  const team = await findTeam(db, scope.team);
  if (seesOrganisation(viewer)) return team;
  if (team && seesTeam(viewer, team.id)) return team;
  throw new ApiError("forbidden", await noAccessMessage(db, viewer, `team "${scope.team}"`));
}

export interface ScopedPerson {
  id: number;
  name: string;
  email: string | null;
  pagerdutyId: string | null;
  teamIds: number[];
}

/** A person by id, PagerDuty id or e-mail. */
export async function findPerson(db: PrismaClient, key: string): Promise<ScopedPerson | null> {
  if (key.includes("\u0000")) return null;
  const id = /^\d{1,9}$/.test(key) ? Number(key) : -1;
  const [person] = await db.$queryRaw<ScopedPerson[]>(Prisma.sql`
    SELECT p.id, p.name, p.email, p.pagerduty_id AS "pagerdutyId",
      COALESCE((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM team_memberships m
                WHERE m.person_id = p.id), '{}') AS "teamIds"
    FROM people p
    WHERE p.id = ${id} OR p.pagerduty_id = ${key} OR p.email = lower(${key})
    ORDER BY p.id LIMIT 1`);
  return person ?? null;
}

/**
 * One person's own rows (activity, ledger): themself, a manager of one of their teams, or an
 * admin. Someone the viewer may not see is reported as not found, so names cannot be probed.
 */
export async function authorizePerson(
  db: PrismaClient,
  viewer: Viewer,
  key: string,
): Promise<ScopedPerson> {
  const person = await findPerson(db, key);
  if (!person || !seesPerson(viewer, person)) {
    throw new ApiError(
      "not_found",
      `No person "${key}" that you can see: engineers see their own data, managers their teams'.`,
    );
  }
  return person;
}

/** Imports, sync, webhooks, settings and incident corrections. */
export function requireDataAdmin(viewer: Viewer): void {
  if (!managesData(viewer))
    throw new ApiError("forbidden", "Only an admin can change data and settings.");
}

export function requireAccountAdmin(viewer: Viewer): void {
  if (!managesAccounts(viewer))
    throw new ApiError("forbidden", "Only an admin can manage accounts.");
}

/** An incident is visible when the viewer sees the organisation or one of its teams. */
export async function authorizeIncident(
  db: PrismaClient,
  viewer: Viewer,
  incidentTeamIds: readonly number[],
): Promise<void> {
  if (seesOrganisation(viewer)) return;
  if (incidentTeamIds.some((team) => seesTeam(viewer, team))) return;
  throw new ApiError("not_found", await noAccessMessage(db, viewer, "this incident"));
}
