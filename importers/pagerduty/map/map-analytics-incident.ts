/**
 * Analytics API rows: POST /analytics/raw/incidents (`id`, `created_at`, …) and
 * POST /analytics/raw/responders/{id}/incidents (`incident_id`, `incident_created_at`, …). Their
 * times have no offset: they are wall-clock times in the request's `time_zone`.
 */
import type { IncidentRecord, PagerDutyReference } from "../records";
import { parseIncidentStatus, parseUrgency } from "./incident-values";
import {
  describeJson,
  isJsonObject,
  type JsonObject,
  readOptionalTimestamp,
  readSeconds,
  readText,
  readTimestamp,
} from "./json-fields";
import {
  type MappedObject,
  mappedRecords,
  type RestObjectContext,
  rejectedObject,
} from "./mapped-object";

export const ANALYTICS_AGGREGATE_REASON =
  "Analytics aggregate metrics cannot be imported: export raw incidents (POST /analytics/raw/incidents) instead";

/** A row of the per-responder endpoint: one responder's view of one incident. */
export function isAnalyticsResponderRow(value: unknown): boolean {
  return isJsonObject(value) && "incident_id" in value && "incident_created_at" in value;
}

/** A row of POST /analytics/raw/incidents. */
export function isAnalyticsIncidentRow(value: unknown): boolean {
  return (
    isJsonObject(value) &&
    "id" in value &&
    "created_at" in value &&
    ("seconds_to_first_ack" in value || "seconds_to_resolve" in value || "service_name" in value)
  );
}

/** A row of POST /analytics/metrics/…: totals and means, no incident. */
export function isAnalyticsAggregateRow(value: unknown): boolean {
  if (!isJsonObject(value) || "id" in value || "incident_id" in value) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.some((key) => /^(total|mean)_/.test(key));
}

interface AnalyticsFields {
  id: string | null;
  createdAtField: string;
  createdAt: unknown;
  resolvedAt: unknown;
  title: string | null;
  number: unknown;
  service: PagerDutyReference | null;
  team: PagerDutyReference | null;
  escalationPolicy: PagerDutyReference | null;
  urgencyField: string;
  urgency: unknown;
  priority: string | null;
  status: unknown;
  secondsToFirstAck: number | null;
  secondsToResolve: number | null;
}

function reference(id: unknown, name: unknown): PagerDutyReference | null {
  const pagerdutyId = readText(id);
  return pagerdutyId ? { pagerdutyId, name: readText(name) } : null;
}

function incidentRowFields(row: JsonObject): AnalyticsFields {
  return {
    id: readText(row.id),
    createdAtField: "created_at",
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
    title: readText(row.description),
    number: row.incident_number,
    service: reference(row.service_id, row.service_name),
    // Analytics can give a team_name with team_id null; a team without an id cannot be referenced.
    team: reference(row.team_id, row.team_name),
    escalationPolicy: reference(row.escalation_policy_id, row.escalation_policy_name),
    urgencyField: "urgency",
    urgency: row.urgency,
    priority: readText(row.priority_name),
    status: row.status,
    secondsToFirstAck: readSeconds(row.seconds_to_first_ack),
    secondsToResolve: readSeconds(row.seconds_to_resolve),
  };
}

function responderRowFields(row: JsonObject): AnalyticsFields {
  return {
    id: readText(row.incident_id),
    createdAtField: "incident_created_at",
    createdAt: row.incident_created_at,
    resolvedAt: undefined,
    title: readText(row.incident_description),
    number: row.incident_number,
    service: reference(row.service_id, row.service_name),
    team: reference(row.service_team_id, row.service_team_name),
    escalationPolicy: null,
    urgencyField: "incident_urgency",
    urgency: row.incident_urgency,
    priority: readText(row.incident_priority_name),
    // The per-responder endpoint states neither status nor resolve time. Analytics only lists an
    // incident once it has processed it (up to 24 hours later), so "resolved" with an unknown
    // resolve time is the least wrong reading: it keeps the incident out of open-incident counts
    // and out of time-to-resolve.
    status: "resolved",
    // mean_time_to_acknowledge_seconds is this responder's own time, not the incident's first ack.
    secondsToFirstAck: null,
    secondsToResolve: null,
  };
}

function readIncidentNumber(value: unknown): number | null {
  const number = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number > 0 ? number : null;
}

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/** An Analytics raw incident row or per-responder row → IncidentRecord. */
export function mapAnalyticsIncident(value: unknown, context: RestObjectContext): MappedObject {
  if (!isJsonObject(value))
    return rejectedObject(`Analytics row ${describeJson(value)} is not an object`);
  if (isAnalyticsAggregateRow(value)) return rejectedObject(ANALYTICS_AGGREGATE_REASON);
  const fields = isAnalyticsResponderRow(value)
    ? responderRowFields(value)
    : incidentRowFields(value);
  if (!fields.id) {
    return rejectedObject(
      `Analytics row: ${isAnalyticsResponderRow(value) ? "incident_id" : "id"} is missing`,
    );
  }
  const subject = `incident ${fields.id}`;
  if (!fields.title) return rejectedObject(`${subject}: description is missing`);

  const createdAt = readTimestamp(
    subject,
    fields.createdAtField,
    fields.createdAt,
    context.timeZone,
  );
  if (!createdAt.ok) return rejectedObject(createdAt.reason);
  const statedResolvedAt = readOptionalTimestamp(
    subject,
    "resolved_at",
    fields.resolvedAt,
    context.timeZone,
  );
  if (!statedResolvedAt.ok) return rejectedObject(statedResolvedAt.reason);
  const isStatusMissing = fields.status === undefined || fields.status === null;
  const status =
    parseIncidentStatus(fields.status) ??
    (isStatusMissing && statedResolvedAt.value ? "resolved" : null);
  if (!status) {
    return rejectedObject(
      isStatusMissing
        ? `${subject}: status is missing`
        : `${subject}: status ${describeJson(fields.status)} is not triggered, acknowledged or resolved`,
    );
  }
  // As for REST incidents: PagerDuty's default urgency when none is stated.
  const urgency =
    fields.urgency === undefined || fields.urgency === null ? "high" : parseUrgency(fields.urgency);
  if (!urgency) {
    return rejectedObject(
      `${subject}: ${fields.urgencyField} ${describeJson(fields.urgency)} is not high or low`,
    );
  }

  const resolvedAt =
    statedResolvedAt.value ??
    (status === "resolved" && fields.secondsToResolve !== null
      ? addSeconds(createdAt.value, fields.secondsToResolve)
      : null);
  if (resolvedAt && resolvedAt < createdAt.value) {
    return rejectedObject(
      `${subject}: resolved_at ${describeJson(fields.resolvedAt)} is before ${fields.createdAtField} ${describeJson(fields.createdAt)}`,
    );
  }

  const record: IncidentRecord = {
    kind: "incident",
    pagerdutyId: fields.id,
    number: readIncidentNumber(fields.number),
    title: fields.title,
    service: fields.service,
    escalationPolicy: fields.escalationPolicy,
    teams: fields.team ? [fields.team] : [],
    urgency,
    priority: fields.priority,
    status,
    incidentKey: null,
    createdAt: createdAt.value,
    acknowledgedAt:
      fields.secondsToFirstAck === null
        ? null
        : addSeconds(createdAt.value, fields.secondsToFirstAck),
    resolvedAt,
    startedAt: null,
    startedAtSource: null,
    resolvedByMerge: false,
    mergedIntoPagerdutyId: null,
    reportedDetectionSource: null,
    raw: value,
  };
  return mappedRecords([record]);
}
