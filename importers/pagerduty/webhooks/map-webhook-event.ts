import { parseIncidentStatus } from "../map/incident-values";
import {
  describeJson,
  isJsonObject,
  type JsonObject,
  readPersonReference,
  readReference,
  readText,
} from "../map/json-fields";
import { mapIncident } from "../map/map-incident";
import { mapLogEntry, readAgent } from "../map/map-log-entry";
import { parsePagerDutyTimestamp } from "../map/parse-timestamp";
import type {
  IncidentRecord,
  IncidentStatusValue,
  LogEntryAgent,
  LogEntryRecord,
  PersonReference,
} from "../records";

/** What the applier's ledger keeps of each event: enough to fold an incident's history. */
export interface WebhookEventFacts {
  /** v3 `event.id`, v2 message `id`: the dedupe key. */
  eventId: string;
  /** The v3 event type (v2 types translated: `incident.trigger` → `incident.triggered`). */
  eventType: string;
  occurredAt: Date;
  incidentPagerdutyId: string;
  /** The incident's status the event states (or implies); null when it says nothing of it. */
  incidentStatus: IncidentStatusValue | null;
  /** `created_at` of the incident when the event carries it. */
  incidentCreatedAt: Date | null;
  /** The event's data is the incident itself (title, service, urgency, priority, …). */
  hasIncidentData: boolean;
}

export type MappedWebhookEvent =
  | {
      outcome: "apply";
      facts: WebhookEventFacts;
      /** The incident as of `occurredAt`; its status and times are settled by the applier. */
      incident: IncidentRecord | null;
      logEntry: LogEntryRecord | null;
      /** Fields the event had but could not be read (the rest still applies). */
      notes: string[];
    }
  | { outcome: "ignore"; summary: EventSummary; reason: string }
  | { outcome: "reject"; summary: EventSummary; reason: string };

/** What the delivery log shows of an event even when it is not applied. */
export interface EventSummary {
  eventId: string | null;
  eventType: string | null;
  occurredAt: Date | null;
  incidentPagerdutyId: string | null;
}

/** A body whose events name nothing (refused before it was read, or empty). */
export const NO_SUMMARY: EventSummary = {
  eventId: null,
  eventType: null,
  occurredAt: null,
  incidentPagerdutyId: null,
};

/** How each incident event is recorded: a log entry of this type, as PagerDuty's log would. */
const STAND_IN_TYPES: Readonly<Record<string, string | null>> = {
  "incident.triggered": "trigger_log_entry",
  "incident.acknowledged": "acknowledge_log_entry",
  "incident.unacknowledged": "unacknowledge_log_entry",
  "incident.resolved": "resolve_log_entry",
  "incident.reopened": "reopen_log_entry",
  "incident.reassigned": "assign_log_entry",
  "incident.escalated": "escalate_log_entry",
  "incident.delegated": "delegate_log_entry",
  "incident.priority_updated": "priority_change_log_entry",
  "incident.service_updated": "service_change_log_entry",
  "incident.annotated": "annotate_log_entry",
  "incident.responder.added": "responder_request_log_entry",
  "incident.responder.replied": "responder_reply_log_entry",
  "incident.status_update_published": "status_update_log_entry",
  "incident.incident_type.changed": null,
};

/** Known incident events that change nothing Fairshift keeps; logged as ignored. */
const NOT_KEPT: Readonly<Record<string, string>> = {
  "incident.conference_bridge.updated": "Fairshift does not keep conference bridges",
  "incident.workflow.started": "Fairshift does not keep incident workflows",
  "incident.workflow.completed": "Fairshift does not keep incident workflows",
  "incident.custom_field_values.updated":
    "custom fields (an impact start) are read by the REST sync, which sees their final values",
};

const IMPLIED_STATUS: Readonly<Record<string, IncidentStatusValue>> = {
  "incident.triggered": "triggered",
  "incident.acknowledged": "acknowledged",
  "incident.unacknowledged": "triggered",
  "incident.resolved": "resolved",
  "incident.reopened": "triggered",
};

/** Legacy v2 event names → their v3 equivalents. */
const V2_EVENT_TYPES: Readonly<Record<string, string>> = {
  "incident.trigger": "incident.triggered",
  "incident.acknowledge": "incident.acknowledged",
  "incident.unacknowledge": "incident.unacknowledged",
  "incident.resolve": "incident.resolved",
  "incident.assign": "incident.reassigned",
  "incident.escalate": "incident.escalated",
  "incident.delegate": "incident.delegated",
  "incident.annotate": "incident.annotated",
};

const SUMMARY_LIMIT = 500;
const INCIDENT_CONTEXT = { resourceKey: "incidents", timeZone: null };

function readTime(value: unknown): Date | null {
  return typeof value === "string" ? parsePagerDutyTimestamp(value, null) : null;
}

function clip(text: string): string {
  return text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT - 1)}…` : text;
}

const isUserAgent = (agent: LogEntryAgent | null) =>
  agent?.type === "user_reference" || agent?.type === "user";

/** Who a stand-in entry is about, as PagerDuty's own entry of that type would name them. */
function personOf(
  eventType: string,
  data: JsonObject,
  agent: LogEntryAgent | null,
): PersonReference | null {
  switch (eventType) {
    case "incident.reassigned":
    case "incident.escalated":
      return Array.isArray(data.assignees) ? readPersonReference(data.assignees[0]) : null;
    case "incident.responder.added":
    case "incident.responder.replied":
      return readPersonReference(data.user);
    case "incident.triggered":
    case "incident.delegated":
      return null;
    default:
      return isUserAgent(agent) && agent
        ? { pagerdutyId: agent.pagerdutyId, email: null, name: agent.name }
        : null;
  }
}

function names(value: unknown): string {
  if (!Array.isArray(value)) return "nobody";
  const listed = value.map((item) => readReference(item)?.name).filter(Boolean);
  return listed.length > 0 ? listed.join(", ") : "nobody";
}

/** The line the timeline shows for a stand-in, in PagerDuty's own wording where it has one. */
function standInSummary(
  eventType: string,
  data: JsonObject,
  agent: LogEntryAgent | null,
  client: string | null,
): string {
  const by = agent?.name ? ` by ${agent.name}` : "";
  switch (eventType) {
    case "incident.triggered":
      if (agent?.name) return `Triggered ${isUserAgent(agent) ? "by" : "through"} ${agent.name}`;
      return client ? `Triggered by ${client}` : "Triggered";
    case "incident.acknowledged":
      return `Acknowledged${by}`;
    case "incident.unacknowledged":
      return `Unacknowledged${agent?.name ? ` (${agent.name})` : " (acknowledgement timed out)"}`;
    case "incident.resolved":
      return `Resolved${by}`;
    case "incident.reopened":
      return `Reopened${by}`;
    case "incident.reassigned":
      return `Assigned to ${names(data.assignees)}${by}`;
    case "incident.escalated":
      return `Escalated to ${names(data.assignees)}`;
    case "incident.delegated":
      return `Delegated to ${readReference(data.escalation_policy)?.name ?? "another escalation policy"}${by}`;
    case "incident.priority_updated":
      return `Priority changed to ${readReference(data.priority)?.name ?? "none"}${by}`;
    case "incident.service_updated":
      return `Moved to service ${readReference(data.service)?.name ?? "unknown"}${by}`;
    case "incident.annotated":
      return clip(`Note${by}: ${readText(data.content) ?? ""}`);
    case "incident.responder.added":
      return clip(
        `Responder requested: ${readReference(data.user)?.name ?? "someone"}${by} (${readText(data.state) ?? "pending"})`,
      );
    case "incident.responder.replied":
      return clip(
        `Responder ${readReference(data.user)?.name ?? "someone"} replied: ${readText(data.state) ?? ""}`,
      );
    case "incident.status_update_published":
      return clip(`Status update${by}: ${readText(data.message) ?? ""}`);
    default:
      return eventType;
  }
}

/**
 * A v3 event (`body.event`) → what applying it writes: the incident as the event describes it,
 * and a stand-in log entry recording the event as what it is (an assignment stays an assignment:
 * webhooks carry no notifications, so no page is invented). `webhookId` (X-Webhook-Id) stands
 * in for a missing event.id. Non-incident events and incident
 * events Fairshift keeps nothing of are ignored, not errors.
 */
export function mapWebhookEvent(
  event: unknown,
  webhookId: string | null = null,
): MappedWebhookEvent {
  const raw = isJsonObject(event) ? event : {};
  // PagerDuty dedupes on event.id; X-Webhook-Id names the same delivery when an event lacks one.
  const eventId = readText(raw.id) ?? webhookId;
  const eventType = readText(raw.event_type);
  const occurredAt = readTime(raw.occurred_at);
  const data = isJsonObject(raw.data) ? raw.data : null;
  const hasIncidentData = data?.type === "incident";
  const incidentReference = hasIncidentData ? readReference(data) : readReference(data?.incident);
  const summary: EventSummary = {
    eventId,
    eventType,
    occurredAt,
    incidentPagerdutyId: incidentReference?.pagerdutyId ?? null,
  };
  if (!eventId) return { outcome: "reject", summary, reason: "event.id is missing" };
  if (!eventType) return { outcome: "reject", summary, reason: "event.event_type is missing" };
  if (eventType === "pagey.ping") {
    return { outcome: "ignore", summary, reason: "pagey.ping: PagerDuty's test; nothing to apply" };
  }
  if (!eventType.startsWith("incident.")) {
    return {
      outcome: "ignore",
      summary,
      reason: `${eventType}: Fairshift applies incident events only`,
    };
  }
  const notKept = NOT_KEPT[eventType];
  if (notKept) return { outcome: "ignore", summary, reason: `${eventType}: ${notKept}` };
  if (!(eventType in STAND_IN_TYPES)) {
    return {
      outcome: "ignore",
      summary,
      reason: `${eventType} is an event type Fairshift does not know; logged and ignored`,
    };
  }
  if (!occurredAt) {
    return {
      outcome: "reject",
      summary,
      reason: `event.occurred_at ${describeJson(raw.occurred_at)} is not a timestamp`,
    };
  }
  if (!data || !incidentReference) {
    return {
      outcome: "reject",
      summary,
      reason: `${eventType}: event.data names no incident (no data.id of an incident, no data.incident.id)`,
    };
  }

  const notes: string[] = [];
  let incident: IncidentRecord | null = null;
  if (hasIncidentData) {
    // The 2021 v3 shape has no created_at; the applier replaces this stand-in with the earliest event.
    const mapped = mapIncident(
      { ...data, created_at: data.created_at ?? raw.occurred_at },
      INCIDENT_CONTEXT,
    );
    incident = (mapped.records.find((record) => record.kind === "incident") ??
      null) as IncidentRecord | null;
    notes.push(...mapped.rejections);
    if (!incident) {
      return { outcome: "reject", summary, reason: mapped.rejections.join("; ") };
    }
  }
  const agent = readAgent(raw.agent);
  const client = isJsonObject(raw.client) ? readText(raw.client.name) : null;
  const standInType = STAND_IN_TYPES[eventType] ?? null;
  const incidentName = incident?.number
    ? `[#${incident.number}] ${incident.title}`
    : (incident?.title ?? incidentReference.name);
  const logEntry: LogEntryRecord | null = standInType
    ? {
        kind: "log_entry",
        pagerdutyId: `webhook:${eventId}`,
        incident: { pagerdutyId: incidentReference.pagerdutyId, name: incidentName },
        type: standInType,
        at: occurredAt,
        agent,
        channelType: null,
        notificationType: null,
        person: personOf(eventType, data, agent),
        emailFrom: null,
        summary: standInSummary(eventType, data, agent, client),
        raw: event,
        isFromWebhook: true,
      }
    : null;
  return {
    outcome: "apply",
    facts: {
      eventId,
      eventType,
      occurredAt,
      incidentPagerdutyId: incidentReference.pagerdutyId,
      incidentStatus:
        (hasIncidentData ? parseIncidentStatus(data.status) : null) ??
        IMPLIED_STATUS[eventType] ??
        null,
      incidentCreatedAt: hasIncidentData ? readTime(data.created_at) : null,
      hasIncidentData,
    },
    incident,
    logEntry,
    notes,
  };
}

/**
 * A legacy v2 message (`body.messages[i]`) → the same shape. v2 carries the full incident and the
 * real log entry behind the event, so the entry is PagerDuty's own, not a stand-in.
 */
export function mapWebhookMessage(message: unknown): MappedWebhookEvent {
  const raw = isJsonObject(message) ? message : {};
  const eventId = readText(raw.id);
  const v2Type = readText(raw.event);
  const eventType = v2Type ? (V2_EVENT_TYPES[v2Type] ?? v2Type) : null;
  const entry = Array.isArray(raw.log_entries) ? raw.log_entries[0] : undefined;
  const occurredAt =
    (isJsonObject(entry) ? readTime(entry.created_at) : null) ?? readTime(raw.created_on);
  const incidentReference = readReference(raw.incident);
  const summary: EventSummary = {
    eventId,
    eventType,
    occurredAt,
    incidentPagerdutyId: incidentReference?.pagerdutyId ?? null,
  };
  if (!eventId) return { outcome: "reject", summary, reason: "messages[].id is missing" };
  if (!eventType || !v2Type) {
    return { outcome: "reject", summary, reason: "messages[].event is missing" };
  }
  if (!(v2Type in V2_EVENT_TYPES)) {
    return {
      outcome: "ignore",
      summary,
      reason: `${v2Type} is a v2 event type Fairshift does not know; logged and ignored`,
    };
  }
  if (!occurredAt) {
    return {
      outcome: "reject",
      summary,
      reason: "the message has no readable time (log_entries[0].created_at or created_on)",
    };
  }
  if (!incidentReference || !isJsonObject(raw.incident)) {
    return { outcome: "reject", summary, reason: `${v2Type}: messages[].incident is missing` };
  }
  const mappedIncident = mapIncident(raw.incident, INCIDENT_CONTEXT);
  const incident = (mappedIncident.records.find((record) => record.kind === "incident") ??
    null) as IncidentRecord | null;
  if (!incident) {
    return { outcome: "reject", summary, reason: mappedIncident.rejections.join("; ") };
  }
  const notes = [...mappedIncident.rejections];
  let logEntry: LogEntryRecord | null = null;
  if (entry !== undefined) {
    const mappedEntry = mapLogEntry(entry, INCIDENT_CONTEXT, incidentReference);
    logEntry = (mappedEntry.records.find((record) => record.kind === "log_entry") ??
      null) as LogEntryRecord | null;
    notes.push(...mappedEntry.rejections);
  }
  return {
    outcome: "apply",
    facts: {
      eventId,
      eventType,
      occurredAt,
      incidentPagerdutyId: incidentReference.pagerdutyId,
      incidentStatus: incident.status,
      incidentCreatedAt: incident.createdAt,
      hasIncidentData: true,
    },
    incident,
    logEntry,
    notes,
  };
}
