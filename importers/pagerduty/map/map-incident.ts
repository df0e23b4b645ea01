import { z } from "zod";
import type {
  DetectionSourceValue,
  IdentifiedReference,
  IncidentRecord,
  IncidentStatusValue,
  MapResult,
} from "../records";
import {
  parseDetectionSource,
  parseIncidentStatus,
  parseUrgency,
  titleFromIncidentSummary,
} from "./incident-values";
import {
  describeJson,
  isJsonObject,
  type JsonObject,
  readOptionalTimestamp,
  readReference,
  readReferences,
  readText,
  readTimestamp,
} from "./json-fields";
import { mapLogEntry } from "./map-log-entry";
import {
  combineMapped,
  type MappedObject,
  mappedRecords,
  type RestObjectContext,
  rejectedObject,
} from "./mapped-object";
import { parsePagerDutyTimestamp } from "./parse-timestamp";
import { schemaFailureReason } from "./schema-reasons";

const incidentNumberSchema = z
  .union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])
  .nullish();

const incidentSchema = z.looseObject({
  id: z.string().trim().min(1),
  incident_number: incidentNumberSchema,
  // Webhook v3 `data` calls it `number`.
  number: incidentNumberSchema,
  log_entries: z.array(z.unknown()).nullish(),
});

const MERGE_RESOLVE_REASON = "merge_resolve_reason";
const IMPACT_START_FIELDS = new Set(["impact_started_at", "impact_start", "started_at"]);

/** `priority` is null, a priority_reference (`summary`) or a full priority object (`name`). */
export function readPriorityName(value: unknown): string | null {
  if (typeof value === "string") return readText(value);
  if (!isJsonObject(value)) return null;
  return readText(value.summary) ?? readText(value.name);
}

/**
 * `resolve_reason` of a merged incident: the string "merge_resolve_reason", or
 * `{type: "merge_resolve_reason", incident: {id}}` naming the incident it was merged into.
 */
export function readMerge(value: unknown): { merged: boolean; intoPagerdutyId: string | null } {
  if (value === MERGE_RESOLVE_REASON) return { merged: true, intoPagerdutyId: null };
  if (isJsonObject(value) && value.type === MERGE_RESOLVE_REASON) {
    return { merged: true, intoPagerdutyId: readReference(value.incident)?.pagerdutyId ?? null };
  }
  return { merged: false, intoPagerdutyId: null };
}

/** An impact-start custom field (`{name, value}` or `{field: {name}, value}`), if the incident has one. */
function findImpactStartField(customFields: unknown): { name: string; value: unknown } | null {
  if (!Array.isArray(customFields)) return null;
  for (const item of customFields) {
    if (!isJsonObject(item)) continue;
    const name =
      readText(item.name) ?? (isJsonObject(item.field) ? readText(item.field.name) : null);
    if (!name) continue;
    const key = name.toLowerCase().replace(/[^a-z0-9]+/g, "_");
    if (IMPACT_START_FIELDS.has(key) && item.value !== null && item.value !== undefined) {
      return { name, value: item.value };
    }
  }
  return null;
}

/** The earliest `acknowledgements[].at`: PagerDuty lists the acknowledgements still standing. */
function firstAcknowledgement(value: unknown, timeZone: string | null): Date | null {
  if (!Array.isArray(value)) return null;
  const times = value
    .map((item) =>
      isJsonObject(item) && typeof item.at === "string"
        ? parsePagerDutyTimestamp(item.at, timeZone)
        : null,
    )
    .filter((time): time is Date => time !== null)
    .map((time) => time.getTime());
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

function readTitle(incident: JsonObject): string | null {
  const summary = readText(incident.summary);
  return (
    readText(incident.title) ??
    (summary ? titleFromIncidentSummary(summary) : null) ??
    readText(incident.description)
  );
}

function readStatus(
  subject: string,
  incident: JsonObject,
  resolvedAt: Date | null,
): MapResult<IncidentStatusValue> {
  const status =
    parseIncidentStatus(incident.status) ??
    (incident.status === undefined && resolvedAt ? "resolved" : null);
  if (status) return { ok: true, value: status };
  return {
    ok: false,
    reason:
      incident.status === undefined
        ? `${subject}: status is missing`
        : `${subject}: status ${describeJson(incident.status)} is not triggered, acknowledged or resolved`,
  };
}

/** `resolved_at`, else a resolved incident's `last_status_change_at`; never before creation. */
function readResolvedAt(
  subject: string,
  incident: JsonObject,
  isResolved: boolean,
  createdAt: Date,
  timeZone: string | null,
): MapResult<Date | null> {
  const field =
    incident.resolved_at === undefined || incident.resolved_at === null
      ? "last_status_change_at"
      : "resolved_at";
  if (field === "last_status_change_at" && !isResolved) return { ok: true, value: null };
  const resolvedAt = readOptionalTimestamp(subject, field, incident[field], timeZone);
  if (resolvedAt.ok && resolvedAt.value && resolvedAt.value < createdAt) {
    return {
      ok: false,
      reason: `${subject}: ${field} ${describeJson(incident[field])} is before created_at ${describeJson(incident.created_at)}`,
    };
  }
  return resolvedAt;
}

/**
 * What the incident reports about itself beyond PagerDuty's own fields: an impact start in a
 * custom field and a `detection_source`. Unreadable values leave the incident without them and
 * come back as notes.
 */
function readReportedFacts(subject: string, incident: JsonObject, timeZone: string | null) {
  const notes: string[] = [];
  let startedAt: Date | null = null;
  const impactField = findImpactStartField(incident.custom_fields);
  if (impactField) {
    const field = `custom field ${impactField.name}`;
    const impact = readTimestamp(subject, field, impactField.value, timeZone);
    if (impact.ok) startedAt = impact.value;
    else notes.push(`${impact.reason}; imported without an impact start`);
  }
  let detectionSource: DetectionSourceValue | null = null;
  if (incident.detection_source !== undefined && incident.detection_source !== null) {
    detectionSource = parseDetectionSource(incident.detection_source);
    if (!detectionSource) {
      notes.push(
        `${subject}: detection_source ${describeJson(incident.detection_source)} is not monitoring, customer, staff, unknown or test; imported without it`,
      );
    }
  }
  return { startedAt, detectionSource, notes };
}

/**
 * An incident (GET /incidents item, webhook `data`, DevLake row) → IncidentRecord, plus a
 * LogEntryRecord for each embedded `log_entries` item. An unreadable impact start or detection
 * source leaves the incident imported without it and adds a rejection that says so.
 */
export function mapIncident(value: unknown, context: RestObjectContext): MappedObject {
  const id = isJsonObject(value) ? readText(value.id) : null;
  const subject = id ? `incident ${id}` : "incident without an id";
  const parsed = incidentSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return rejectedObject(schemaFailureReason(subject, parsed.error));
  const incident = parsed.data;
  const { timeZone } = context;

  const title = readTitle(incident);
  if (!title) {
    return rejectedObject(`${subject}: title is missing (no title, summary or description)`);
  }
  const createdAt = readTimestamp(subject, "created_at", incident.created_at, timeZone);
  if (!createdAt.ok) return rejectedObject(createdAt.reason);
  const statedResolvedAt = readOptionalTimestamp(
    subject,
    "resolved_at",
    incident.resolved_at,
    timeZone,
  );
  if (!statedResolvedAt.ok) return rejectedObject(statedResolvedAt.reason);
  const status = readStatus(subject, incident, statedResolvedAt.value);
  if (!status.ok) return rejectedObject(status.reason);
  // PagerDuty's default urgency is high; a stated urgency must be one it knows.
  const urgency =
    incident.urgency === undefined || incident.urgency === null
      ? "high"
      : parseUrgency(incident.urgency);
  if (!urgency) {
    return rejectedObject(
      `${subject}: urgency ${describeJson(incident.urgency)} is not high or low`,
    );
  }
  const resolvedAt = readResolvedAt(
    subject,
    incident,
    status.value === "resolved",
    createdAt.value,
    timeZone,
  );
  if (!resolvedAt.ok) return rejectedObject(resolvedAt.reason);

  const reported = readReportedFacts(subject, incident, timeZone);
  const merge = readMerge(incident.resolve_reason);
  const record: IncidentRecord = {
    kind: "incident",
    pagerdutyId: incident.id,
    number: incident.incident_number ?? incident.number ?? null,
    title,
    service: readReference(incident.service),
    escalationPolicy: readReference(incident.escalation_policy),
    teams: readReferences(incident.teams),
    urgency,
    priority: readPriorityName(incident.priority),
    status: status.value,
    incidentKey: readText(incident.incident_key),
    createdAt: createdAt.value,
    acknowledgedAt: firstAcknowledgement(incident.acknowledgements, timeZone),
    resolvedAt: resolvedAt.value,
    startedAt: reported.startedAt,
    startedAtSource: reported.startedAt ? "custom_field" : null,
    resolvedByMerge: merge.merged,
    mergedIntoPagerdutyId: merge.intoPagerdutyId,
    reportedDetectionSource: reported.detectionSource,
    raw: value,
  };

  const reference: IdentifiedReference = {
    pagerdutyId: incident.id,
    name: readText(incident.summary),
  };
  return combineMapped([
    mappedRecords([record], reported.notes),
    ...(incident.log_entries ?? []).map((entry) => mapLogEntry(entry, context, reference)),
  ]);
}
