import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { IdSet } from "../../shared/id-set";
import { type DerivedFacts, deriveIncidentFacts } from "./derive-incident-facts";

export interface DeriveAfterImport {
  /** The runs of this batch or sync. */
  runIds: readonly number[];
  changedIncidentIds: Iterable<number>;
  havePeopleChanged: boolean;
  onProgress?: (step: string) => void;
}

/**
 * Derives facts for what the runs changed, and for what earlier runs committed but never derived
 * (a process stopped between a commit and the derive): each run is marked derived when done, so
 * a crash at any point is made good by the next import.
 */
export async function deriveAfterImport(
  db: PrismaClient,
  request: DeriveAfterImport,
): Promise<DerivedFacts> {
  const leftovers = await db.$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT id FROM import_runs
    WHERE derived_at IS NULL AND status IN ('succeeded', 'failed') AND source <> 'demo_seed'
      AND id <> ALL(${[...request.runIds]}::int4[])`);
  const leftoverIds = leftovers.map((run) => run.id);
  const incidentIds = new IdSet();
  for (const id of request.changedIncidentIds) incidentIds.add(id);
  if (leftoverIds.length > 0) {
    // One array, not a row per incident: after a crash in a large import a million row objects
    // took 120 MB, where a million numbers take 8.
    const [touched] = await db.$queryRaw<{ ids: number[] }[]>(Prisma.sql`
      SELECT coalesce(array_agg(id), '{}') AS ids FROM (
        SELECT id FROM incidents WHERE import_run_id = ANY(${leftoverIds}::int4[])
        UNION SELECT incident_id FROM incident_log_entries
        WHERE import_run_id = ANY(${leftoverIds}::int4[])) AS touched`);
    for (const id of touched?.ids ?? []) incidentIds.add(id);
  }
  const facts = await deriveIncidentFacts(db, incidentIds, {
    retryUnresolvedNotifications: request.havePeopleChanged || leftoverIds.length > 0,
    onProgress: request.onProgress,
  });
  await db.$executeRaw(Prisma.sql`
    UPDATE import_runs SET derived_at = now()
    WHERE id = ANY(${[...request.runIds, ...leftoverIds]}::int4[])`);
  return facts;
}
