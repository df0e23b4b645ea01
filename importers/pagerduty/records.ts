/**
 * The importers' common language. Every source (REST sync, JSON dumps, CSV exports, iCal feeds,
 * webhooks) is read into these records by pure mappers; one loader writes them to Postgres. A
 * record names the objects it refers to by PagerDuty id (or, for people from iCal and shift
 * files, by e-mail or name), never by database id, so files can arrive in any order: the loader
 * creates a placeholder for a reference it has not seen yet and fills it in when the full object
 * arrives.
 */

/**
 * A reference to a PagerDuty object, with the summary PagerDuty printed for it. CSVs often name a
 * team, service or schedule without its id: then `pagerdutyId` is null, `name` is set, and the
 * loader matches by exact name (case-insensitive) or creates the object under that name.
 */
export interface PagerDutyReference {
  pagerdutyId: string | null;
  /** The reference's `summary` (a name or title); null when the payload had none. */
  name: string | null;
}

/** The key a loader's id map uses for a reference: its PagerDuty id, else its name. */
export function referenceKey(reference: PagerDutyReference): string {
  return reference.pagerdutyId ?? `name:${(reference.name ?? "").toLowerCase()}`;
}

/**
 * A person as a record refers to them. At least one field is set; the loader matches by
 * PagerDuty id, then by e-mail (case-insensitive), then by exact name.
 */
export interface PersonReference {
  pagerdutyId: string | null;
  email: string | null;
  name: string | null;
}

export interface PersonRecord {
  kind: "person";
  pagerdutyId: string | null;
  name: string;
  /** Lower-cased. */
  email: string | null;
  /** A canonical IANA zone (legacy names such as "Eastern Time (US & Canada)" already mapped). */
  timeZone: string | null;
  teams: PagerDutyReference[];
}

export interface TeamRecord {
  kind: "team";
  pagerdutyId: string;
  name: string;
  description: string | null;
}

export interface ServiceRecord {
  kind: "service";
  pagerdutyId: string;
  name: string;
  status: string | null;
  escalationPolicy: PagerDutyReference | null;
  teams: PagerDutyReference[];
}

export interface EscalationPolicyRecord {
  kind: "escalation_policy";
  pagerdutyId: string;
  name: string;
  numLoops: number;
  /** `escalation_rules` as PagerDuty returned them. */
  rules: unknown;
  teams: PagerDutyReference[];
}

export interface ScheduleRecord {
  kind: "schedule";
  pagerdutyId: string;
  name: string;
  timeZone: string | null;
  teams: PagerDutyReference[];
}

export type IncidentStatusValue = "triggered" | "acknowledged" | "resolved";
export type UrgencyValue = "high" | "low";
export type DetectionSourceValue = "monitoring" | "customer" | "staff" | "unknown" | "test";

export interface IncidentRecord {
  kind: "incident";
  pagerdutyId: string;
  number: number | null;
  title: string;
  service: PagerDutyReference | null;
  escalationPolicy: PagerDutyReference | null;
  teams: PagerDutyReference[];
  urgency: UrgencyValue;
  /** The priority's name (e.g. "P1"); null when the incident has none. */
  priority: string | null;
  status: IncidentStatusValue;
  incidentKey: string | null;
  createdAt: Date;
  /**
   * First acknowledgement when the source states it (CSV `seconds_to_first_ack`, Analytics); null
   * when unknown. Acknowledge log entries, when present, win over this.
   */
  acknowledgedAt: Date | null;
  /** When it was resolved (REST `resolved_at`, or `last_status_change_at` of a resolved incident). */
  resolvedAt: Date | null;
  /** Impact start from a custom field or CSV column; null when the source has none. */
  startedAt: Date | null;
  startedAtSource: "custom_field" | "csv" | null;
  resolvedByMerge: boolean;
  mergedIntoPagerdutyId: string | null;
  /** A detection source stated by the data (`detection_source` field or CSV column). */
  reportedDetectionSource: DetectionSourceValue | null;
  /** The payload as received, kept for audit and re-mapping. */
  raw: unknown;
}

export interface LogEntryAgent {
  /** `agent.type`, e.g. user_reference, service_reference, inbound_integration_reference. */
  type: string;
  pagerdutyId: string | null;
  name: string | null;
}

/** A reference that carries its PagerDuty id (every reference in a REST payload does). */
export type IdentifiedReference = PagerDutyReference & { pagerdutyId: string };

/** Log entries always name their incident by id. */
export type IncidentReference = IdentifiedReference;

export interface LogEntryRecord {
  kind: "log_entry";
  pagerdutyId: string;
  incident: IncidentReference;
  /** trigger_log_entry, notify_log_entry, acknowledge_log_entry, resolve_log_entry, … */
  type: string;
  at: Date;
  agent: LogEntryAgent | null;
  /** `channel.type`: web_trigger, api, email, auto, website, timeout, … */
  channelType: string | null;
  /** notify entries: `channel.notification.type`, or the channel named in "Notified X by sms." */
  notificationType: string | null;
  /**
   * The person the entry is about: the notified user (notify; from `user`, else the name in
   * "Notified <name> by <channel>."), the acting user (acknowledge, resolve), the assignee (assign).
   */
  person: PersonReference | null;
  /** Trigger entries of e-mail integrations: the sender (`channel.from`), lower-cased. */
  emailFrom: string | null;
  summary: string | null;
  raw: unknown;
  /**
   * A stand-in written from a webhook event (webhooks carry no log entries); the REST log replaces
   * it. Absent for entries read from PagerDuty's log.
   */
  isFromWebhook?: boolean;
}

export type ShiftSourceValue = "pagerduty_oncalls" | "ical" | "shifts_csv";

export interface ShiftRecord {
  kind: "shift";
  source: ShiftSourceValue;
  person: PersonReference;
  schedule: PagerDutyReference | null;
  escalationPolicy: PagerDutyReference | null;
  /** 1 = primary. */
  level: number;
  startAt: Date;
  endAt: Date;
}

export type ImportRecord =
  | PersonRecord
  | TeamRecord
  | ServiceRecord
  | EscalationPolicyRecord
  | ScheduleRecord
  | IncidentRecord
  | LogEntryRecord
  | ShiftRecord;

export type ImportRecordKind = ImportRecord["kind"];

/**
 * A record's payload as JSON text, serialised when the loader buffers the record: the parsed
 * object (several times the size of its text) is then garbage at once, while the batch waits
 * for its write, instead of living on into V8's old generation.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/** The JSON text of a record's payload, as buffered or as received. */
export function rawJsonText(raw: unknown): string {
  return raw instanceof RawJson ? raw.text : JSON.stringify(raw ?? null);
}

/** Where a record or a rejection came from, for rejected rows and error messages. */
export interface RecordOrigin {
  /** 1-based physical line where the row or object starts; null when unknown. */
  line: number | null;
}

/** A row that could not be read: kept with its line, the reason and the text as read. */
export interface Rejection {
  line: number | null;
  /** What is wrong and what to do about it, e.g. "Created at: "31/02/2024" is not a date (use ISO 8601)". */
  reason: string;
  raw: string;
}

/** What a file reader or the sync yields: a record with its origin, or a rejected row. */
export type ReadItem =
  | { type: "record"; record: ImportRecord; origin: RecordOrigin }
  | { type: "rejection"; rejection: Rejection };

/** The keys of the lists a PagerDuty REST page holds (`{"incidents":[…],"more":false}`). */
export const PAGERDUTY_LIST_KEYS = [
  "incidents",
  "log_entries",
  "oncalls",
  "users",
  "services",
  "teams",
  "schedules",
  "escalation_policies",
] as const;

/** A mapper's answer for one input object or row. */
export type MapResult<T> = { ok: true; value: T } | { ok: false; reason: string };
