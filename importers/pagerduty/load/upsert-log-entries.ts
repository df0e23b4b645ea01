import { Prisma } from "@/prisma/generated/client/client";
import { type LogEntryRecord, rawJsonText } from "../records";
import { rowSource } from "./row-source";
import { countsOf, lastByKey, type SqlClient, type WriteCounts } from "./sql-client";
import { ensureIncidents } from "./upsert-incidents";
import { resolvePeople } from "./upsert-people";

/**
 * Log entries upserted on PagerDuty id, each tied to its incident (a placeholder when the incident
 * is not imported yet) and to the person it is about when the reference can be resolved now; a
 * notify entry known only by "Notified <name> by …" is resolved again once the batch is in.
 * Returns the incidents whose entries changed, for the derived fields.
 */
export async function upsertLogEntries(
  sql: SqlClient,
  records: LogEntryRecord[],
  importRunId: number | null,
): Promise<{ counts: WriteCounts; changedIncidentIds: number[] }> {
  const entries = lastByKey(records, (record) => record.pagerdutyId);
  if (entries.length === 0) return { counts: countsOf([], records.length), changedIncidentIds: [] };
  const [incidentIds, personOf] = await Promise.all([
    ensureIncidents(sql, entries),
    resolvePeople(
      sql,
      entries.map((entry) => entry.person),
      { createNamedPeople: false },
    ),
  ]);
  const rows = await rowSource(sql, "staged_log_entries", [
    { name: "pd", type: "text", values: entries.map((entry) => entry.pagerdutyId) },
    {
      name: "incident",
      type: "int4",
      values: entries.map((entry) => incidentIds.get(entry.incident.pagerdutyId) ?? null),
    },
    { name: "type", type: "text", values: entries.map((entry) => entry.type) },
    { name: "at", type: "timestamptz", values: entries.map((entry) => entry.at.toISOString()) },
    { name: "agent_type", type: "text", values: entries.map((entry) => entry.agent?.type ?? null) },
    {
      name: "agent",
      type: "text",
      values: entries.map((entry) => entry.agent?.pagerdutyId ?? null),
    },
    { name: "channel", type: "text", values: entries.map((entry) => entry.channelType) },
    { name: "notification", type: "text", values: entries.map((entry) => entry.notificationType) },
    { name: "person", type: "int4", values: entries.map((entry) => personOf(entry.person)) },
    { name: "summary", type: "text", values: entries.map((entry) => entry.summary) },
    {
      name: "raw",
      type: "jsonb",
      values: entries.map((entry) => rawJsonText(entry.raw)),
    },
    {
      name: "from_webhook",
      type: "bool",
      values: entries.map((entry) => entry.isFromWebhook === true),
    },
  ]);
  const returned = await sql.$queryRaw<{ incidentId: number; inserted: boolean }[]>(Prisma.sql`
    INSERT INTO incident_log_entries AS e (
      pagerduty_id, incident_id, type, at, agent_type, agent_pagerduty_id, channel_type,
      notification_type, person_id, summary, raw, import_run_id, is_from_webhook)
    SELECT u.pd, u.incident, u.type, u.at, u.agent_type, u.agent, u.channel, u.notification,
      u.person, u.summary, u.raw, ${importRunId}, u.from_webhook
    FROM ${rows}
    ON CONFLICT (pagerduty_id) DO UPDATE SET
      incident_id = excluded.incident_id, type = excluded.type, at = excluded.at,
      agent_type = excluded.agent_type, agent_pagerduty_id = excluded.agent_pagerduty_id,
      channel_type = excluded.channel_type, notification_type = excluded.notification_type,
      person_id = coalesce(excluded.person_id, e.person_id), summary = excluded.summary,
      raw = excluded.raw, import_run_id = excluded.import_run_id
    WHERE (e.incident_id, e.type, e.at, e.agent_type, e.agent_pagerduty_id, e.channel_type,
           e.notification_type, e.summary, e.raw)
        IS DISTINCT FROM
          (excluded.incident_id, excluded.type, excluded.at, excluded.agent_type,
           excluded.agent_pagerduty_id, excluded.channel_type, excluded.notification_type,
           excluded.summary, excluded.raw)
       OR (excluded.person_id IS NOT NULL AND e.person_id IS DISTINCT FROM excluded.person_id)
    RETURNING incident_id AS "incidentId", (xmax = 0) AS inserted`);
  const replaced = await replaceWebhookStandIns(
    sql,
    entries.filter((entry) => !entry.isFromWebhook),
    incidentIds,
  );
  return {
    counts: countsOf(returned, records.length),
    changedIncidentIds: [...new Set([...returned.map((row) => row.incidentId), ...replaced])],
  };
}

/**
 * Webhook stand-ins (an `assign_log_entry` written from `incident.reassigned`, …) are dropped
 * once PagerDuty's own log covers their time: the REST log has the same events with their
 * channels and notifications, and keeping both would show every step twice.
 */
async function replaceWebhookStandIns(
  sql: SqlClient,
  logEntries: LogEntryRecord[],
  incidentIds: Map<string, number>,
): Promise<number[]> {
  const covered = new Set<number>();
  for (const entry of logEntries) {
    const id = incidentIds.get(entry.incident.pagerdutyId);
    if (id !== undefined) covered.add(id);
  }
  if (covered.size === 0) return [];
  const removed = await sql.$queryRaw<{ incidentId: number }[]>(Prisma.sql`
    DELETE FROM incident_log_entries AS w
    WHERE w.is_from_webhook AND w.incident_id = ANY(${[...covered]}::int4[])
      AND w.at <= (SELECT max(r.at) FROM incident_log_entries r
                   WHERE r.incident_id = w.incident_id AND NOT r.is_from_webhook)
    RETURNING w.incident_id AS "incidentId"`);
  return [...new Set(removed.map((row) => row.incidentId))];
}
