import { Prisma } from "@/prisma/generated/client/client";

export interface IncidentScope {
  range: { start: Date; end: Date };
  /** Team name (case-insensitive) or PagerDuty team id. */
  team?: string;
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
  if (scope.team !== undefined) {
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
  return scope.team === undefined && scope.service === undefined;
}
