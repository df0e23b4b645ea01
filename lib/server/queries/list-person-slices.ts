import type { Shift } from "@/lib/metrics/on-call";
import type { LedgerLine } from "@/lib/metrics/time-in-lieu-ledger";
import type { QueryReader } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { listPersonPages, type PersonPagesWindow, type SlicePage } from "./list-person-pages";

export type { SlicePage };

/** What the person-level metrics need of one person, and nothing more. */
export interface PersonSlice {
  /** In no particular order: the metrics sort them. */
  pages: SlicePage[];
  shifts: Shift[];
  /** Accruals, adjustments and claims up to `end` (expiries are derived, not read). */
  ledger: LedgerLine[];
}

export interface PersonSliceWindow extends PersonPagesWindow {
  /** Shifts overlapping [shiftsFrom, end). */
  shiftsFrom: Date;
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
  const [pages, shifts, ledger] = await Promise.all([
    listPersonPages(db, ids, window),
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
