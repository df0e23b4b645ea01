import type { DetectionSource } from "@/lib/metrics/detection-source";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import {
  INCIDENTS_PER_PAGE,
  type IncidentListQuery,
  type IncidentStatus,
} from "@/lib/shared/incident-requests";
import { reportRange } from "@/lib/shared/report-filters";
import { Prisma } from "@/prisma/generated/client/client";
import { incidentDurationColumnsSql } from "../sql/incident-durations";
import { incidentScopeSql } from "../sql/incident-scope";

/** One line of the incident list. */
export interface IncidentListRow {
  id: number;
  pagerdutyId: string;
  number: number | null;
  title: string;
  serviceName: string | null;
  urgency: "high" | "low";
  status: IncidentStatus;
  detectionSource: DetectionSource;
  createdAt: string;
  /**
   * Acknowledged/resolved − created in seconds, as MTTA/MTTR count it: null when not
   * acknowledged/resolved, a paging test, resolved by merge, or negative (clock skew).
   */
  timeToAcknowledgeSeconds: number | null;
  timeToResolveSeconds: number | null;
  /** Notifications sent for the incident, every channel. */
  pages: number;
}

export interface IncidentListPage {
  range: { from: string; to: string; timeZone: string };
  incidents: IncidentListRow[];
  /** Incidents matching every filter, on all pages. */
  total: number;
  page: number;
  pageSize: number;
}

type ListRecord = Omit<IncidentListRow, "createdAt"> & { createdAt: Date };

// `ILIKE` treats %, _ and the escape character \ specially; a search is for the text as typed.
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * `#1234` is the incident number; other text matches titles (as typed, any case), a PagerDuty id
 * (any case) or, when it is digits, the number. A title search reads every incident in the
 * range (about 0.8 s for a quarter of 560 k; a team or service narrows it first).
 */
function searchSql(q: string): Prisma.Sql {
  const hashNumber = /^#(\d{1,9})$/.exec(q);
  if (hashNumber) return Prisma.sql`i.number = ${Number(hashNumber[1])}`;
  const conditions = [
    Prisma.sql`i.title ILIKE ${`%${escapeLike(q)}%`}`,
    Prisma.sql`lower(i.pagerduty_id) = lower(${q})`,
  ];
  // Incident numbers are int4; longer digit strings can only be titles or ids.
  if (/^\d{1,9}$/.test(q)) conditions.push(Prisma.sql`i.number = ${Number(q)}`);
  return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
}

function whereSql(query: IncidentListQuery): Prisma.Sql {
  // The same scope as the incident metrics, so the list's total is their count + excludedTests.
  const conditions = [incidentScopeSql(query)];
  if (query.status) conditions.push(Prisma.sql`i.status = ${query.status}::incident_status`);
  if (query.source) {
    conditions.push(Prisma.sql`i.detection_source = ${query.source}::detection_source`);
  }
  if (query.q) conditions.push(searchSql(query.q));
  return Prisma.join(conditions, " AND ");
}

/**
 * A page of the incidents created in the range (test incidents included, marked by their
 * source), newest first, with the total for "Showing 1–50 of N". Both reads use the
 * created_at index (or the team, service and detection-source indexes) within the range; the
 * page's columns, service names and page counts are looked up for its 50 rows only.
 */
export async function listIncidents(
  db: PrismaClient,
  query: IncidentListQuery,
): Promise<IncidentListPage> {
  const where = whereSql(query);
  const offset = (query.page - 1) * INCIDENTS_PER_PAGE;
  // With a team or a service the planner walks the created_at index backwards, probing every
  // row for the scope: a small team's first page read the whole quarter (2.5 s on 3 M
  // incidents). Their own indexes find the scoped rows directly, so those are gathered first
  // and sorted (≤ 50 ms for the largest bench team, like the count). Without them the walk
  // stops after one page.
  const pageIds =
    query.team !== undefined || query.service !== undefined
      ? Prisma.sql`
        WITH scoped AS MATERIALIZED (SELECT i.id, i.created_at FROM incidents i WHERE ${where})
        SELECT id FROM scoped
        ORDER BY created_at DESC, id DESC
        LIMIT ${INCIDENTS_PER_PAGE} OFFSET ${offset}`
      : Prisma.sql`
        SELECT i.id FROM incidents i
        WHERE ${where}
        ORDER BY i.created_at DESC, i.id DESC
        LIMIT ${INCIDENTS_PER_PAGE} OFFSET ${offset}`;
  const [records, totals] = await Promise.all([
    db.$queryRaw<ListRecord[]>(Prisma.sql`
      SELECT
        i.id,
        i.pagerduty_id AS "pagerdutyId",
        i.number,
        i.title,
        s.name AS "serviceName",
        i.urgency::text AS urgency,
        i.status::text AS status,
        i.detection_source::text AS "detectionSource",
        i.created_at AS "createdAt",
        d.mtta AS "timeToAcknowledgeSeconds",
        d.mttr AS "timeToResolveSeconds",
        (SELECT count(*) FROM pages g WHERE g.incident_id = i.id)::int AS pages
      FROM (${pageIds}) page
      JOIN incidents i ON i.id = page.id
      CROSS JOIN LATERAL (SELECT ${incidentDurationColumnsSql}) d
      LEFT JOIN services s ON s.id = i.service_id
      ORDER BY i.created_at DESC, i.id DESC`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`
      SELECT count(*)::int AS total FROM incidents i WHERE ${where}`),
  ]);
  return {
    range: reportRange(query),
    incidents: records.map(({ createdAt, ...row }) => ({
      ...row,
      createdAt: createdAt.toISOString(),
    })),
    total: totals[0]?.total ?? 0,
    page: query.page,
    pageSize: INCIDENTS_PER_PAGE,
  };
}
