import type { PageChannel } from "@/lib/metrics/interruptions";
import type { ActivityPage } from "@/lib/metrics/person-activity";
import type { QueryReader } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

/**
 * A page as the person-level metrics read it, straight from its row: instants in milliseconds
 * since the epoch (a float8 decodes several times faster than a timestamptz, and no second object
 * per page is made), with the person it went to.
 */
export interface SlicePage extends ActivityPage {
  personId: number;
  at: number;
  incidentResolvedAt: number | null;
}

export interface PersonPagesWindow {
  /** Pages at or after this instant (reach back one call-out chain window before the period). */
  pagesFrom: Date;
  /** Pages before this instant. */
  end: Date;
  /**
   * When given, only the pages that can interrupt: on these channels and not of a test incident.
   * Interruptions, call-outs and rest never look at the others, and in a large organisation
   * about a third of all pages are e-mails: leaving them in the database saves their transfer.
   */
  interruptingChannels?: readonly PageChannel[];
}

/**
 * The pages of a batch of people in [pagesFrom, end), by person and time (one indexed query).
 * Not sorted: every reader sorts a person's pages itself (buildInterruptions), and the sort of a
 * batch's 50,000 pages would spill to disk at the default work_mem.
 */
export function listPersonPages(
  db: QueryReader,
  personIds: readonly number[],
  window: PersonPagesWindow,
): Promise<SlicePage[]> {
  const channelCondition =
    window.interruptingChannels === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`pg.channel::text = ANY(${[...window.interruptingChannels]}::text[])
          AND i.detection_source <> 'test'`;
  return db.$queryRaw<SlicePage[]>(Prisma.sql`
    SELECT pg.person_id AS "personId", (extract(epoch FROM pg.at) * 1000)::float8 AS at,
      pg.channel::text AS channel, pg.incident_id AS "incidentId",
      (extract(epoch FROM i.resolved_at) * 1000)::float8 AS "incidentResolvedAt",
      (i.detection_source = 'test') AS "isTestIncident"
    FROM pages pg JOIN incidents i ON i.id = pg.incident_id
    WHERE pg.person_id = ANY(${[...personIds]}::int[])
      AND pg.at >= ${window.pagesFrom} AND pg.at < ${window.end}
      AND ${channelCondition}`);
}
