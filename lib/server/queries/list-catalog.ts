import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface CatalogTeam {
  id: number;
  name: string;
  pagerdutyId: string | null;
}

export interface CatalogService {
  id: number;
  name: string;
  pagerdutyId: string | null;
}

export interface Catalog {
  teams: CatalogTeam[];
  services: CatalogService[];
  /** Instant of the newest incident (ISO), null when there are none: where the data stops. */
  lastIncidentAt: string | null;
  /** False when the viewer may not see the whole organisation: filters offer no "All teams". */
  organisationWide?: boolean;
}

/**
 * What the dashboard's filters offer: the teams by name, the services linked to them, and where
 * the data stops. `teamIds` are the teams the caller may see (lib/shared/access-policy.ts
 * `visibleTeamIds`); "all" is the whole organisation, services without a team included.
 */
export async function listCatalog(
  db: PrismaClient,
  teamIds: "all" | readonly number[] = "all",
): Promise<Catalog> {
  const isAll = teamIds === "all";
  const ids = isAll ? [] : [...teamIds];
  const [teams, services, last] = await Promise.all([
    db.$queryRaw<CatalogTeam[]>(Prisma.sql`
      SELECT id, name, pagerduty_id AS "pagerdutyId" FROM teams
      WHERE ${isAll} OR id = ANY(${ids}::int[])
      ORDER BY lower(name), id`),
    db.$queryRaw<CatalogService[]>(Prisma.sql`
      SELECT s.id, s.name, s.pagerduty_id AS "pagerdutyId" FROM services s
      WHERE ${isAll} OR EXISTS (SELECT 1 FROM service_teams st
                                WHERE st.service_id = s.id AND st.team_id = ANY(${ids}::int[]))
      ORDER BY lower(s.name), s.id`),
    db.$queryRaw<{ at: Date | null }[]>(Prisma.sql`
      SELECT max(i.created_at) AS at FROM incidents i
      WHERE ${isAll} OR EXISTS (SELECT 1 FROM incident_teams it
                                WHERE it.incident_id = i.id AND it.team_id = ANY(${ids}::int[]))`),
  ]);
  const at = last[0]?.at ?? null;
  return { teams, services, lastIncidentAt: at ? at.toISOString() : null };
}
