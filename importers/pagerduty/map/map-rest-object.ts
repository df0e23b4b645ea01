/**
 * One object from a REST page, a JSON dump or an Analytics export → records. The caller says which
 * array the object came from; a bare object's kind is read from its `type` or, failing that, its
 * shape.
 */
import { PAGERDUTY_LIST_KEYS } from "../records";
import { describeJson, isJsonObject } from "./json-fields";
import { isLogEntryType } from "./log-entry-types";
import {
  ANALYTICS_AGGREGATE_REASON,
  isAnalyticsAggregateRow,
  isAnalyticsIncidentRow,
  isAnalyticsResponderRow,
  mapAnalyticsIncident,
} from "./map-analytics-incident";
import { mapEscalationPolicy } from "./map-escalation-policy";
import { mapIncident } from "./map-incident";
import { mapLogEntry } from "./map-log-entry";
import { mapOncall } from "./map-oncall";
import { mapSchedule } from "./map-schedule";
import { mapService } from "./map-service";
import { mapTeam } from "./map-team";
import { mapUser } from "./map-user";
import { type MappedObject, type RestObjectContext, rejectedObject } from "./mapped-object";

export type { MappedObject, RestObjectContext } from "./mapped-object";

type ObjectKind =
  | "incident"
  | "log_entry"
  | "oncall"
  | "user"
  | "service"
  | "team"
  | "schedule"
  | "escalation_policy"
  | "analytics";

const KINDS_BY_RESOURCE_KEY: Record<string, ObjectKind> = {
  incidents: "incident",
  incident: "incident",
  log_entries: "log_entry",
  log_entry: "log_entry",
  oncalls: "oncall",
  oncall: "oncall",
  users: "user",
  user: "user",
  services: "service",
  service: "service",
  teams: "team",
  team: "team",
  schedules: "schedule",
  schedule: "schedule",
  escalation_policies: "escalation_policy",
  escalation_policy: "escalation_policy",
  data: "analytics",
};

const KINDS_BY_TYPE: Record<string, ObjectKind> = {
  incident: "incident",
  user: "user",
  service: "service",
  team: "team",
  schedule: "schedule",
  escalation_policy: "escalation_policy",
};

/** The kind of a bare object: its `type`, else the keys only one kind has. */
function inferKind(value: Record<string, unknown>): ObjectKind | null {
  if (typeof value.type === "string") {
    if (isLogEntryType(value.type) && !value.type.endsWith("_reference")) return "log_entry";
    return KINDS_BY_TYPE[value.type] ?? null;
  }
  if ("escalation_level" in value && "start" in value && "end" in value) return "oncall";
  if (
    isAnalyticsResponderRow(value) ||
    isAnalyticsIncidentRow(value) ||
    isAnalyticsAggregateRow(value)
  ) {
    return "analytics";
  }
  return null;
}

function mapKind(kind: ObjectKind, value: unknown, context: RestObjectContext): MappedObject {
  switch (kind) {
    case "incident":
      return mapIncident(value, context);
    case "log_entry":
      return mapLogEntry(value, context);
    case "oncall":
      return mapOncall(value, context);
    case "user":
      return mapUser(value);
    case "service":
      return mapService(value);
    case "team":
      return mapTeam(value);
    case "schedule":
      return mapSchedule(value, context);
    case "escalation_policy":
      return mapEscalationPolicy(value);
    case "analytics":
      return mapAnalyticsIncident(value, context);
  }
}

const LIST_KEYS = [...PAGERDUTY_LIST_KEYS, "data"];

/** Maps one PagerDuty object. Never throws: what cannot be read comes back as rejections. */
export function mapRestObject(value: unknown, context: RestObjectContext): MappedObject {
  if (!isJsonObject(value)) {
    const where = context.resourceKey ? ` in "${context.resourceKey}"` : "";
    return rejectedObject(`${describeJson(value)}${where} is not a PagerDuty object`);
  }
  const keyKind = context.resourceKey === null ? null : KINDS_BY_RESOURCE_KEY[context.resourceKey];
  if (keyKind) return mapKind(keyKind, value, context);
  const kind = inferKind(value);
  if (kind) return mapKind(kind, value, context);
  if (isAnalyticsAggregateRow(value)) return rejectedObject(ANALYTICS_AGGREGATE_REASON);
  const type = typeof value.type === "string" ? ` of type "${value.type}"` : "";
  const where = context.resourceKey ? ` under "${context.resourceKey}"` : "";
  return rejectedObject(
    `an object${type}${where} is not one Fairshift imports: expected ${LIST_KEYS.join(", ")}`,
  );
}
