import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface OrganisationSummary {
  totals: {
    teams: number;
    people: number;
    services: number;
    shifts: number;
    incidents: number;
    pages: number;
  };
  /** null when there are no incidents yet. */
  incidentRange: { first: Date; last: Date } | null;
  teams: { id: number; name: string; people: number; services: number; incidents: number }[];
}

/** What the organisation holds: totals, the incident date range and each team's size. */
export async function getOrganisationSummary(db: PrismaClient): Promise<OrganisationSummary> {
  const [totalsRows, teams] = await Promise.all([
    db.$queryRaw<
      (OrganisationSummary["totals"] & { first: Date | null; last: Date | null })[]
    >(Prisma.sql`
      SELECT
        (SELECT count(*) FROM teams)::int          AS teams,
        (SELECT count(*) FROM people)::int         AS people,
        (SELECT count(*) FROM services)::int       AS services,
        (SELECT count(*) FROM on_call_shifts)::int AS shifts,
        (SELECT count(*) FROM incidents)::int      AS incidents,
        (SELECT count(*) FROM pages)::int          AS pages,
        (SELECT min(created_at) FROM incidents)    AS first,
        (SELECT max(created_at) FROM incidents)    AS last`),
    db.$queryRaw<OrganisationSummary["teams"]>(Prisma.sql`
      SELECT t.id, t.name,
        (SELECT count(*) FROM team_memberships m WHERE m.team_id = t.id)::int AS people,
        (SELECT count(*) FROM service_teams s WHERE s.team_id = t.id)::int    AS services,
        (SELECT count(*) FROM incident_teams i WHERE i.team_id = t.id)::int   AS incidents
      FROM teams t
      ORDER BY t.name`),
  ]);
  const row = totalsRows[0];
  if (!row) throw new Error("The totals query returned no row.");
  const { first, last, ...totals } = row;
  return { totals, incidentRange: first && last ? { first, last } : null, teams };
}
