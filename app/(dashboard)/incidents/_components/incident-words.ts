import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { DetectionSource, IncidentStatus } from "@/lib/shared/incident-requests";

/** How the screens name things PagerDuty stores as identifiers. */

export const SOURCE_LABELS: Record<DetectionSource, string> = {
  monitoring: "Monitoring",
  customer: "Customer",
  staff: "Staff",
  unknown: "Unknown",
  test: "Paging test",
};

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  triggered: "Triggered",
  acknowledged: "Acknowledged",
  resolved: "Resolved",
};

const LOG_ENTRY_LABELS: Record<string, string> = {
  trigger_log_entry: "Triggered",
  acknowledge_log_entry: "Acknowledged",
  unacknowledge_log_entry: "Acknowledgement timed out",
  resolve_log_entry: "Resolved",
  reopen_log_entry: "Reopened",
  notify_log_entry: "Notified",
  assign_log_entry: "Assigned",
  unassign_log_entry: "Unassigned",
  escalate_log_entry: "Escalated",
  exhaust_escalation_path_log_entry: "Escalation path exhausted",
  repeat_escalation_path_log_entry: "Escalation path repeated",
  annotate_log_entry: "Note added",
  snooze_log_entry: "Snoozed",
  delegate_log_entry: "Reassigned",
  merge_log_entry: "Merged",
  link_log_entry: "Linked",
  priority_change_log_entry: "Priority changed",
  urgency_change_log_entry: "Urgency changed",
  status_update_log_entry: "Status update",
  responder_request_log_entry: "Responders requested",
  reach_trigger_limit_log_entry: "Trigger limit reached",
  reach_ack_limit_log_entry: "Acknowledgement limit reached",
  field_value_change_log_entry: "Field changed",
};

/** "notify_log_entry" → "Notified"; an unknown type in plain words ("foo_bar_log_entry" → "Foo bar"). */
export function logEntryTypeLabel(type: string): string {
  const known = LOG_ENTRY_LABELS[type];
  if (known) return known;
  const words = type
    .replace(/_log_entry$/, "")
    .replaceAll("_", " ")
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}

const CHANNEL_LABELS: Record<string, string> = {
  events_api: "Events API",
  events_api_v1: "Events API v1",
  events_api_v2: "Events API v2",
  api: "REST API",
  email: "email",
  web: "web app",
  web_trigger: "web app",
  website: "web app",
  mobile: "mobile app",
  mobile_app: "mobile app",
  auto: "automatic",
  timeout: "timeout",
  phone: "phone",
  sms: "SMS",
  sms_notification: "SMS",
  push: "push",
  push_notification: "push",
  note: "note",
  integration: "integration",
  other: "other",
};

/** A channel or notification type in words: "push_notification" → "push". */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel.toLowerCase()] ?? channel.replaceAll("_", " ");
}

/** Who acted: the agent's name when known, else what kind of agent it was. */
export function agentLabel(agentType: string | null, agentName: string | null): string | null {
  if (agentName) return agentName;
  if (!agentType) return null;
  if (agentType.endsWith("integration_reference")) return "an integration";
  if (agentType === "service_reference") return "a service";
  if (agentType === "user_reference") return "a person";
  if (agentType === "escalation_policy_reference") return "an escalation policy";
  return agentType.replace(/_reference$/, "").replaceAll("_", " ");
}

const STARTED_AT_SOURCES: Record<string, string> = {
  custom_field: "from a PagerDuty custom field",
  csv: "from a CSV import",
  manual: "entered in Fairshift",
};

export function startedAtSourceLabel(source: string | null): string | null {
  return source === null ? null : (STARTED_AT_SOURCES[source] ?? source);
}

/** An instant as a `datetime-local` input shows it on the wall clock of `timeZone`. */
export function toLocalInputValue(iso: string | null, timeZone: string): string {
  if (iso === null) return "";
  return format(new TZDate(new Date(iso).getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ss");
}
