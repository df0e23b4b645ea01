/**
 * PagerDuty's legacy Reports CSV: snake_case headers (`id, incident_number, description,
 * service_name, service_id, team_name, team_id, created_on, resolved_on, seconds_to_first_ack,
 * seconds_to_resolve, urgency, escalation_policy_name, acknowledged_by_user_names, …`).
 */
import { createColumnFinder } from "./csv-columns";
import type { CsvMapperFactory } from "./csv-format";
import { createIncidentRowMapper } from "./incident-row";
import { findRequiredColumns } from "./missing-columns";

/** Row mapper for a legacy Reports CSV, or why these headers are not one. */
export const createLegacyCsvMapper: CsvMapperFactory = (headers, options) => {
  const findColumn = createColumnFinder(headers);
  const find = (name: string) => findColumn([name]);
  const required = findRequiredColumns("a PagerDuty legacy Reports CSV", headers, {
    id: { display: "id", column: find("id") },
    title: { display: "description", column: find("description") },
    createdAt: { display: "created_on", column: find("created_on") },
  });
  if (!required.ok) return required;
  // acknowledged_by_user_names and assigned_to_user_names name people but carry no times, so
  // they say nothing a log entry or shift record could hold.
  const mapRow = createIncidentRowMapper(
    {
      ...required.columns,
      number: find("incident_number"),
      service: find("service_name"),
      serviceId: find("service_id"),
      team: find("team_name"),
      teamId: find("team_id"),
      escalationPolicy: find("escalation_policy_name"),
      escalationPolicyId: find("escalation_policy_id"),
      urgency: find("urgency"),
      priority: find("priority_name") ?? find("priority"),
      status: find("status"),
      acknowledgedAt: null,
      resolvedAt: find("resolved_on"),
      secondsToFirstAck: find("seconds_to_first_ack"),
      secondsToResolve: find("seconds_to_resolve"),
      startedAt: null,
      detectionSource: null,
    },
    options.timeZone,
  );
  return { ok: true, mapRow };
};
