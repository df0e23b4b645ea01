import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { type PageChannel, Prisma } from "@/prisma/generated/client/client";
import { type IncidentScope, incidentScopeSql } from "../sql/incident-scope";

export interface PagingTestPage {
  personId: number;
  name: string;
  email: string | null;
  channel: PageChannel;
  at: Date;
}

export interface PagingTest {
  incidentId: number;
  pagerdutyId: string;
  title: string;
  serviceName: string | null;
  createdAt: Date;
  /** The incident's first acknowledgement; null when nobody acknowledged it. */
  acknowledgedAt: Date | null;
  /**
   * Who acknowledged first, from the first acknowledge log entry; null without one (a CSV import
   * has no log entries). personId and name are null when the acknowledger was never imported.
   */
  acknowledgedBy: {
    personId: number | null;
    name: string | null;
    pagerdutyId: string | null;
  } | null;
  /** The first page of the test; null when no page was recorded. */
  firstPageAt: Date | null;
  /** From the first page to the acknowledgement; null unless both are known and in that order. */
  secondsToAcknowledge: number | null;
  /** Every page, in the order they were sent. */
  pages: PagingTestPage[];
}

export interface PagingTestPerson {
  personId: number;
  name: string;
  email: string | null;
  /** Paging tests that paged this person. */
  tests: number;
  /** Of those, the tests this person acknowledged. */
  acknowledged: number;
  /** Median from the person's first page of a test to their acknowledgement; null when none. */
  medianSecondsToAcknowledge: number | null;
}

export interface PagingTests {
  tests: PagingTest[];
  people: PagingTestPerson[];
}

type TestRow = Omit<PagingTest, "acknowledgedBy" | "pages"> & {
  acknowledgedByPersonId: number | null;
  acknowledgedByName: string | null;
  acknowledgedByPagerdutyId: string | null;
  hasAcknowledgeEntry: boolean;
};

type PageRow = PagingTestPage & { incidentId: number };

/**
 * Paging-test readiness (PRODUCT.md "Paging tests"): the test incidents created in scope, who
 * each one paged and how fast it was acknowledged, and per person how many tests paged them,
 * how many they acknowledged and their median time to acknowledge.
 */
export async function listPagingTests(
  db: PrismaClient,
  scope: IncidentScope,
): Promise<PagingTests> {
  const tests = Prisma.sql`
    SELECT i.id FROM incidents i
    WHERE ${incidentScopeSql(scope)} AND i.detection_source = 'test'`;
  const [testRows, pageRows, people] = await Promise.all([
    db.$queryRaw<TestRow[]>(Prisma.sql`
      SELECT
        i.id AS "incidentId",
        i.pagerduty_id AS "pagerdutyId",
        i.title,
        s.name AS "serviceName",
        i.created_at AS "createdAt",
        i.acknowledged_at AS "acknowledgedAt",
        first_ack.id IS NOT NULL AS "hasAcknowledgeEntry",
        first_ack.person_id AS "acknowledgedByPersonId",
        acknowledger.name AS "acknowledgedByName",
        coalesce(acknowledger.pagerduty_id, first_ack.agent_pagerduty_id) AS "acknowledgedByPagerdutyId",
        first_page.at AS "firstPageAt",
        CASE WHEN i.acknowledged_at >= first_page.at
          THEN extract(epoch FROM i.acknowledged_at - first_page.at)::float8 END AS "secondsToAcknowledge"
      FROM incidents i
      LEFT JOIN services s ON s.id = i.service_id
      LEFT JOIN LATERAL (
        SELECT e.id, e.person_id, e.agent_pagerduty_id FROM incident_log_entries e
        WHERE e.incident_id = i.id AND e.type = 'acknowledge_log_entry'
        ORDER BY e.at, e.id LIMIT 1
      ) first_ack ON true
      LEFT JOIN people acknowledger ON acknowledger.id = first_ack.person_id
      LEFT JOIN LATERAL (SELECT min(p.at) AS at FROM pages p WHERE p.incident_id = i.id) first_page ON true
      WHERE i.id IN (${tests})
      ORDER BY i.created_at, i.id`),
    db.$queryRaw<PageRow[]>(Prisma.sql`
      SELECT p.incident_id AS "incidentId", p.person_id AS "personId", pe.name, pe.email,
        p.channel::text AS channel, p.at
      FROM pages p JOIN people pe ON pe.id = p.person_id
      WHERE p.incident_id IN (${tests})
      ORDER BY p.incident_id, p.at, p.id`),
    db.$queryRaw<PagingTestPerson[]>(Prisma.sql`
      WITH paged AS (
        SELECT p.person_id, p.incident_id, min(p.at) AS first_paged_at
        FROM pages p
        WHERE p.incident_id IN (${tests})
        GROUP BY p.person_id, p.incident_id
      ),
      answered AS (
        SELECT paged.person_id, paged.first_paged_at, (
          SELECT min(e.at) FROM incident_log_entries e
          WHERE e.incident_id = paged.incident_id AND e.person_id = paged.person_id
            AND e.type = 'acknowledge_log_entry'
        ) AS acknowledged_at
        FROM paged
      )
      SELECT
        pe.id AS "personId", pe.name, pe.email,
        count(*)::int AS tests,
        count(a.acknowledged_at)::int AS acknowledged,
        -- An acknowledgement before the person's first page is a data error, left out like any
        -- negative duration.
        percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN a.acknowledged_at >= a.first_paged_at
          THEN extract(epoch FROM a.acknowledged_at - a.first_paged_at)::float8 END
        ) AS "medianSecondsToAcknowledge"
      FROM answered a JOIN people pe ON pe.id = a.person_id
      GROUP BY pe.id, pe.name, pe.email
      ORDER BY pe.name, pe.id`),
  ]);
  const pagesByIncident = new Map<number, PagingTestPage[]>();
  for (const { incidentId, ...page } of pageRows) {
    const pages = pagesByIncident.get(incidentId);
    if (pages) pages.push(page);
    else pagesByIncident.set(incidentId, [page]);
  }
  return {
    tests: testRows.map(
      ({
        hasAcknowledgeEntry,
        acknowledgedByPersonId,
        acknowledgedByName,
        acknowledgedByPagerdutyId,
        ...test
      }) => ({
        ...test,
        acknowledgedBy: hasAcknowledgeEntry
          ? {
              personId: acknowledgedByPersonId,
              name: acknowledgedByName,
              pagerdutyId: acknowledgedByPagerdutyId,
            }
          : null,
        pages: pagesByIncident.get(test.incidentId) ?? [],
      }),
    ),
    people,
  };
}
