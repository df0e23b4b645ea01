import { z } from "zod";
import type {
  IdentifiedReference,
  LogEntryAgent,
  LogEntryRecord,
  PersonReference,
} from "../records";
import {
  isJsonObject,
  type JsonObject,
  readPersonReference,
  readReference,
  readText,
  readTimestamp,
} from "./json-fields";
import {
  ACKNOWLEDGE_LOG_ENTRY,
  ASSIGN_LOG_ENTRY,
  logEntryType,
  NOTIFY_LOG_ENTRY,
  RESOLVE_LOG_ENTRY,
  TRIGGER_LOG_ENTRY,
} from "./log-entry-types";
import {
  type MappedObject,
  mappedRecords,
  type RestObjectContext,
  rejectedObject,
} from "./mapped-object";
import { schemaFailureReason } from "./schema-reasons";

const logEntrySchema = z.looseObject({
  id: z.string().trim().min(1),
  type: z.string().trim().min(1),
});

const isTrimmedText = (value: unknown): value is string =>
  typeof value === "string" && value !== "" && value.trim() === value;

const NOTIFIED = /^Notified (.+) (?:by|via) ([^.]+?)\.?$/i;
const ASSIGNED = /^Assigned to (.+?)(?: by .+?)?\.?$/i;

/** How the summary names a channel → the notification type PagerDuty's API would use. */
const SUMMARY_CHANNELS: Record<string, string> = {
  email: "email",
  "e-mail": "email",
  sms: "sms",
  "text message": "sms",
  phone: "phone",
  "phone call": "phone",
  voice: "phone",
  push: "push_notification",
  "push notification": "push_notification",
};

/** "Notified Keon Amini by email." → { name: "Keon Amini", channel: "email" }. */
export function parseNotifySummary(summary: string): { name: string; channel: string } | null {
  const match = NOTIFIED.exec(summary.trim());
  if (!match?.[1] || !match[2]) return null;
  const spoken = match[2].trim().toLowerCase();
  return {
    name: match[1].trim(),
    channel: SUMMARY_CHANNELS[spoken] ?? spoken.replace(/\s+/g, "_"),
  };
}

/** "Assigned to Keon Amini." or "Assigned to Wiley Jacobson by Laura Haley" → the assignee's name. */
export function parseAssignSummary(summary: string): string | null {
  return ASSIGNED.exec(summary.trim())?.[1]?.trim() || null;
}

export function readAgent(value: unknown): LogEntryAgent | null {
  if (!isJsonObject(value)) return null;
  const type = readText(value.type);
  if (!type) return null;
  return { type, pagerdutyId: readText(value.id), name: readText(value.summary) };
}

function isUserAgent(agent: LogEntryAgent | null): agent is LogEntryAgent {
  return agent?.type === "user_reference" || agent?.type === "user";
}

function readPerson(
  type: string,
  entry: JsonObject,
  agent: LogEntryAgent | null,
  summary: string | null,
): PersonReference | null {
  const nameOnly = (name: string | null) =>
    name ? { pagerdutyId: null, email: null, name } : null;
  switch (type) {
    case NOTIFY_LOG_ENTRY:
      // DevLake's notify entries have no `user`: the summary still names who was paged.
      return (
        readPersonReference(entry.user) ??
        nameOnly(summary ? (parseNotifySummary(summary)?.name ?? null) : null)
      );
    case ACKNOWLEDGE_LOG_ENTRY:
    case RESOLVE_LOG_ENTRY:
      return isUserAgent(agent)
        ? { pagerdutyId: agent.pagerdutyId, email: null, name: agent.name }
        : null;
    case ASSIGN_LOG_ENTRY: {
      const assignees = Array.isArray(entry.assignees) ? entry.assignees : [];
      return (
        readPersonReference(assignees[0]) ?? nameOnly(summary ? parseAssignSummary(summary) : null)
      );
    }
    default:
      return null;
  }
}

function readNotificationType(channel: JsonObject | null, summary: string | null): string | null {
  const notification = channel && isJsonObject(channel.notification) ? channel.notification : null;
  return (
    readText(notification?.type) ??
    (summary ? (parseNotifySummary(summary)?.channel ?? null) : null)
  );
}

/** "Ops Bot <Alerts@Example.com>" → "alerts@example.com". */
function readEmailAddress(value: unknown): string | null {
  const text = readText(value);
  if (!text) return null;
  const bracketed = /<([^>]+)>/.exec(text)?.[1];
  return (bracketed ?? text).trim().toLowerCase();
}

/** `self` of GET /incidents/{id}/log_entries items: `…/log_entries/R1?incident_id=PT4KHLK`. */
function incidentFromSelf(self: unknown): IdentifiedReference | null {
  const id = readText(self)?.match(/[?&]incident_id=([A-Za-z0-9]+)/)?.[1];
  return id ? { pagerdutyId: id, name: null } : null;
}

/**
 * A log entry → LogEntryRecord. `incident` is the incident an embedded entry belongs to (DevLake
 * stores entries inside their incident), used when the entry does not name one itself.
 */
export function mapLogEntry(
  value: unknown,
  context: RestObjectContext,
  incident: IdentifiedReference | null = null,
): MappedObject {
  const id = isJsonObject(value) ? readText(value.id) : null;
  const subject = id ? `log entry ${id}` : "log entry without an id";
  // The schema (which copies the object) only for an entry whose id or type needs trimming or
  // is missing: its data, or the reason it is rejected.
  let entry: JsonObject & { id: string; type: string };
  if (isJsonObject(value) && isTrimmedText(value.id) && isTrimmedText(value.type)) {
    entry = value as JsonObject & { id: string; type: string };
  } else {
    const parsed = logEntrySchema.safeParse(value, { reportInput: true });
    if (!parsed.success) return rejectedObject(schemaFailureReason(subject, parsed.error));
    entry = parsed.data;
  }

  const at = readTimestamp(subject, "created_at", entry.created_at, context.timeZone);
  if (!at.ok) return rejectedObject(at.reason);
  const entryIncident = readReference(entry.incident) ?? incident ?? incidentFromSelf(entry.self);
  if (!entryIncident) {
    return rejectedObject(
      `${subject}: incident is missing — export log entries from GET /log_entries or GET /incidents/{id}/log_entries, which name their incident`,
    );
  }

  const type = logEntryType(entry.type);
  const summary = readText(entry.summary);
  const agent = readAgent(entry.agent);
  const channel = isJsonObject(entry.channel) ? entry.channel : null;
  const channelType = readText(channel?.type);
  const record: LogEntryRecord = {
    kind: "log_entry",
    pagerdutyId: entry.id,
    incident: entryIncident,
    type,
    at: at.value,
    agent,
    channelType,
    notificationType: type === NOTIFY_LOG_ENTRY ? readNotificationType(channel, summary) : null,
    person: readPerson(type, entry, agent, summary),
    emailFrom:
      type === TRIGGER_LOG_ENTRY && channelType === "email"
        ? readEmailAddress(channel?.from)
        : null,
    summary,
    raw: value,
  };
  return mappedRecords([record]);
}
