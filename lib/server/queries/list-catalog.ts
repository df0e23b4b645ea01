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
}

/** What the dashboard's filters offer: every team and service by name, and where the data stops. */
export async function listCatalog(db: PrismaClient): Promise<Catalog> {
  const [teams, services, last] = await Promise.all([
    db.$queryRaw<CatalogTeam[]>(
      Prisma.sql`SELECT id, name, pagerduty_id AS "pagerdutyId" FROM teams ORDER BY lower(name), id`,
    ),
    db.$queryRaw<CatalogService[]>(
      Prisma.sql`SELECT id, name, pagerduty_id AS "pagerdutyId" FROM services ORDER BY lower(name), id`,
    ),
    db.$queryRaw<{ at: Date | null }[]>(Prisma.sql`SELECT max(created_at) AS at FROM incidents`),
  ]);
  const at = last[0]?.at ?? null;
  return { teams, services, lastIncidentAt: at ? at.toISOString() : null };
}
