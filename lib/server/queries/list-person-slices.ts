import type { PageChannel } from "@/lib/metrics/interruptions";
import type { Shift } from "@/lib/metrics/on-call";
import type { ActivityPage } from "@/lib/metrics/person-activity";
import type { LedgerLine } from "@/lib/metrics/time-in-lieu-ledger";
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

/** What the person-level metrics need of one person, and nothing more. */
export interface PersonSlice {
  /** In no particular order: the metrics sort them. */
  pages: SlicePage[];
  shifts: Shift[];
  /** Accruals, adjustments and claims up to `end` (expiries are derived, not read). */
  ledger: LedgerLine[];
}

export interface PersonSliceWindow {
  /** Pages at or after this instant (reach back one call-out chain window before the period). */
  pagesFrom: Date;
  /** Shifts overlapping [shiftsFrom, end). */
  shiftsFrom: Date;
  end: Date;
  /**
   * When given, only the pages that can interrupt: on these channels and not of a test incident.
   * Interruptions, call-outs and rest never look at the others, and in a large organisation
   * about a third of all pages are e-mails: leaving them in the database saves their transfer.
   */
  interruptingChannels?: readonly PageChannel[];
}

/** A ledger line with its instants in milliseconds since the epoch (decoded faster, as above). */
interface LedgerRow extends Omit<LedgerLine, "occurredAt" | "expiresAt"> {
  personId: number;
  occurredAt: number;
  expiresAt: number | null;
}

/**
 * The pages, shifts and ledger lines of a batch of people, read with three indexed queries
 * (pages by person and time, shifts by person and start, ledger by person and date), so a report
 * holds one batch of people in memory at a time, never every page.
 */
export async function listPersonSlices(
  db: QueryReader,
  personIds: readonly number[],
  window: PersonSliceWindow,
): Promise<Map<number, PersonSlice>> {
  const ids = [...personIds];
  const channelCondition =
    window.interruptingChannels === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`pg.channel::text = ANY(${[...window.interruptingChannels]}::text[])
          AND i.detection_source <> 'test'`;
  const [pages, shifts, ledger] = await Promise.all([
    // Not sorted here: every reader sorts a person's pages itself (buildInterruptions), and the
    // sort of a batch's 50,000 pages would spill to disk at the default work_mem.
    db.$queryRaw<SlicePage[]>(Prisma.sql`
      SELECT pg.person_id AS "personId", (extract(epoch FROM pg.at) * 1000)::float8 AS at,
        pg.channel::text AS channel, pg.incident_id AS "incidentId",
        (extract(epoch FROM i.resolved_at) * 1000)::float8 AS "incidentResolvedAt",
        (i.detection_source = 'test') AS "isTestIncident"
      FROM pages pg JOIN incidents i ON i.id = pg.incident_id
      WHERE pg.person_id = ANY(${ids}::int[])
        AND pg.at >= ${window.pagesFrom} AND pg.at < ${window.end}
        AND ${channelCondition}`),
    db.$queryRaw<(Shift & { personId: number })[]>(Prisma.sql`
      SELECT person_id AS "personId", start_at AS start, end_at AS "end", level
      FROM on_call_shifts
      WHERE person_id = ANY(${ids}::int[])
        AND start_at < ${window.end} AND end_at > ${window.shiftsFrom}`),
    db.$queryRaw<LedgerRow[]>(Prisma.sql`
      SELECT person_id AS "personId", kind::text AS kind, minutes,
        (extract(epoch FROM occurred_at) * 1000)::float8 AS "occurredAt",
        (extract(epoch FROM expires_at) * 1000)::float8 AS "expiresAt", status::text AS status
      FROM time_in_lieu_entries
      WHERE person_id = ANY(${ids}::int[]) AND kind <> 'expiry' AND occurred_at < ${window.end}`),
  ]);

  const slices = new Map<number, PersonSlice>(
    ids.map((id) => [id, { pages: [], shifts: [], ledger: [] }]),
  );
  for (const page of pages) slices.get(page.personId)?.pages.push(page);
  for (const { personId, ...shift } of shifts) slices.get(personId)?.shifts.push(shift);
  for (const row of ledger) {
    slices.get(row.personId)?.ledger.push({
      kind: row.kind,
      minutes: row.minutes,
      occurredAt: new Date(row.occurredAt),
      expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt),
      status: row.status,
    });
  }
  return slices;
}
