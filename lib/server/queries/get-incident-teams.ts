import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface IncidentTeams {
  id: number;
  /** The incident's teams (empty for an incident of no team). */
  teamIds: number[];
}

/**
 * An incident by Fairshift or PagerDuty id with its team ids, to decide who may see it before
 * its detail is read; null when there is no such incident.
 */
export async function getIncidentTeams(
  db: PrismaClient,
  identifier: string,
): Promise<IncidentTeams | null> {
  const text = identifier.trim();
  // PostgreSQL refuses a NUL in a text parameter; no incident has one in its id.
  if (text.includes("\u0000")) return null;
  // Incident ids are int4; any other text can only be a PagerDuty id.
  const id = /^\d{1,9}$/.test(text) ? Number(text) : null;
  const [incident] = await db.$queryRaw<IncidentTeams[]>(Prisma.sql`
    SELECT i.id,
      COALESCE((SELECT array_agg(it.team_id ORDER BY it.team_id) FROM incident_teams it
                WHERE it.incident_id = i.id), '{}') AS "teamIds"
    FROM incidents i
    WHERE i.id = ${id} OR i.pagerduty_id = ${text}
    ORDER BY (i.id = ${id}) DESC NULLS LAST
    LIMIT 1`);
  return incident ?? null;
}
