import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface TeamOverviewRow {
  id: number;
  name: string;
  pagerdutyId: string | null;
  /** Members, whether or not they were on call in the range. */
  people: number;
  /** Members with an on-call shift overlapping the range: the rotation the fairness is over. */
  onCallPeople: number;
  services: number;
  /** The team's incidents created in the range, paging tests left out (the report's count). */
  incidents: number;
}

/**
 * Every team with its size and its incidents in [start, end), by name: the Teams index. Plain
 * counts over indexed tables, cheap enough to render on the server for any organisation.
 */
export async function listTeamOverview(
  db: PrismaClient,
  range: { start: Date; end: Date },
): Promise<TeamOverviewRow[]> {
  return db.$queryRaw<TeamOverviewRow[]>(Prisma.sql`
    SELECT t.id, t.name, t.pagerduty_id AS "pagerdutyId",
      (SELECT count(*) FROM team_memberships m WHERE m.team_id = t.id)::int AS people,
      (SELECT count(*) FROM team_memberships m
        WHERE m.team_id = t.id
          AND EXISTS (SELECT 1 FROM on_call_shifts s
                      WHERE s.person_id = m.person_id
                        AND s.start_at < ${range.end} AND s.end_at > ${range.start}))::int AS "onCallPeople",
      (SELECT count(*) FROM service_teams st WHERE st.team_id = t.id)::int AS services,
      (SELECT count(*) FROM incident_teams it JOIN incidents i ON i.id = it.incident_id
        WHERE it.team_id = t.id
          AND it.incident_created_at >= ${range.start} AND it.incident_created_at < ${range.end}
          AND i.detection_source <> 'test')::int AS incidents
    FROM teams t
    ORDER BY lower(t.name), t.id`);
}
