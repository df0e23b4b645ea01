import type { QueryReader } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface IncidentScope {
  range: { start: Date; end: Date };
  /** Team name (case-insensitive) or PagerDuty team id. */
  team?: string;
  /** The team's id, once resolved from `team`: used instead of it (see `resolveScopeTeam`). */
  teamId?: number;
  /** Service name (case-insensitive) or PagerDuty service id. */
  service?: string;
  urgency?: "high" | "low";
}

/**
 * WHERE conditions for incidents aliased `i`: created in [start, end) — an incident belongs to the
 * period of its createdAt — and, when given, of a team, a service and an urgency.
 */
export function incidentScopeSql(scope: IncidentScope): Prisma.Sql {
  const conditions = [
    Prisma.sql`i.created_at >= ${scope.range.start} AND i.created_at < ${scope.range.end}`,
  ];
  if (scope.teamId !== undefined) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM incident_teams it
      WHERE it.incident_id = i.id AND it.team_id = ${scope.teamId}
        AND it.incident_created_at >= ${scope.range.start} AND it.incident_created_at < ${scope.range.end})`);
  } else if (scope.team !== undefined) {
    // incident_teams carries the incident's created_at so the team + range lookup uses one index.
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM incident_teams it JOIN teams t ON t.id = it.team_id
      WHERE it.incident_id = i.id
        AND it.incident_created_at >= ${scope.range.start} AND it.incident_created_at < ${scope.range.end}
        AND (lower(t.name) = lower(${scope.team}) OR t.pagerduty_id = ${scope.team}))`);
  }
  if (scope.service !== undefined) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM services s WHERE s.id = i.service_id
        AND (lower(s.name) = lower(${scope.service}) OR s.pagerduty_id = ${scope.service}))`);
  }
  if (scope.urgency !== undefined) {
    conditions.push(Prisma.sql`i.urgency = ${scope.urgency}::urgency`);
  }
  return Prisma.join(conditions, " AND ");
}

/** No team and no service: the whole organisation (of one urgency, perhaps). */
export function isOrganisationWide(scope: IncidentScope): boolean {
  return scope.team === undefined && scope.teamId === undefined && scope.service === undefined;
}

/**
 * The scope with its team resolved to the one team's id, when it names exactly one team and no
 * service: such a scope can be kept as a rollup under the id, which a rename does not change.
 * Otherwise (no team, a service too, no team or two teams by that name or id) null.
 */
export async function resolveScopeTeam(
  db: QueryReader,
  scope: IncidentScope,
): Promise<(IncidentScope & { teamId: number }) | null> {
  if (scope.team === undefined || scope.service !== undefined) return null;
  const teams = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT id FROM teams WHERE lower(name) = lower(${scope.team}) OR pagerduty_id = ${scope.team}`);
  const [team] = teams;
  return teams.length === 1 && team ? { ...scope, teamId: team.id } : null;
}
