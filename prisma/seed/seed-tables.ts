import type { ColumnSpec, TableSpec } from "./batch-writer";
import type { EscalationPolicy, Person, Schedule, Service, Team } from "./organisation-types";
import type { Shift } from "./rotations";
import {
  type IncidentRow,
  type IncidentTeamRow,
  type LogEntryRow,
  type PageRow,
  type TimeInLieuEntryRow,
  type TimeInLieuPolicyRow,
  TRIGGER_AGENT_TYPES,
} from "./seed-rows";

/**
 * The SQL tables the seed writes (names as mapped in schema.prisma) and how each column is read
 * from a generated row. Array element types use Postgres type names (int4, bool) because they are
 * quoted in the statement.
 */

/** Timestamps go over the wire as ISO strings: exact, and independent of the client's TZ. */
export function timestamp(instant: number | null): string | null {
  return instant === null ? null : new Date(instant).toISOString();
}

function column<Row>(
  name: string,
  type: string,
  value: (row: Row) => string | number | boolean | null,
): ColumnSpec<Row> {
  return { name, type, value };
}

/** created_at/updated_at have no database default for updated_at, and now() would break determinism. */
export interface Stamped<T> {
  row: T;
  stampedAt: number;
}

export const peopleTable: TableSpec<Stamped<Person>> = {
  table: "people",
  columns: [
    column("id", "int4", ({ row }) => row.id),
    column("pagerduty_id", "text", ({ row }) => row.pagerdutyId),
    column("name", "text", ({ row }) => row.name),
    column("email", "text", ({ row }) => row.email),
    column("time_zone", "text", ({ row }) => row.timeZone),
    column("holiday_region", "text", ({ row }) => row.holidayRegion),
    column("created_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
    column("updated_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
  ],
};

export const teamsTable: TableSpec<Stamped<Team>> = {
  table: "teams",
  columns: [
    column("id", "int4", ({ row }) => row.id),
    column("pagerduty_id", "text", ({ row }) => row.pagerdutyId),
    column("name", "text", ({ row }) => row.name),
    column("description", "text", ({ row }) => row.description),
    column("created_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
    column("updated_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
  ],
};

export const teamMembershipsTable: TableSpec<{ teamId: number; personId: number; role: string }> = {
  table: "team_memberships",
  columns: [
    column("team_id", "int4", (row) => row.teamId),
    column("person_id", "int4", (row) => row.personId),
    column("role", "text", (row) => row.role),
  ],
};

export const escalationPoliciesTable: TableSpec<Stamped<EscalationPolicy>> = {
  table: "escalation_policies",
  columns: [
    column("id", "int4", ({ row }) => row.id),
    column("pagerduty_id", "text", ({ row }) => row.pagerdutyId),
    column("name", "text", ({ row }) => row.name),
    column("num_loops", "int4", ({ row }) => row.numLoops),
    column("rules", "jsonb", ({ row }) => JSON.stringify(row.rules)),
    column("created_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
    column("updated_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
  ],
};

export const escalationPolicyTeamsTable: TableSpec<{ policyId: number; teamId: number }> = {
  table: "escalation_policy_teams",
  columns: [
    column("escalation_policy_id", "int4", (row) => row.policyId),
    column("team_id", "int4", (row) => row.teamId),
  ],
};

export const schedulesTable: TableSpec<Stamped<Schedule>> = {
  table: "schedules",
  columns: [
    column("id", "int4", ({ row }) => row.id),
    column("pagerduty_id", "text", ({ row }) => row.pagerdutyId),
    column("name", "text", ({ row }) => row.name),
    column("time_zone", "text", ({ row }) => row.timeZone),
    column("created_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
    column("updated_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
  ],
};

export const scheduleTeamsTable: TableSpec<{ scheduleId: number; teamId: number }> = {
  table: "schedule_teams",
  columns: [
    column("schedule_id", "int4", (row) => row.scheduleId),
    column("team_id", "int4", (row) => row.teamId),
  ],
};

export const servicesTable: TableSpec<Stamped<Service>> = {
  table: "services",
  columns: [
    column("id", "int4", ({ row }) => row.id),
    column("pagerduty_id", "text", ({ row }) => row.pagerdutyId),
    column("name", "text", ({ row }) => row.name),
    column("status", "text", () => "active"),
    column("escalation_policy_id", "int4", ({ row }) => row.escalationPolicyId),
    column("created_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
    column("updated_at", "timestamptz", ({ stampedAt }) => timestamp(stampedAt)),
  ],
};

export const serviceTeamsTable: TableSpec<{ serviceId: number; teamId: number }> = {
  table: "service_teams",
  columns: [
    column("service_id", "int4", (row) => row.serviceId),
    column("team_id", "int4", (row) => row.teamId),
  ],
};

export interface ShiftRecord {
  id: number;
  shift: Shift;
  escalationPolicyId: number;
  sourceKey: string;
  importRunId: number;
  createdAt: number;
}

export const shiftsTable: TableSpec<ShiftRecord> = {
  table: "on_call_shifts",
  columns: [
    column("id", "int4", (row) => row.id),
    column("person_id", "int4", (row) => row.shift.personId),
    column("schedule_id", "int4", (row) => row.shift.scheduleId),
    column("escalation_policy_id", "int4", (row) => row.escalationPolicyId),
    column("level", "int4", (row) => row.shift.level),
    column("start_at", "timestamptz", (row) => timestamp(row.shift.start)),
    column("end_at", "timestamptz", (row) => timestamp(row.shift.end)),
    column("source", "shift_source", () => "demo_seed"),
    column("source_key", "text", (row) => row.sourceKey),
    column("import_run_id", "int4", (row) => row.importRunId),
    column("created_at", "timestamptz", (row) => timestamp(row.createdAt)),
  ],
};

export function incidentsTable(importRunId: number, importedAt: number): TableSpec<IncidentRow> {
  return {
    table: "incidents",
    columns: [
      column("id", "int4", (row) => row.id),
      column("pagerduty_id", "text", (row) => row.pagerdutyId),
      column("number", "int4", (row) => row.number),
      column("title", "text", (row) => row.title),
      column("service_id", "int4", (row) => row.serviceId),
      column("urgency", "urgency", (row) => row.urgency),
      column("priority", "text", (row) => row.priority),
      column("status", "incident_status", (row) => row.status),
      column("incident_key", "text", (row) => row.incidentKey),
      column("started_at", "timestamptz", (row) => timestamp(row.startedAt)),
      column("started_at_source", "text", (row) => row.startedAtSource),
      column("created_at", "timestamptz", (row) => timestamp(row.createdAt)),
      column("acknowledged_at", "timestamptz", (row) => timestamp(row.acknowledgedAt)),
      column("resolved_at", "timestamptz", (row) => timestamp(row.resolvedAt)),
      column("status_changed_at", "timestamptz", (row) => timestamp(row.statusChangedAt)),
      column("resolved_by_merge", "bool", (row) => row.resolvedByMerge),
      column("merged_into_pagerduty_id", "text", (row) => row.mergedIntoPagerdutyId),
      column("trigger_channel", "text", (row) => row.triggerChannel),
      column("trigger_agent_type", "text", (row) => TRIGGER_AGENT_TYPES[row.triggerChannel]),
      column("detection_source", "detection_source", (row) => row.detectionSource),
      column("detection_rule", "text", (row) => row.detectionRule),
      column("import_run_id", "int4", () => importRunId),
      column("updated_at", "timestamptz", () => timestamp(importedAt)),
    ],
  };
}

export const incidentTeamsTable: TableSpec<IncidentTeamRow> = {
  table: "incident_teams",
  columns: [
    column("incident_id", "int4", (row) => row.incidentId),
    column("team_id", "int4", (row) => row.teamId),
    column("incident_created_at", "timestamptz", (row) => timestamp(row.incidentCreatedAt)),
  ],
};

export function logEntriesTable(importRunId: number): TableSpec<LogEntryRow> {
  return {
    table: "incident_log_entries",
    columns: [
      column("id", "int4", (row) => row.id),
      column("pagerduty_id", "text", (row) => row.pagerdutyId),
      column("incident_id", "int4", (row) => row.incidentId),
      column("type", "text", (row) => row.type),
      column("at", "timestamptz", (row) => timestamp(row.at)),
      column("agent_type", "text", (row) => row.agentType),
      column("agent_pagerduty_id", "text", (row) => row.agentPagerdutyId),
      column("channel_type", "text", (row) => row.channelType),
      column("notification_type", "text", (row) => row.notificationType),
      column("person_id", "int4", (row) => row.personId),
      column("summary", "text", (row) => row.summary),
      column("import_run_id", "int4", () => importRunId),
    ],
  };
}

export const pagesTable: TableSpec<PageRow> = {
  table: "pages",
  columns: [
    column("id", "int4", (row) => row.id),
    column("person_id", "int4", (row) => row.personId),
    column("incident_id", "int4", (row) => row.incidentId),
    column("channel", "page_channel", (row) => row.channel),
    column("at", "timestamptz", (row) => timestamp(row.at)),
    column("log_entry_id", "int4", (row) => row.logEntryId),
  ],
};

export const timeInLieuPoliciesTable: TableSpec<TimeInLieuPolicyRow> = {
  table: "time_in_lieu_policies",
  columns: [
    column("id", "int4", (row) => row.id),
    column("team_id", "int4", (row) => row.teamId),
    column("effective_from", "timestamptz", (row) => timestamp(row.effectiveFrom)),
    column("minimum_off_minutes", "int4", (row) => row.minimumOffMinutes),
    column("minimum_sleep_minutes", "int4", (row) => row.minimumSleepMinutes),
    column("round_up_to_minutes", "int4", (row) => row.roundUpToMinutes),
    column("cap_minutes", "int4", (row) => row.capMinutes),
    column("weekend_multiplier_percent", "int4", (row) => row.weekendMultiplierPercent),
    column("holiday_multiplier_percent", "int4", (row) => row.holidayMultiplierPercent),
    column("expiry_days", "int4", (row) => row.expiryDays),
    column("created_at", "timestamptz", (row) => timestamp(row.effectiveFrom)),
  ],
};

export const timeInLieuEntriesTable: TableSpec<TimeInLieuEntryRow> = {
  table: "time_in_lieu_entries",
  columns: [
    column("id", "int4", (row) => row.id),
    column("person_id", "int4", (row) => row.personId),
    column("team_id", "int4", (row) => row.teamId),
    column("kind", "time_in_lieu_kind", (row) => row.kind),
    column("minutes", "int4", (row) => row.minutes),
    column("occurred_at", "timestamptz", (row) => timestamp(row.occurredAt)),
    column("status", "claim_status", (row) => row.status),
    column("note", "text", (row) => row.note),
    column("created_by", "text", (row) => row.createdBy),
    column("decided_by", "text", (row) => row.decidedBy),
    column("decided_at", "timestamptz", (row) => timestamp(row.decidedAt)),
    column("decision_note", "text", (row) => row.decisionNote),
    column("created_at", "timestamptz", (row) => timestamp(row.createdAt)),
    column("updated_at", "timestamptz", (row) => timestamp(row.updatedAt)),
  ],
};

/** Every table with a serial id the seed fills explicitly; their sequences are moved past it. */
export const SERIAL_TABLES = [
  "people",
  "teams",
  "escalation_policies",
  "schedules",
  "services",
  "import_runs",
  "on_call_shifts",
  "incidents",
  "incident_log_entries",
  "pages",
  "time_in_lieu_policies",
  "time_in_lieu_entries",
] as const;
