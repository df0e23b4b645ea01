import { Prisma } from "@/prisma/generated/client/client";
import { type IncidentRecord, type LogEntryRecord, rawJsonText, referenceKey } from "../records";
import { ensureReferenced, idsByPagerDutyId, relationRows } from "./organisation-references";
import { rowSource } from "./row-source";
import { countsOf, lastByKey, type SqlClient, type WriteCounts } from "./sql-client";
import { ensureTeams } from "./upsert-organisation";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * A status the log moved forward (derive sets status_changed_at) is not taken back by a record
 * that says less: a file's incident row can be older than the log entries imported with it.
 */
const isStatusKept = Prisma.sql`(i.status_changed_at IS NOT NULL
  AND array_position(ARRAY['triggered','acknowledged','resolved'], i.status::text)
    > array_position(ARRAY['triggered','acknowledged','resolved'], excluded.status::text))`;

/**
 * Incident records, upserted on PagerDuty id. The record is the truth for what it states; what it
 * does not know is kept: a first acknowledgement derived from log entries (REST incidents carry
 * none), an impact start typed in by a person. Returns the database ids of incidents written.
 */
export async function upsertIncidents(
  sql: SqlClient,
  records: IncidentRecord[],
  importRunId: number | null,
): Promise<{ counts: WriteCounts; changedIds: number[] }> {
  const incidents = lastByKey(records, (record) => record.pagerdutyId);
  if (incidents.length === 0) return { counts: countsOf([], records.length), changedIds: [] };
  const [serviceIds] = await Promise.all([
    ensureReferenced(
      sql,
      "services",
      incidents.map((incident) => incident.service),
    ),
    ensureReferenced(
      sql,
      "escalation_policies",
      incidents.map((incident) => incident.escalationPolicy),
    ),
  ]);
  const serviceIdOf = (incident: IncidentRecord) =>
    incident.service ? (serviceIds.get(referenceKey(incident.service)) ?? null) : null;
  const rows = await rowSource(sql, "staged_incidents", [
    { name: "pd", type: "text", values: incidents.map((incident) => incident.pagerdutyId) },
    { name: "number", type: "int4", values: incidents.map((incident) => incident.number) },
    { name: "title", type: "text", values: incidents.map((incident) => incident.title) },
    { name: "service", type: "int4", values: incidents.map(serviceIdOf) },
    { name: "urgency", type: "text", values: incidents.map((incident) => incident.urgency) },
    { name: "priority", type: "text", values: incidents.map((incident) => incident.priority) },
    { name: "status", type: "text", values: incidents.map((incident) => incident.status) },
    { name: "key", type: "text", values: incidents.map((incident) => incident.incidentKey) },
    {
      name: "started",
      type: "timestamptz",
      values: incidents.map((incident) => iso(incident.startedAt)),
    },
    {
      name: "started_source",
      type: "text",
      values: incidents.map((incident) => incident.startedAtSource),
    },
    {
      name: "created",
      type: "timestamptz",
      values: incidents.map((incident) => iso(incident.createdAt)),
    },
    {
      name: "acknowledged",
      type: "timestamptz",
      values: incidents.map((incident) => iso(incident.acknowledgedAt)),
    },
    {
      name: "resolved",
      type: "timestamptz",
      values: incidents.map((incident) => iso(incident.resolvedAt)),
    },
    { name: "merged", type: "bool", values: incidents.map((incident) => incident.resolvedByMerge) },
    {
      name: "merged_into",
      type: "text",
      values: incidents.map((incident) => incident.mergedIntoPagerdutyId),
    },
    {
      name: "reported",
      type: "text",
      values: incidents.map((incident) => incident.reportedDetectionSource),
    },
    {
      name: "raw",
      type: "jsonb",
      values: incidents.map((incident) => rawJsonText(incident.raw)),
    },
  ]);
  const returned = await sql.$queryRaw<{ id: number; inserted: boolean }[]>(Prisma.sql`
    INSERT INTO incidents AS i (
      pagerduty_id, number, title, service_id, urgency, priority, status, incident_key,
      started_at, started_at_source, created_at, acknowledged_at, resolved_at, resolved_by_merge,
      merged_into_pagerduty_id, reported_detection_source, raw, import_run_id, is_placeholder, updated_at)
    SELECT u.pd, u.number, u.title, u.service, u.urgency::urgency, u.priority, u.status::incident_status,
      u.key, u.started, u.started_source, u.created, u.acknowledged, u.resolved, u.merged,
      u.merged_into, u.reported::detection_source, u.raw, ${importRunId}, false, now()
    FROM ${rows}
    ON CONFLICT (pagerduty_id) DO UPDATE SET
      number = excluded.number, title = excluded.title, service_id = excluded.service_id,
      urgency = excluded.urgency, priority = excluded.priority,
      status = CASE WHEN ${isStatusKept} THEN i.status ELSE excluded.status END,
      incident_key = excluded.incident_key,
      started_at = CASE WHEN i.started_at_source = 'manual' THEN i.started_at
                        ELSE coalesce(excluded.started_at, i.started_at) END,
      started_at_source = CASE WHEN i.started_at_source = 'manual' OR excluded.started_at IS NULL
                               THEN i.started_at_source ELSE excluded.started_at_source END,
      created_at = excluded.created_at,
      acknowledged_at = coalesce(excluded.acknowledged_at, i.acknowledged_at),
      resolved_at = CASE WHEN ${isStatusKept} THEN i.resolved_at ELSE excluded.resolved_at END,
      resolved_by_merge = excluded.resolved_by_merge,
      merged_into_pagerduty_id = excluded.merged_into_pagerduty_id,
      reported_detection_source = excluded.reported_detection_source, raw = excluded.raw,
      import_run_id = excluded.import_run_id, is_placeholder = false, updated_at = now()
    WHERE (i.number, i.title, i.service_id, i.urgency, i.priority, i.incident_key,
           i.created_at, i.resolved_by_merge, i.merged_into_pagerduty_id,
           i.reported_detection_source, i.raw, i.is_placeholder)
        IS DISTINCT FROM
          (excluded.number, excluded.title, excluded.service_id, excluded.urgency, excluded.priority,
           excluded.incident_key, excluded.created_at, excluded.resolved_by_merge, excluded.merged_into_pagerduty_id,
           excluded.reported_detection_source, excluded.raw, false)
       OR (excluded.started_at IS NOT NULL AND i.started_at_source IS DISTINCT FROM 'manual'
           AND (i.started_at, i.started_at_source) IS DISTINCT FROM (excluded.started_at, excluded.started_at_source))
       OR (NOT ${isStatusKept}
           AND (i.status, i.resolved_at) IS DISTINCT FROM (excluded.status, excluded.resolved_at))
       OR (excluded.acknowledged_at IS NOT NULL AND i.acknowledged_at IS DISTINCT FROM excluded.acknowledged_at)
    RETURNING id, (xmax = 0) AS inserted`);
  await replaceIncidentTeams(sql, incidents);
  return { counts: countsOf(returned, records.length), changedIds: returned.map((row) => row.id) };
}

/** An incident's teams as its record lists them (an empty list leaves the service's teams, see derive). */
async function replaceIncidentTeams(sql: SqlClient, incidents: IncidentRecord[]): Promise<void> {
  const withTeams = incidents.filter((incident) => incident.teams.length > 0);
  if (withTeams.length === 0) return;
  const [ids, teamIds] = await Promise.all([
    idsByPagerDutyId(
      sql,
      "incidents",
      withTeams.map((incident) => incident.pagerdutyId),
    ),
    ensureTeams(sql, withTeams),
  ]);
  const rows = relationRows(
    withTeams,
    (incident) => ids.get(incident.pagerdutyId),
    (incident) => incident.teams,
    teamIds,
  );
  await sql.$executeRaw(Prisma.sql`
    DELETE FROM incident_teams AS l
    WHERE l.incident_id = ANY(${rows.owners}::int4[])
      AND NOT EXISTS (
        SELECT 1 FROM unnest(${rows.ownerIds}::int4[], ${rows.relatedIds}::int4[]) AS u(incident, team)
        WHERE u.incident = l.incident_id AND u.team = l.team_id)`);
  // The incident's created_at is the record's (the upsert above just wrote it): a join to
  // incidents here was planned as a scan of the whole table per batch.
  const createdAtById = new Map(
    withTeams.map((incident) => [ids.get(incident.pagerdutyId), incident.createdAt]),
  );
  const createdAts = rows.ownerIds.map((id) => createdAtById.get(id)?.toISOString() ?? null);
  await sql.$executeRaw(Prisma.sql`
    INSERT INTO incident_teams (incident_id, team_id, incident_created_at)
    SELECT u.incident, u.team, u.created
    FROM unnest(${rows.ownerIds}::int4[], ${rows.relatedIds}::int4[], ${createdAts}::timestamptz[])
      AS u(incident, team, created)
    ON CONFLICT (incident_id, team_id) DO UPDATE SET incident_created_at = excluded.incident_created_at
    WHERE incident_teams.incident_created_at IS DISTINCT FROM excluded.incident_created_at`);
}

/** "[#4] Crash reported" → 4 and "Crash reported": how PagerDuty summarises an incident reference. */
export function parseIncidentSummary(summary: string | null): {
  number: number | null;
  title: string | null;
} {
  const match = summary?.match(/^\[#(\d+)\]\s*(.*)$/s);
  if (!match) return { number: null, title: summary };
  return { number: Number(match[1]), title: match[2] ?? null };
}

/**
 * Incidents that log entries refer to, as placeholders when the incident itself is not imported
 * (yet): titled from the reference, created at the earliest entry. Returns PagerDuty id → id.
 * Those already stored (usually all of them) are only looked up.
 */
export async function ensureIncidents(
  sql: SqlClient,
  entries: readonly LogEntryRecord[],
): Promise<Map<string, number>> {
  const earliest = new Map<string, LogEntryRecord>();
  for (const entry of entries) {
    const known = earliest.get(entry.incident.pagerdutyId);
    if (!known || entry.at < known.at) earliest.set(entry.incident.pagerdutyId, entry);
  }
  if (earliest.size === 0) return new Map();
  const ids = await idsByPagerDutyId(sql, "incidents", [...earliest.keys()]);
  const firsts = [...earliest.values()].filter((entry) => !ids.has(entry.incident.pagerdutyId));
  if (firsts.length === 0) return ids;
  const summaries = firsts.map((entry) => parseIncidentSummary(entry.incident.name));
  await sql.$executeRaw(Prisma.sql`
    INSERT INTO incidents (pagerduty_id, number, title, status, created_at, is_placeholder, updated_at)
    SELECT u.pd, u.number, u.title, 'triggered', u.created, true, now()
    FROM unnest(${firsts.map((entry) => entry.incident.pagerdutyId)}::text[],
                ${summaries.map((summary) => summary.number)}::int4[],
                ${summaries.map((summary, index) => summary.title ?? `Incident ${firsts[index]?.incident.pagerdutyId}`)}::text[],
                ${firsts.map((entry) => entry.at.toISOString())}::timestamptz[]) AS u(pd, number, title, created)
    ON CONFLICT (pagerduty_id) DO NOTHING`);
  const added = await idsByPagerDutyId(
    sql,
    "incidents",
    firsts.map((entry) => entry.incident.pagerdutyId),
  );
  for (const [pagerdutyId, id] of added) ids.set(pagerdutyId, id);
  return ids;
}
