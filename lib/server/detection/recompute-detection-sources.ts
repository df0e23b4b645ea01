import {
  classifyDetection,
  type DetectionInput,
  type DetectionRules,
  type DetectionSource,
} from "@/lib/metrics/detection-source";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

/** The incident fields classification reads, named as on the Prisma `Incident` model. */
export interface IncidentDetectionFields {
  title: string;
  triggerChannel: string | null;
  triggerAgentType: string | null;
  triggerEmailFrom: string | null;
  reportedDetectionSource: DetectionSource | null;
  detectionOverride: DetectionSource | null;
}

/** The service fields classification reads, named as on the Prisma `Service` model. */
export interface ServiceDetectionFields {
  name: string;
  isCustomerIntake: boolean | null;
  isPagingTest: boolean | null;
}

/** What `classifyDetection` needs, from an incident and its service (null when it has none). */
export function detectionInputFor(
  incident: IncidentDetectionFields,
  service: ServiceDetectionFields | null,
): DetectionInput {
  return {
    title: incident.title,
    serviceName: service?.name ?? null,
    serviceIsCustomerIntake: service?.isCustomerIntake ?? null,
    serviceIsPagingTest: service?.isPagingTest ?? null,
    reportedDetectionSource: incident.reportedDetectionSource,
    override: incident.detectionOverride,
    triggerChannel: incident.triggerChannel,
    triggerAgentType: incident.triggerAgentType,
    triggerEmailFrom: incident.triggerEmailFrom,
  };
}

export interface DetectionRecompute {
  /** Incidents classified. */
  examined: number;
  /** Incidents whose detection source or rule changed and were updated. */
  changed: number;
}

export interface RecomputeDetectionOptions {
  /** Only these incidents; all incidents when left out. */
  incidentIds?: readonly number[];
}

interface IncidentDetectionRow extends IncidentDetectionFields {
  id: number;
  serviceName: string | null;
  serviceIsCustomerIntake: boolean | null;
  serviceIsPagingTest: boolean | null;
  detectionSource: DetectionSource;
  detectionRule: string;
}

const BATCH_SIZE = 5_000;
// A batch takes well under a second; Prisma's 5 s default is too tight on a busy database.
const BATCH_TIMEOUT_MS = 60_000;

/**
 * Re-labels incidents with `rules`, walking them in id order in batches (keyset pagination, so a
 * batch costs the same at the end of a large table as at its start). Only rows whose source or
 * rule changed are written, so recomputing with unchanged rules writes nothing. Manual overrides
 * stay: classification answers the override first.
 */
export async function recomputeDetectionSources(
  db: PrismaClient,
  rules: DetectionRules,
  options: RecomputeDetectionOptions = {},
): Promise<DetectionRecompute> {
  const onlyIds = options.incidentIds === undefined ? null : [...new Set(options.incidentIds)];
  if (onlyIds?.length === 0) return { examined: 0, changed: 0 };
  const total: DetectionRecompute = { examined: 0, changed: 0 };
  let afterId = 0;
  for (;;) {
    // Each batch reads and writes under row locks, so an override or re-import committed while
    // the batch is classified is not overwritten with a label computed from the old row.
    const batch = await db.$transaction(
      (transaction) => recomputeBatch(transaction, rules, afterId, onlyIds),
      { timeout: BATCH_TIMEOUT_MS },
    );
    total.examined += batch.examined;
    total.changed += batch.changed;
    if (batch.lastId === null || batch.examined < BATCH_SIZE) return total;
    afterId = batch.lastId;
  }
}

async function recomputeBatch(
  db: Prisma.TransactionClient,
  rules: DetectionRules,
  afterId: number,
  onlyIds: number[] | null,
): Promise<DetectionRecompute & { lastId: number | null }> {
  const onlyThese =
    onlyIds === null ? Prisma.empty : Prisma.sql`AND i.id = ANY(${onlyIds}::int4[])`;
  const rows = await db.$queryRaw<IncidentDetectionRow[]>(Prisma.sql`
    SELECT
      i.id,
      i.title,
      i.trigger_channel AS "triggerChannel",
      i.trigger_agent_type AS "triggerAgentType",
      i.trigger_email_from AS "triggerEmailFrom",
      i.reported_detection_source::text AS "reportedDetectionSource",
      i.detection_override::text AS "detectionOverride",
      i.detection_source::text AS "detectionSource",
      i.detection_rule AS "detectionRule",
      s.name AS "serviceName",
      s.is_customer_intake AS "serviceIsCustomerIntake",
      s.is_paging_test AS "serviceIsPagingTest"
    FROM incidents i
    LEFT JOIN services s ON s.id = i.service_id
    WHERE i.id > ${afterId} ${onlyThese}
    ORDER BY i.id
    LIMIT ${BATCH_SIZE}
    FOR UPDATE OF i`);

  const ids: number[] = [];
  const sources: DetectionSource[] = [];
  const detectionRules: string[] = [];
  for (const row of rows) {
    const service =
      row.serviceName === null
        ? null
        : {
            name: row.serviceName,
            isCustomerIntake: row.serviceIsCustomerIntake,
            isPagingTest: row.serviceIsPagingTest,
          };
    const result = classifyDetection(detectionInputFor(row, service), rules);
    if (result.source === row.detectionSource && result.rule === row.detectionRule) continue;
    ids.push(row.id);
    sources.push(result.source);
    detectionRules.push(result.rule);
  }

  if (ids.length > 0) {
    await db.$executeRaw(Prisma.sql`
      UPDATE incidents AS i
      SET detection_source = u.source::detection_source,
          detection_rule = u.rule,
          updated_at = now()
      FROM unnest(${ids}::int4[], ${sources}::text[], ${detectionRules}::text[]) AS u(id, source, rule)
      WHERE i.id = u.id`);
  }
  return { examined: rows.length, changed: ids.length, lastId: rows.at(-1)?.id ?? null };
}
