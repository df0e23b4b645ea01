import type { TimeInLieuPolicy } from "@/lib/metrics/time-in-lieu";
import type { PageChannel } from "./organisation-types";

/** Rows as the generators emit them: instants are epoch milliseconds, null where SQL has NULL. */

export type DetectionSource = "monitoring" | "customer" | "staff" | "unknown" | "test";

/** How a seeded incident was triggered, as `incidents.trigger_channel` stores it. */
export type TriggerChannel = "events_api" | "email" | "web";

/**
 * The trigger log entry's agent type for each channel, as PagerDuty names it; written to
 * `incidents.trigger_agent_type` and used when classifying the detection source.
 */
export const TRIGGER_AGENT_TYPES: Readonly<Record<TriggerChannel, string>> = {
  events_api: "generic_events_api_inbound_integration_reference",
  email: "email_inbound_integration_reference",
  web: "user_reference",
};

export interface IncidentRow {
  id: number;
  pagerdutyId: string;
  number: number;
  title: string;
  serviceId: number;
  urgency: "high" | "low";
  priority: string | null;
  status: "triggered" | "acknowledged" | "resolved";
  incidentKey: string | null;
  startedAt: number | null;
  startedAtSource: string | null;
  createdAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  statusChangedAt: number;
  resolvedByMerge: boolean;
  mergedIntoPagerdutyId: string | null;
  triggerChannel: TriggerChannel;
  detectionSource: DetectionSource;
  detectionRule: string;
}

export interface IncidentTeamRow {
  incidentId: number;
  teamId: number;
  incidentCreatedAt: number;
}

export interface LogEntryRow {
  id: number;
  pagerdutyId: string;
  incidentId: number;
  type: string;
  at: number;
  agentType: string | null;
  agentPagerdutyId: string | null;
  channelType: string | null;
  notificationType: string | null;
  personId: number | null;
  summary: string;
}

export interface PageRow {
  id: number;
  personId: number;
  incidentId: number;
  channel: PageChannel;
  at: number;
  logEntryId: number;
}

/** Where generated incident rows go: the database writer, or an array in a test. */
export interface IncidentSink {
  incident(row: IncidentRow): void;
  incidentTeam(row: IncidentTeamRow): void;
  logEntry(row: LogEntryRow): void;
  page(row: PageRow): void;
}

export interface TimeInLieuEntryRow {
  id: number;
  personId: number;
  teamId: number;
  kind: "claim" | "adjustment";
  minutes: number;
  occurredAt: number;
  status: "pending" | "approved" | "rejected" | null;
  note: string;
  createdBy: string;
  decidedBy: string | null;
  decidedAt: number | null;
  decisionNote: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface TimeInLieuPolicyRow extends TimeInLieuPolicy {
  id: number;
  teamId: number | null;
  effectiveFrom: number;
}
