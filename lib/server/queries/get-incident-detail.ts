import type { DetectionSource } from "@/lib/metrics/detection-source";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { IncidentStatus } from "@/lib/shared/incident-requests";
import { Prisma } from "@/prisma/generated/client/client";
import { incidentDurationColumnsSql } from "../sql/incident-durations";

/** One of the clock's durations: seconds as MTTD/MTTA/MTTR count it, or why it does not count. */
export interface IncidentDuration {
  seconds: number | null;
  /** Set when seconds is null: "no impact start recorded", "paging test: …", … */
  reason: string | null;
}

export interface IncidentClock {
  startedAt: string | null;
  /** custom_field, csv or manual; null when there is no impact start. */
  startedAtSource: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolvedByMerge: boolean;
  mergedIntoPagerdutyId: string | null;
  /** Created − impact start (MTTD). */
  timeToDetect: IncidentDuration;
  /** Acknowledged − created (MTTA). */
  timeToAcknowledge: IncidentDuration;
  /** Resolved − created (MTTR). */
  timeToResolve: IncidentDuration;
}

/** A log entry, or a page that no log entry stands for, in the incident's timeline. */
export interface IncidentTimelineItem {
  kind: "log_entry" | "page";
  /** "log_entry:<id>" or "page:<id>": unique within the timeline. */
  key: string;
  at: string;
  /** PagerDuty log entry type (trigger_log_entry, …); null for a page. */
  type: string | null;
  /** user_reference, service_reference, …; null when the entry names no agent. */
  agentType: string | null;
  /** The agent's name when it is a known person or service. */
  agentName: string | null;
  /** The person the entry is about: notified, or acting (acknowledge, resolve, assign). */
  personName: string | null;
  /** channel.type of the entry (api, website, auto, …). */
  channel: string | null;
  /** How a notification was sent (phone, sms, push_notification, email). */
  notificationType: string | null;
  /** Set when this entry (or page) counted as a page: its channel. */
  pageChannel: string | null;
  summary: string | null;
  /** A stand-in written from a webhook event until the REST log replaces it. */
  isFromWebhook: boolean;
}

export interface IncidentDetail {
  id: number;
  pagerdutyId: string;
  number: number | null;
  title: string;
  /** PagerDuty's web page of the incident (`html_url` of the stored payload), when known. */
  htmlUrl: string | null;
  service: { name: string; pagerdutyId: string | null } | null;
  teams: string[];
  urgency: "high" | "low";
  priority: string | null;
  status: IncidentStatus;
  /** Known only from log entries so far; the incident record has not been imported. */
  isPlaceholder: boolean;
  clock: IncidentClock;
  detection: {
    source: DetectionSource;
    /** The rule that chose the source, in words. */
    rule: string;
    override: DetectionSource | null;
    /** A source the imported data itself stated. */
    reported: DetectionSource | null;
  };
  timeline: IncidentTimelineItem[];
  /** The incident has more log entries or pages than the timeline lists. */
  timelineTruncated: boolean;
}

/** Most incidents have a dozen entries; a runaway re-notification loop may have thousands. */
export const TIMELINE_LIMIT = 1_000;

interface IncidentRecord {
  id: number;
  pagerdutyId: string;
  number: number | null;
  title: string;
  htmlUrl: string | null;
  serviceName: string | null;
  servicePagerdutyId: string | null;
  teams: string[];
  urgency: "high" | "low";
  priority: string | null;
  status: IncidentStatus;
  isPlaceholder: boolean;
  startedAt: Date | null;
  startedAtSource: string | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  resolvedByMerge: boolean;
  mergedIntoPagerdutyId: string | null;
  detectionSource: DetectionSource;
  detectionRule: string;
  detectionOverride: DetectionSource | null;
  reportedDetectionSource: DetectionSource | null;
  mttd: number | null;
  mtta: number | null;
  mttr: number | null;
}

type TimelineRecord = Omit<IncidentTimelineItem, "kind" | "key" | "at"> & {
  id: number;
  at: Date;
};

// Incident ids are int4; any other text can only be a PagerDuty id.
const databaseIdPattern = /^\d{1,9}$/;

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

const TEST_REASON = "paging test: left out of every measure";
const MERGE_REASON = "resolved by merge: left out of MTTA and MTTR";

/** Why a duration the SQL left out does not count, in the order the SQL decides it. */
export function clockReasons(
  incident: Pick<
    IncidentRecord,
    | "startedAt"
    | "createdAt"
    | "acknowledgedAt"
    | "resolvedAt"
    | "resolvedByMerge"
    | "status"
    | "detectionSource"
  >,
): { detect: string; acknowledge: string; resolve: string } {
  const isTest = incident.detectionSource === "test";
  const created = incident.createdAt.getTime();
  const detect = isTest
    ? TEST_REASON
    : incident.startedAt === null
      ? "no impact start recorded"
      : incident.startedAt.getTime() > created
        ? "impact start is after creation: left out as a data error"
        : "";
  const after = (label: string, at: Date | null, missing: string) =>
    isTest
      ? TEST_REASON
      : incident.resolvedByMerge
        ? MERGE_REASON
        : at === null
          ? missing
          : at.getTime() < created
            ? `${label} before creation (clock skew): left out`
            : "";
  return {
    detect,
    acknowledge: after(
      "acknowledged",
      incident.acknowledgedAt,
      incident.status === "resolved"
        ? "resolved without an acknowledgement"
        : "not acknowledged yet",
    ),
    resolve: after("resolved", incident.resolvedAt, "not resolved yet"),
  };
}

const duration = (seconds: number | null, reason: string): IncidentDuration =>
  seconds === null ? { seconds: null, reason: reason || "not counted" } : { seconds, reason: null };

// Within one instant the trigger comes first and the resolve last, as they happened.
const TYPE_ORDER: Record<string, number> = { trigger_log_entry: 0, resolve_log_entry: 2 };
const typeOrder = (item: IncidentTimelineItem) =>
  item.type === null ? 1 : (TYPE_ORDER[item.type] ?? 1);

/**
 * One incident by its Fairshift id, or by its PagerDuty id (any text that is not a Fairshift id
 * is looked up as one); null when neither matches. The durations come from the same SQL as the
 * incident metrics, so the clock shows exactly what MTTD/MTTA/MTTR count for it.
 */
export async function getIncidentDetail(
  db: PrismaClient,
  identifier: string | number,
): Promise<IncidentDetail | null> {
  const text = String(identifier).trim();
  // PostgreSQL refuses a NUL in a text parameter; no incident has one in its id.
  if (text.includes("\u0000")) return null;
  const id = databaseIdPattern.test(text) ? Number(text) : null;
  const records = await db.$queryRaw<IncidentRecord[]>(Prisma.sql`
    SELECT
      i.id,
      i.pagerduty_id AS "pagerdutyId",
      i.number,
      i.title,
      CASE WHEN jsonb_typeof(i.raw->'html_url') = 'string' THEN i.raw->>'html_url' END AS "htmlUrl",
      s.name AS "serviceName",
      s.pagerduty_id AS "servicePagerdutyId",
      ARRAY(SELECT t.name FROM incident_teams it JOIN teams t ON t.id = it.team_id
            WHERE it.incident_id = i.id ORDER BY lower(t.name)) AS teams,
      i.urgency::text AS urgency,
      i.priority,
      i.status::text AS status,
      i.is_placeholder AS "isPlaceholder",
      i.started_at AS "startedAt",
      i.started_at_source AS "startedAtSource",
      i.created_at AS "createdAt",
      i.acknowledged_at AS "acknowledgedAt",
      i.resolved_at AS "resolvedAt",
      i.resolved_by_merge AS "resolvedByMerge",
      i.merged_into_pagerduty_id AS "mergedIntoPagerdutyId",
      i.detection_source::text AS "detectionSource",
      i.detection_rule AS "detectionRule",
      i.detection_override::text AS "detectionOverride",
      i.reported_detection_source::text AS "reportedDetectionSource",
      ${incidentDurationColumnsSql}
    FROM incidents i
    LEFT JOIN services s ON s.id = i.service_id
    WHERE i.id = ${id} OR i.pagerduty_id = ${text}
    -- A PagerDuty id made of digits could equal another incident's Fairshift id: the id wins.
    ORDER BY (i.id = ${id}) DESC NULLS LAST
    LIMIT 1`);
  const incident = records[0];
  if (!incident) return null;

  const [entries, pages] = await Promise.all([
    db.$queryRaw<TimelineRecord[]>(Prisma.sql`
      SELECT
        e.id,
        e.at,
        e.type,
        e.agent_type AS "agentType",
        coalesce(agent_person.name, agent_service.name) AS "agentName",
        p.name AS "personName",
        e.channel_type AS channel,
        e.notification_type AS "notificationType",
        g.channel::text AS "pageChannel",
        e.summary,
        e.is_from_webhook AS "isFromWebhook"
      FROM incident_log_entries e
      LEFT JOIN people p ON p.id = e.person_id
      LEFT JOIN people agent_person
        ON e.agent_type = 'user_reference' AND agent_person.pagerduty_id = e.agent_pagerduty_id
      LEFT JOIN services agent_service
        ON e.agent_type = 'service_reference' AND agent_service.pagerduty_id = e.agent_pagerduty_id
      LEFT JOIN pages g ON g.log_entry_id = e.id
      WHERE e.incident_id = ${incident.id}
      ORDER BY e.at, e.id
      LIMIT ${TIMELINE_LIMIT + 1}`),
    // Pages made from a log entry are shown on that entry; these are the ones without one.
    db.$queryRaw<TimelineRecord[]>(Prisma.sql`
      SELECT
        g.id,
        g.at,
        NULL::text AS type,
        NULL::text AS "agentType",
        NULL::text AS "agentName",
        p.name AS "personName",
        NULL::text AS channel,
        NULL::text AS "notificationType",
        g.channel::text AS "pageChannel",
        NULL::text AS summary,
        false AS "isFromWebhook"
      FROM pages g
      JOIN people p ON p.id = g.person_id
      WHERE g.incident_id = ${incident.id} AND g.log_entry_id IS NULL
      ORDER BY g.at, g.id
      LIMIT ${TIMELINE_LIMIT + 1}`),
  ]);
  const timeline = [
    ...entries.map(({ id: itemId, at, ...entry }) => ({
      ...entry,
      kind: "log_entry" as const,
      key: `log_entry:${itemId}`,
      at: at.toISOString(),
    })),
    ...pages.map(({ id: itemId, at, ...page }) => ({
      ...page,
      kind: "page" as const,
      key: `page:${itemId}`,
      at: at.toISOString(),
    })),
  ].sort(
    (left, right) =>
      left.at.localeCompare(right.at) ||
      typeOrder(left) - typeOrder(right) ||
      left.key.localeCompare(right.key, "en", { numeric: true }),
  );

  const reasons = clockReasons(incident);
  return {
    id: incident.id,
    pagerdutyId: incident.pagerdutyId,
    number: incident.number,
    title: incident.title,
    htmlUrl: incident.htmlUrl,
    service:
      incident.serviceName === null
        ? null
        : { name: incident.serviceName, pagerdutyId: incident.servicePagerdutyId },
    teams: incident.teams,
    urgency: incident.urgency,
    priority: incident.priority,
    status: incident.status,
    isPlaceholder: incident.isPlaceholder,
    clock: {
      startedAt: iso(incident.startedAt),
      startedAtSource: incident.startedAtSource,
      createdAt: incident.createdAt.toISOString(),
      acknowledgedAt: iso(incident.acknowledgedAt),
      resolvedAt: iso(incident.resolvedAt),
      resolvedByMerge: incident.resolvedByMerge,
      mergedIntoPagerdutyId: incident.mergedIntoPagerdutyId,
      timeToDetect: duration(incident.mttd, reasons.detect),
      timeToAcknowledge: duration(incident.mtta, reasons.acknowledge),
      timeToResolve: duration(incident.mttr, reasons.resolve),
    },
    detection: {
      source: incident.detectionSource,
      rule: incident.detectionRule,
      override: incident.detectionOverride,
      reported: incident.reportedDetectionSource,
    },
    timeline: timeline.slice(0, TIMELINE_LIMIT),
    timelineTruncated:
      entries.length > TIMELINE_LIMIT ||
      pages.length > TIMELINE_LIMIT ||
      timeline.length > TIMELINE_LIMIT,
  };
}
