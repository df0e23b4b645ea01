import type { QueryReader } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface IncidentTitle {
  id: number;
  title: string;
  serviceId: number | null;
  serviceName: string | null;
}

/** Titles and services of the given incidents (the alerts behind off-hours interruptions). */
export function listIncidentTitles(
  db: QueryReader,
  incidentIds: readonly number[],
): Promise<IncidentTitle[]> {
  return db.$queryRaw<IncidentTitle[]>(Prisma.sql`
    SELECT i.id, i.title, i.service_id AS "serviceId", s.name AS "serviceName"
    FROM incidents i LEFT JOIN services s ON s.id = i.service_id
    WHERE i.id = ANY(${[...incidentIds]}::int[])`);
}
