import type { DetectionSource } from "@/lib/metrics/detection-source";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { recomputeDetectionSources } from "@/lib/server/detection/recompute-detection-sources";
import { ApiError } from "@/lib/server/http/api-error";
import { deriveTimeInLieuAccruals } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import type { IncidentOverrideChanges } from "@/lib/shared/incident-requests";
import { Prisma } from "@/prisma/generated/client/client";
import { getMetricSettings } from "./get-metric-settings";

export interface IncidentOverridesUpdate {
  id: number;
  /** The detection source before and after the change. */
  previousSource: DetectionSource;
  source: DetectionSource;
}

// Call-outs near the incident's pages may join pages a day either side (as the importers derive).
const ACCRUAL_MARGIN_MS = 86_400_000;

// Incident ids are int4; any other text can only be a PagerDuty id.
const databaseIdPattern = /^\d{1,9}$/;

/**
 * Sets what a person corrected on an incident, by Fairshift or PagerDuty id: the impact start
 * (source "manual", which re-imports keep; null clears both) and the detection override. Then
 * the incident's detection source and rule are recomputed with the importers' rules, and when
 * that moves it into or out of "test", the time in lieu of the people it paged is derived again
 * (paging tests accrue none). Null when there is no such incident; an impact start after the
 * incident's creation is refused (422) with nothing changed.
 */
export async function updateIncidentOverrides(
  db: PrismaClient,
  identifier: string,
  changes: IncidentOverrideChanges,
): Promise<IncidentOverridesUpdate | null> {
  const text = identifier.trim();
  const id = databaseIdPattern.test(text) ? Number(text) : null;
  const updated = await db.$transaction(async (transaction) => {
    const rows = await transaction.$queryRaw<
      { id: number; createdAt: Date; source: DetectionSource }[]
    >(Prisma.sql`
      SELECT i.id, i.created_at AS "createdAt", i.detection_source::text AS source
      FROM incidents i
      WHERE i.id = ${id} OR i.pagerduty_id = ${text}
      ORDER BY (i.id = ${id}) DESC NULLS LAST
      LIMIT 1
      FOR UPDATE`);
    const incident = rows[0];
    if (!incident) return null;
    const { startedAt, detectionOverride } = changes;
    if (startedAt && startedAt.getTime() > incident.createdAt.getTime()) {
      throw new ApiError(
        "unprocessable",
        `impact start must be before the incident was created (${incident.createdAt.toISOString()}); ` +
          `${startedAt.toISOString()} is after it.`,
      );
    }
    const assignments: Prisma.Sql[] = [Prisma.sql`updated_at = now()`];
    if (startedAt !== undefined) {
      assignments.push(
        Prisma.sql`started_at = ${startedAt}`,
        Prisma.sql`started_at_source = ${startedAt === null ? null : "manual"}`,
      );
    }
    if (detectionOverride !== undefined) {
      assignments.push(Prisma.sql`detection_override = ${detectionOverride}::detection_source`);
    }
    await transaction.$executeRaw(Prisma.sql`
      UPDATE incidents SET ${Prisma.join(assignments, ", ")} WHERE id = ${incident.id}`);
    return incident;
  });
  if (!updated) return null;

  // Classified after the commit, by the importers' own code, under its row lock: a re-import
  // committed in between is classified from what it wrote, with the override answering first.
  const settings = await getMetricSettings(db);
  await recomputeDetectionSources(db, settings.detection, { incidentIds: [updated.id] });
  const after = await db.$queryRaw<{ source: DetectionSource }[]>(Prisma.sql`
    SELECT detection_source::text AS source FROM incidents WHERE id = ${updated.id}`);
  const source = after[0]?.source ?? updated.source;

  if ((source === "test") !== (updated.source === "test")) {
    const paged = await db.$queryRaw<{ personId: number; first: Date; last: Date }[]>(Prisma.sql`
      SELECT person_id AS "personId", min(at) AS first, max(at) AS last FROM pages
      WHERE incident_id = ${updated.id} GROUP BY person_id`);
    if (paged.length > 0) {
      await deriveTimeInLieuAccruals(db, settings, {
        personIds: paged.map((row) => row.personId),
        from: new Date(Math.min(...paged.map((row) => row.first.getTime())) - ACCRUAL_MARGIN_MS),
        to: new Date(Math.max(...paged.map((row) => row.last.getTime())) + ACCRUAL_MARGIN_MS),
      });
    }
  }
  return { id: updated.id, previousSource: updated.source, source };
}
