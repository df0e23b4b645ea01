import type { Shift } from "@/lib/metrics/on-call";
import type { ActivityPage } from "@/lib/metrics/person-activity";
import type { LedgerLine } from "@/lib/metrics/time-in-lieu-ledger";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

export interface SlicePage extends ActivityPage {
  serviceId: number | null;
}

/** What the person-level metrics need of one person, and nothing more. */
export interface PersonSlice {
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
}

interface PageRow {
  personId: number;
  at: Date;
  channel: ActivityPage["channel"];
  incidentId: number;
  incidentResolvedAt: Date | null;
  isTestIncident: boolean;
  serviceId: number | null;
}

/**
 * The pages, shifts and ledger lines of a batch of people, read with three indexed queries
 * (pages by person and time, shifts by person and start, ledger by person and date), so a report
 * holds one batch of people in memory at a time, never every page.
 */
export async function listPersonSlices(
  db: PrismaClient,
  personIds: readonly number[],
  window: PersonSliceWindow,
): Promise<Map<number, PersonSlice>> {
  const ids = [...personIds];
  const [pages, shifts, ledger] = await Promise.all([
    db.$queryRaw<PageRow[]>(Prisma.sql`
      SELECT pg.person_id AS "personId", pg.at, pg.channel::text AS channel,
        pg.incident_id AS "incidentId", i.resolved_at AS "incidentResolvedAt",
        (i.detection_source = 'test') AS "isTestIncident", i.service_id AS "serviceId"
      FROM pages pg JOIN incidents i ON i.id = pg.incident_id
      WHERE pg.person_id = ANY(${ids}::int[])
        AND pg.at >= ${window.pagesFrom} AND pg.at < ${window.end}
      ORDER BY pg.person_id, pg.at`),
    db.$queryRaw<(Shift & { personId: number })[]>(Prisma.sql`
      SELECT person_id AS "personId", start_at AS start, end_at AS "end", level
      FROM on_call_shifts
      WHERE person_id = ANY(${ids}::int[])
        AND start_at < ${window.end} AND end_at > ${window.shiftsFrom}`),
    db.$queryRaw<(LedgerLine & { personId: number })[]>(Prisma.sql`
      SELECT person_id AS "personId", kind::text AS kind, minutes, occurred_at AS "occurredAt",
        expires_at AS "expiresAt", status::text AS status
      FROM time_in_lieu_entries
      WHERE person_id = ANY(${ids}::int[]) AND kind <> 'expiry' AND occurred_at < ${window.end}`),
  ]);

  const slices = new Map<number, PersonSlice>(
    ids.map((id) => [id, { pages: [], shifts: [], ledger: [] }]),
  );
  for (const { personId, ...page } of pages) slices.get(personId)?.pages.push(page);
  for (const { personId, ...shift } of shifts) slices.get(personId)?.shifts.push(shift);
  for (const { personId, ...line } of ledger) slices.get(personId)?.ledger.push(line);
  return slices;
}
