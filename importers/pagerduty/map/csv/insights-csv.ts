/**
 * PagerDuty Analytics/Insights "Export CSV": display-name headers (`Incident ID`, `Created at`,
 * `TTA`, …). No genuine export was found (fixtures README), so the synonyms come from PagerDuty's
 * documented column and Analytics field names and err on the side of accepting more.
 */
import { createColumnFinder } from "./csv-columns";
import type { CsvMapperFactory } from "./csv-format";
import { createIncidentRowMapper } from "./incident-row";
import { findRequiredColumns } from "./missing-columns";

/** Header spellings per field, compared after `normaliseHeader` (case, spaces, `_`, BOM). */
export const INSIGHTS_HEADERS = {
  id: ["Incident ID", "ID"],
  title: ["Title", "Description", "Incident Title", "Incident Description", "Summary"],
  createdAt: ["Created at", "Created On", "Created", "Incident Created At", "Opened at"],
  number: ["Incident Number", "Number", "Incident #"],
  service: ["Service Name", "Service"],
  serviceId: ["Service ID"],
  team: ["Team Name", "Team", "Teams", "Team Names"],
  teamId: ["Team ID", "Team IDs"],
  escalationPolicy: ["Escalation Policy", "Escalation Policy Name"],
  escalationPolicyId: ["Escalation Policy ID"],
  urgency: ["Urgency", "Incident Urgency"],
  priority: ["Priority", "Priority Name", "Incident Priority"],
  status: ["Status", "Incident Status"],
  acknowledgedAt: ["Acknowledged at", "Acknowledged On", "First Acknowledged at"],
  resolvedAt: ["Resolved at", "Resolved On", "Resolved", "Incident Resolved At"],
  secondsToFirstAck: [
    "TTA",
    "TTA (seconds)",
    "Seconds to First Ack",
    "Seconds to First Acknowledgement",
    "Seconds to First Acknowledgment",
    "Time to First Ack",
    "Time to Acknowledge",
  ],
  secondsToResolve: [
    "TTR",
    "TTR (seconds)",
    "Seconds to Resolve",
    "Seconds to Resolution",
    "Time to Resolve",
  ],
  startedAt: ["Impact Started At", "Impact Start", "Started at"],
  detectionSource: ["Detection Source"],
} as const;

/** Row mapper for an Insights export, or why these headers are not one. */
export const createInsightsCsvMapper: CsvMapperFactory = (headers, options) => {
  const find = createColumnFinder(headers);
  const required = findRequiredColumns("a PagerDuty Insights CSV", headers, {
    id: { display: "Incident ID", column: find(INSIGHTS_HEADERS.id) },
    title: { display: "Title", column: find(INSIGHTS_HEADERS.title) },
    createdAt: { display: "Created at", column: find(INSIGHTS_HEADERS.createdAt) },
  });
  if (!required.ok) return required;
  const mapRow = createIncidentRowMapper(
    {
      ...required.columns,
      number: find(INSIGHTS_HEADERS.number),
      service: find(INSIGHTS_HEADERS.service),
      serviceId: find(INSIGHTS_HEADERS.serviceId),
      team: find(INSIGHTS_HEADERS.team),
      teamId: find(INSIGHTS_HEADERS.teamId),
      escalationPolicy: find(INSIGHTS_HEADERS.escalationPolicy),
      escalationPolicyId: find(INSIGHTS_HEADERS.escalationPolicyId),
      urgency: find(INSIGHTS_HEADERS.urgency),
      priority: find(INSIGHTS_HEADERS.priority),
      status: find(INSIGHTS_HEADERS.status),
      acknowledgedAt: find(INSIGHTS_HEADERS.acknowledgedAt),
      resolvedAt: find(INSIGHTS_HEADERS.resolvedAt),
      secondsToFirstAck: find(INSIGHTS_HEADERS.secondsToFirstAck),
      secondsToResolve: find(INSIGHTS_HEADERS.secondsToResolve),
      startedAt: find(INSIGHTS_HEADERS.startedAt),
      detectionSource: find(INSIGHTS_HEADERS.detectionSource),
    },
    options.timeZone,
  );
  return { ok: true, mapRow };
};
