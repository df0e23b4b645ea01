import { availableParallelism } from "node:os";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { recomputeDetectionSources } from "@/lib/server/detection/recompute-detection-sources";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { deriveTimeInLieuAccruals } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { Prisma } from "@/prisma/generated/client/client";
import { IdSet } from "../../shared/id-set";
import { inParallel } from "../../shared/in-parallel";
import { pageChannelSql } from "./page-channel";
import type { SqlClient } from "./sql-client";

export interface DerivedFacts {
  incidents: number;
  /** Notify entries tied to a person by the name in their summary. */
  peopleResolved: number;
  pagesWritten: number;
  detectionChanged: number;
  accrualsWritten: number;
}

export interface DeriveOptions {
  /** Also retry every notify entry still without a person (after people were added or renamed). */
  retryUnresolvedNotifications: boolean;
  onProgress?: (step: string) => void;
}

const CHUNK = 5_000;
/**
 * Chunks (and groups of people) derived at once, each on a connection of its own: the derivation
 * is PostgreSQL's work, one statement runs on one core, and the chunks write disjoint rows (their
 * own incidents, log entries, pages and teams; each group its own people's time in lieu).
 */
const DERIVE_LANES = Math.min(4, availableParallelism());
// Call-outs near the edge of the changed span may join pages just outside it.
const ACCRUAL_MARGIN_MS = 86_400_000;
// People whose new pages start and end in the same quarters are derived together.
const SPAN_GROUP_MS = 90 * 86_400_000;

/**
 * What an import derives once its whole batch is in, for the incidents whose data changed: the
 * person of each notify entry known only by name, one page per notification, the first
 * acknowledgement, the trigger channel, a resolve the log shows after the incident was fetched, the service's teams for
 * an incident without its own, then detection labels and the time in lieu of the people paged.
 * Idempotent: running it again writes nothing.
 */
export async function deriveIncidentFacts(
  db: PrismaClient,
  changedIncidentIds: Iterable<number>,
  options: DeriveOptions,
): Promise<DerivedFacts> {
  // A copy (a bitmap, small even for a million ids): the incidents resolved below join it.
  const ids = new IdSet();
  for (const id of changedIncidentIds) ids.add(id);
  const facts: DerivedFacts = {
    incidents: 0,
    peopleResolved: 0,
    pagesWritten: 0,
    detectionChanged: 0,
    accrualsWritten: 0,
  };
  if (options.retryUnresolvedNotifications) {
    const resolved = await resolveNotifiedNames(db, null);
    facts.peopleResolved += resolved.length;
    for (const id of resolved) ids.add(id);
  }
  facts.incidents = ids.size;
  if (ids.size === 0) return facts;
  if (ids.size >= CHUNK) await analyseWrittenTables(db);
  const settings = await getMetricSettings(db);
  const paged: PagedSpans = new Map();
  // Chunk by chunk (memory follows one chunk; the ids themselves are a bitmap), then time in lieu
  // once every chunk's pages and detection labels (a test incident accrues nothing) are in.
  // (The detection UPDATE once took 0.5–10 s a chunk: the rollup trigger's plan, see
  // docs/benchmarks.md › File import.)
  options.onProgress?.("pages, incident facts and detection sources");
  await inParallel(ids.chunks(CHUNK), DERIVE_LANES, async (chunk) => {
    // Each total is added to after its await: `total += await …` would read it before, and a
    // lane finishing in between would be lost.
    if (!options.retryUnresolvedNotifications) {
      const resolved = await resolveNotifiedNames(db, chunk);
      facts.peopleResolved += resolved.length;
    }
    const pages = await writePages(db, chunk);
    facts.pagesWritten += pages.written;
    widenPagedSpans(paged, pages.replaced);
    await updateIncidentFacts(db, chunk);
    await fillTeamsFromServices(db, chunk);
    await addPagedSpans(db, chunk, paged);
    // Detection reads only the incident's own fields, which the statements above just settled,
    // and its service's.
    const detection = await recomputeDetectionSources(db, settings.detection, {
      incidentIds: chunk,
    });
    facts.detectionChanged += detection.changed;
  });
  options.onProgress?.("time in lieu");
  await inParallel(groupBySpan(paged), DERIVE_LANES, async (group) => {
    const accruals = await deriveTimeInLieuAccruals(db, settings, {
      personIds: group.personIds,
      from: new Date(group.first - ACCRUAL_MARGIN_MS),
      to: new Date(group.last + ACCRUAL_MARGIN_MS),
    });
    facts.accrualsWritten += accruals.inserted + accruals.updated + accruals.deleted;
  });
  return facts;
}

/**
 * Fresh statistics for the tables a large import just filled. Autovacuum analyses them only after
 * the commit and a delay; planned on an empty table's statistics, the derivation's reads by
 * incident chose sequential scans of every log entry, per chunk. Sampling costs well under a
 * second.
 */
async function analyseWrittenTables(db: PrismaClient): Promise<void> {
  await db.$executeRaw(Prisma.sql`ANALYZE incidents, incident_log_entries, pages`);
}

/**
 * The paged people grouped by the quarters their pages span (as written, and as they were where
 * the write removed or moved one), each group with the hull of its members' spans: time in lieu
 * is re-derived over the days each person's pages touched (with the margin), not over the whole
 * batch's span for everyone, and still in a few large passes (a fresh import of 18 months makes
 * at most 28 groups, one per pair of first and last quarter).
 */
export function groupBySpan(
  paged: ReadonlyMap<number, { first: number; last: number }>,
): { personIds: number[]; first: number; last: number }[] {
  const groups = new Map<string, { personIds: number[]; first: number; last: number }>();
  for (const [personId, span] of paged) {
    const key = `${Math.floor(span.first / SPAN_GROUP_MS)}:${Math.floor(span.last / SPAN_GROUP_MS)}`;
    const group = groups.get(key);
    if (group) {
      group.personIds.push(personId);
      group.first = Math.min(group.first, span.first);
      group.last = Math.max(group.last, span.last);
    } else {
      groups.set(key, { personIds: [personId], first: span.first, last: span.last });
    }
  }
  return [...groups.values()];
}

/** Per paged person, the first and last instant (epoch ms) whose time in lieu is re-derived. */
type PagedSpans = Map<number, { first: number; last: number }>;

interface PersonSpan {
  personId: number;
  first: number;
  last: number;
}

function widenPagedSpans(paged: PagedSpans, spans: readonly PersonSpan[]): void {
  for (const span of spans) {
    const known = paged.get(span.personId);
    paged.set(span.personId, {
      first: Math.min(known?.first ?? Number.POSITIVE_INFINITY, span.first),
      last: Math.max(known?.last ?? Number.NEGATIVE_INFINITY, span.last),
    });
  }
}

/** Widens each paged person's span to the pages of these incidents, as they are now. */
async function addPagedSpans(
  db: SqlClient,
  incidentIds: number[],
  paged: PagedSpans,
): Promise<void> {
  const rows = await db.$queryRaw<PersonSpan[]>(Prisma.sql`
    SELECT person_id AS "personId", (extract(epoch FROM min(at)) * 1000)::float8 AS first,
      (extract(epoch FROM max(at)) * 1000)::float8 AS last
    FROM pages WHERE incident_id = ANY(${incidentIds}::int4[]) GROUP BY person_id`);
  widenPagedSpans(paged, rows);
}

/**
 * "Notified Keon Amini by email." with no `user` (PagerDuty omits it in some exports): the person
 * is whoever alone bears that name. Returns the incidents of entries it resolved.
 */
async function resolveNotifiedNames(
  db: PrismaClient,
  incidentIds: number[] | null,
): Promise<number[]> {
  const scope =
    incidentIds === null
      ? Prisma.empty
      : Prisma.sql`AND e.incident_id = ANY(${incidentIds}::int4[])`;
  // MATERIALIZED: the planner, expecting one unresolved entry, would otherwise join by nested
  // loop and run the regular expression once per entry and person (5 s instead of 90 ms for 676
  // entries and 2,000 people).
  const rows = await db.$queryRaw<{ incidentId: number }[]>(Prisma.sql`
    WITH named AS MATERIALIZED (
      SELECT e.id, lower(substring(e.summary FROM '^Notified (.+) by [^.]+\\.?$')) AS name
      FROM incident_log_entries e
      WHERE e.type = 'notify_log_entry' AND e.person_id IS NULL AND e.summary LIKE 'Notified %' ${scope}
    ), unique_names AS (
      SELECT lower(name) AS name, min(id) AS person_id FROM people GROUP BY lower(name) HAVING count(*) = 1
    )
    UPDATE incident_log_entries AS e SET person_id = u.person_id
    FROM named n JOIN unique_names u ON u.name = n.name
    WHERE e.id = n.id
    RETURNING e.incident_id AS "incidentId"`);
  return [...new Set(rows.map((row) => row.incidentId))];
}

/**
 * One page per notify entry with a person; a page whose entry lost its person, or is no longer a
 * notify entry, goes. Written by one `INSERT … SELECT` from the entries (no round trip through
 * Node). Also returns, per person, the span of the pages it removed or moved (to another instant
 * or person) as they were BEFORE the write: the accrual lines derived from them may now be stale,
 * and the pages as they are after it no longer show that person or that instant.
 */
async function writePages(
  db: SqlClient,
  incidentIds: number[],
): Promise<{ written: number; replaced: PersonSpan[] }> {
  // Read before the INSERT rewrites them (PostgreSQL 17 has no RETURNING OLD for the upsert).
  // A page's incident is its log entry's (PagerDuty never moves an entry to another incident), so
  // incidents without pages, as in a first import, have none to remove or move: one index probe
  // instead of reading every log entry of the chunk.
  const [existing] = await db.$queryRaw<{ hasPages: boolean }[]>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM pages WHERE incident_id = ANY(${incidentIds}::int4[])) AS "hasPages"`);
  const replaced = !existing?.hasPages
    ? []
    : await db.$queryRaw<PersonSpan[]>(Prisma.sql`
    WITH removed AS (
      DELETE FROM pages p USING incident_log_entries e
      WHERE p.log_entry_id = e.id AND p.incident_id = ANY(${incidentIds}::int4[])
        AND (e.person_id IS NULL OR e.type <> 'notify_log_entry')
      RETURNING p.person_id, p.at
    ), moved AS (
      SELECT p.person_id, p.at
      FROM incident_log_entries e JOIN pages p ON p.log_entry_id = e.id
      WHERE e.incident_id = ANY(${incidentIds}::int4[]) AND e.type = 'notify_log_entry'
        AND e.person_id IS NOT NULL AND (p.person_id, p.at) IS DISTINCT FROM (e.person_id, e.at)
    )
    SELECT person_id AS "personId", (extract(epoch FROM min(at)) * 1000)::float8 AS first,
      (extract(epoch FROM max(at)) * 1000)::float8 AS last
    FROM (SELECT person_id, at FROM removed UNION ALL SELECT person_id, at FROM moved) AS old
    GROUP BY person_id`);
  const written = await db.$executeRaw(Prisma.sql`
    INSERT INTO pages AS p (person_id, incident_id, channel, at, log_entry_id)
    SELECT e.person_id, e.incident_id, ${pageChannelSql(Prisma.sql`e.notification_type`)}, e.at, e.id
    FROM incident_log_entries e
    WHERE e.incident_id = ANY(${incidentIds}::int4[]) AND e.type = 'notify_log_entry'
      AND e.person_id IS NOT NULL
    ON CONFLICT (log_entry_id) DO UPDATE SET
      person_id = excluded.person_id, incident_id = excluded.incident_id,
      channel = excluded.channel, at = excluded.at
    WHERE (p.person_id, p.incident_id, p.channel, p.at)
      IS DISTINCT FROM (excluded.person_id, excluded.incident_id, excluded.channel, excluded.at)`);
  return { written, replaced };
}

/**
 * From the log: the first acknowledgement (wins over a CSV's seconds-to-first-ack), the trigger's
 * channel, agent and e-mail sender (for detection), a resolve newer than the incident record
 * (it was fetched before), and for a placeholder its creation at the earliest entry and its
 * acknowledgement. An acknowledgement alone does not move a real incident on: PagerDuty
 * re-triggers on acknowledgement timeout without an unacknowledge entry, so only the record knows.
 * The trigger's channel comes from PagerDuty's own entry before a webhook stand-in (which has
 * none), and a reopen (a webhook stand-in) ends a resolve.
 */
async function updateIncidentFacts(db: PrismaClient, incidentIds: number[]): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    WITH facts AS (
      SELECT e.incident_id,
        min(e.at) FILTER (WHERE e.type = 'acknowledge_log_entry') AS first_ack,
        max(e.at) FILTER (WHERE e.type = 'resolve_log_entry') AS last_resolve,
        min(e.at) AS first_entry,
        max(e.at) FILTER (WHERE e.type IN ('trigger_log_entry', 'acknowledge_log_entry',
                                           'unacknowledge_log_entry', 'resolve_log_entry',
                                           'reopen_log_entry')) AS last_lifecycle_at,
        (array_agg(e.channel_type ORDER BY e.is_from_webhook, e.at)
           FILTER (WHERE e.type = 'trigger_log_entry'))[1] AS channel,
        (array_agg(e.agent_type ORDER BY e.is_from_webhook, e.at)
           FILTER (WHERE e.type = 'trigger_log_entry'))[1] AS agent,
        (array_agg(lower(e.raw->'channel'->>'from') ORDER BY e.is_from_webhook, e.at)
           FILTER (WHERE e.type = 'trigger_log_entry'))[1] AS email_from,
        (array_agg(e.type ORDER BY e.at DESC, e.id DESC)
           FILTER (WHERE e.type IN ('trigger_log_entry', 'acknowledge_log_entry',
                                    'unacknowledge_log_entry', 'resolve_log_entry',
                                    'reopen_log_entry')))[1] AS last_lifecycle
      FROM incident_log_entries e
      WHERE e.incident_id = ANY(${incidentIds}::int4[])
      GROUP BY e.incident_id
    ), next AS (
      SELECT i.id,
        coalesce(f.first_ack, i.acknowledged_at) AS acknowledged_at,
        coalesce(f.channel, i.trigger_channel) AS trigger_channel,
        coalesce(f.agent, i.trigger_agent_type) AS trigger_agent_type,
        coalesce(f.email_from, i.trigger_email_from) AS trigger_email_from,
        CASE
          WHEN f.last_lifecycle = 'resolve_log_entry' THEN 'resolved'::incident_status
          WHEN f.last_lifecycle = 'acknowledge_log_entry' AND i.status = 'triggered' AND i.is_placeholder
            THEN 'acknowledged'::incident_status
          ELSE i.status
        END AS status,
        CASE
          WHEN f.last_lifecycle = 'resolve_log_entry' AND i.status <> 'resolved' THEN f.last_resolve
          ELSE coalesce(i.resolved_at, CASE WHEN i.status = 'resolved' THEN f.last_resolve END)
        END AS resolved_at,
        CASE
          WHEN f.last_lifecycle = 'resolve_log_entry' AND i.status <> 'resolved' THEN f.last_lifecycle_at
          WHEN f.last_lifecycle = 'acknowledge_log_entry' AND i.status = 'triggered' AND i.is_placeholder
            THEN f.last_lifecycle_at
          ELSE i.status_changed_at
        END AS status_changed_at,
        CASE WHEN i.is_placeholder THEN least(i.created_at, f.first_entry) ELSE i.created_at END AS created_at
      FROM incidents i JOIN facts f ON f.incident_id = i.id
    )
    UPDATE incidents AS i SET
      acknowledged_at = n.acknowledged_at, trigger_channel = n.trigger_channel,
      trigger_agent_type = n.trigger_agent_type, trigger_email_from = n.trigger_email_from,
      status = n.status, resolved_at = n.resolved_at, status_changed_at = n.status_changed_at,
      created_at = n.created_at, updated_at = now()
    FROM next n
    WHERE i.id = n.id
      AND (i.acknowledged_at, i.trigger_channel, i.trigger_agent_type, i.trigger_email_from,
           i.status, i.resolved_at, i.created_at)
        IS DISTINCT FROM
          (n.acknowledged_at, n.trigger_channel, n.trigger_agent_type, n.trigger_email_from,
           n.status, n.resolved_at, n.created_at)`);
}

/**
 * PagerDuty lists an incident's teams only when its service belongs to some; an incident that
 * came without them (a CSV row, a placeholder) is counted under its service's teams. The copy of
 * the creation time the team index uses follows the incident's.
 */
async function fillTeamsFromServices(db: PrismaClient, incidentIds: number[]): Promise<void> {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO incident_teams (incident_id, team_id, incident_created_at)
    SELECT i.id, st.team_id, i.created_at
    FROM incidents i JOIN service_teams st ON st.service_id = i.service_id
    WHERE i.id = ANY(${incidentIds}::int4[])
      AND NOT EXISTS (SELECT 1 FROM incident_teams it WHERE it.incident_id = i.id)
    ON CONFLICT DO NOTHING`);
  await db.$executeRaw(Prisma.sql`
    UPDATE incident_teams AS it SET incident_created_at = i.created_at
    FROM incidents i
    WHERE it.incident_id = i.id AND i.id = ANY(${incidentIds}::int4[])
      AND it.incident_created_at <> i.created_at`);
}
