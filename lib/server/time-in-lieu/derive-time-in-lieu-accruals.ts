import { wallClockAt } from "@/lib/metrics/calendar-zone";
import { analysePersonActivity, type CallOutActivity } from "@/lib/metrics/person-activity";
import { accrueForCallOut } from "@/lib/metrics/time-in-lieu";
import { choosePolicy } from "@/lib/metrics/time-in-lieu-policies";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { activitySettingsOf, type MetricSettings } from "@/lib/shared/metric-settings";
import { Prisma } from "@/prisma/generated/client/client";
import { listHolidayOverrides } from "../queries/list-holiday-overrides";
import { listPersonPages, type SlicePage } from "../queries/list-person-pages";
import { listTimeInLieuPolicies } from "../queries/list-time-in-lieu-policies";
import { personCalendarCache } from "../report/person-calendar";

export interface DeriveAccrualsOptions {
  /** Only these people; default everyone with a page in the window. */
  personIds?: readonly number[];
  /** Call-outs starting in [from, to); default all of history. */
  from?: Date;
  to?: Date;
  onProgress?: (done: number, total: number) => void;
  /** The time written to created_at/updated_at (default now); the seed fixes it to stay reproducible. */
  recordedAt?: Date;
  /** Pages read at a time (default PAGES_PER_WINDOW); tests make it small to cut many windows. */
  pagesPerWindow?: number;
}

export interface DeriveAccrualsResult {
  people: number;
  accruals: number;
  inserted: number;
  updated: number;
  deleted: number;
}

const PEOPLE_PER_BATCH = 100;
/**
 * A batch's pages are read and analysed this many at a time: memory follows this number, not
 * how many pages a hundred people happen to have. Days made a poor bound: in the import bench,
 * where a few hundred people take most pages, a quarter of one batch held 60,000 call-outs, and
 * the derivation peaked at 345 MB.
 */
const PAGES_PER_WINDOW = 5_000;
const DAY = 86_400_000;
// Far enough back and ahead to mean "all of history" for timestamptz(3).
const BEGINNING = new Date("1970-01-01T00:00:00Z");
const END_OF_TIME = new Date("9999-01-01T00:00:00Z");

interface AccrualRow {
  personId: number;
  teamId: number | null;
  minutes: number;
  occurredAt: Date;
  expiresAt: Date;
  rule: string;
  sourceKey: string;
}

/** "callout:<person>:<start>": stable while the call-out's first page stays the same. */
export const accrualSourceKey = (personId: number, start: Date) =>
  `callout:${personId}:${start.toISOString()}`;

function describeCallOut(callOut: CallOutActivity, timeZone: string): string {
  const local = wallClockAt(callOut.start.getTime(), timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  const when = `${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(local.hour)}:${pad(local.minute)} ${timeZone}`;
  const interruptions = callOut.interruptions.length;
  const incidents = callOut.incidentIds.length;
  return `Call-out ${when} (${interruptions} interruption${interruptions === 1 ? "" : "s"}, ${incidents} incident${incidents === 1 ? "" : "s"})`;
}

/**
 * Writes the time-in-lieu accrual lines (PRODUCT.md › Time in lieu) for off-hours call-outs: one
 * line per call-out with the rule that produced it, under the policy of the team of its first
 * incident (else the person's first team) in effect at its start. Idempotent: lines are keyed by
 * person and call-out start, updated when a resolve changes the worked time, and deleted when
 * their call-out no longer exists (a page re-imported at another time). Run after imports, after
 * the demo seed and when a policy or the metric settings change.
 */
export async function deriveTimeInLieuAccruals(
  db: PrismaClient,
  settings: MetricSettings,
  options: DeriveAccrualsOptions = {},
): Promise<DeriveAccrualsResult> {
  const from = options.from ?? BEGINNING;
  const to = options.to ?? END_OF_TIME;
  const personIds =
    options.personIds ??
    (
      await db.$queryRaw<{ id: number }[]>(Prisma.sql`
        SELECT DISTINCT person_id AS id FROM pages WHERE at >= ${from} AND at < ${to} ORDER BY 1`)
    ).map((row) => row.id);
  const [people, policies, overridesByRegion] = await Promise.all([
    db.$queryRaw<DerivationPerson[]>(Prisma.sql`
      SELECT p.id, p.time_zone AS "timeZone", p.holiday_region AS "holidayRegion",
        COALESCE((SELECT array_agg(m.team_id ORDER BY m.team_id) FROM team_memberships m
                  WHERE m.person_id = p.id), '{}') AS "teamIds"
      FROM people p WHERE p.id = ANY(${[...personIds]}::int[])`),
    listTimeInLieuPolicies(db),
    listHolidayOverrides(db),
  ]);
  const result: DeriveAccrualsResult = {
    people: people.length,
    accruals: 0,
    inserted: 0,
    updated: 0,
    deleted: 0,
  };

  const calendarOf = personCalendarCache(settings, overridesByRegion);
  for (let offset = 0; offset < people.length; offset += PEOPLE_PER_BATCH) {
    const batch = people.slice(offset, offset + PEOPLE_PER_BATCH);
    const ids = batch.map((person) => person.id);
    const windows = await windowsOfPages(db, ids, {
      from,
      to,
      pagesPerWindow: options.pagesPerWindow ?? PAGES_PER_WINDOW,
    });
    for (const window of windows) {
      const rows = await accrualRowsFor(db, batch, window, {
        settings,
        policies,
        calendarOf,
      });
      const written = await writeAccruals(db, ids, window, rows, options.recordedAt ?? new Date());
      result.accruals += rows.length;
      result.inserted += written.inserted;
      result.updated += written.updated;
      result.deleted += written.deleted;
    }
    options.onProgress?.(Math.min(offset + PEOPLE_PER_BATCH, people.length), people.length);
  }
  return result;
}

type DerivationPerson = {
  id: number;
  timeZone: string | null;
  holidayRegion: string | null;
  teamIds: number[];
};

/**
 * [from, to) cut into windows of about `pagesPerWindow` of the batch's pages each, at the pages'
 * own instants (at least one window, so stale lines are still cleared when every page is gone).
 * Any cut gives the same lines: a window reads the pages of one call-out chain window before it
 * and a day after it, and keeps the call-outs that start inside it.
 */
async function windowsOfPages(
  db: PrismaClient,
  personIds: number[],
  range: { from: Date; to: Date; pagesPerWindow: number },
): Promise<{ from: Date; to: Date }[]> {
  const inRange = Prisma.sql`person_id = ANY(${personIds}::int[])
    AND at >= ${range.from} AND at < ${range.to}`;
  const [span] = await db.$queryRaw<{ pages: number }[]>(
    Prisma.sql`SELECT count(*)::int AS pages FROM pages WHERE ${inRange}`,
  );
  const windowCount = Math.ceil((span?.pages ?? 0) / range.pagesPerWindow);
  if (windowCount <= 1) return [{ from: range.from, to: range.to }];
  const fractions = Array.from(
    { length: windowCount - 1 },
    (_, index) => (index + 1) / windowCount,
  );
  const [cutRow] = await db.$queryRaw<{ cuts: Date[] }[]>(Prisma.sql`
    SELECT percentile_disc(${fractions}::float8[]) WITHIN GROUP (ORDER BY at) AS cuts
    FROM pages WHERE ${inRange}`);
  const bounds = [range.from.getTime()];
  for (const cut of cutRow?.cuts ?? []) {
    // Pages sharing an instant cannot be split; a cut on the range's start cuts nothing.
    if (cut.getTime() > (bounds.at(-1) ?? Number.NEGATIVE_INFINITY)) bounds.push(cut.getTime());
  }
  bounds.push(range.to.getTime());
  return bounds.slice(1).map((end, index) => ({
    from: new Date(bounds[index] ?? end),
    to: new Date(end),
  }));
}

/** The accrual lines of a batch's off-hours call-outs that start inside the window. */
async function accrualRowsFor(
  db: PrismaClient,
  batch: readonly DerivationPerson[],
  window: { from: Date; to: Date },
  context: {
    settings: MetricSettings;
    policies: Awaited<ReturnType<typeof listTimeInLieuPolicies>>;
    calendarOf: ReturnType<typeof personCalendarCache>;
  },
): Promise<AccrualRow[]> {
  const activitySettings = activitySettingsOf(context.settings);
  // Call-outs need only the pages (not the shifts or the ledger a report slice also reads).
  const pagesByPerson = new Map<number, SlicePage[]>();
  for (const page of await listPersonPages(
    db,
    batch.map((person) => person.id),
    {
      // A call-out starting at the window's start may chain from pages one chain window earlier,
      // and one starting just before its end goes on after it.
      pagesFrom: new Date(window.from.getTime() - activitySettings.callOutChainWindowMs),
      end: new Date(Math.min(window.to.getTime() + DAY, END_OF_TIME.getTime())),
    },
  )) {
    const pages = pagesByPerson.get(page.personId);
    if (pages) pages.push(page);
    else pagesByPerson.set(page.personId, [page]);
  }
  const analysed = batch.map((person) => {
    const calendar = context.calendarOf(person);
    const pages = pagesByPerson.get(person.id) ?? [];
    const { callOuts } = analysePersonActivity(pages, calendar, activitySettings);
    const inWindow = callOuts.filter(
      (callOut) =>
        callOut.isOffHours &&
        callOut.start.getTime() >= window.from.getTime() &&
        callOut.start.getTime() < window.to.getTime(),
    );
    return { person, calendar, callOuts: inWindow };
  });
  const firstIncidentIds = analysed.flatMap(({ callOuts }) =>
    callOuts.flatMap((callOut) => callOut.incidentIds.slice(0, 1)),
  );
  const teamOfIncident = new Map(
    (
      await db.$queryRaw<{ incidentId: number; teamId: number }[]>(Prisma.sql`
        SELECT incident_id AS "incidentId", min(team_id) AS "teamId" FROM incident_teams
        WHERE incident_id = ANY(${firstIncidentIds}::int[]) GROUP BY incident_id`)
    ).map((row) => [row.incidentId, row.teamId]),
  );

  const rows: AccrualRow[] = [];
  for (const { person, calendar, callOuts } of analysed) {
    for (const callOut of callOuts) {
      const incidentTeam = teamOfIncident.get(callOut.incidentIds[0] ?? -1);
      const teamId =
        incidentTeam !== undefined && person.teamIds.includes(incidentTeam)
          ? incidentTeam
          : (person.teamIds[0] ?? null);
      const policy = choosePolicy(context.policies, teamId, callOut.start);
      const accrual = accrueForCallOut(
        { ...callOut, firstPageAt: callOut.start, lastResolveAt: callOut.lastResolveAt },
        policy,
      );
      if (!accrual) continue;
      rows.push({
        personId: person.id,
        teamId,
        minutes: accrual.minutes,
        occurredAt: callOut.start,
        expiresAt: accrual.expiresAt,
        rule: `${describeCallOut(callOut, calendar.timeZone)}: ${accrual.rule}`,
        sourceKey: accrualSourceKey(person.id, callOut.start),
      });
    }
  }
  return rows;
}

/**
 * Rows per statement of writeAccruals. Prisma keeps the text of the last 100 raw queries'
 * parameters (its debug history, kept even with debugging off), so one statement of 60,000 lines
 * stayed in memory as some 10 MB of JSON long after it ran; 500 lines are about 150 kB.
 */
const WRITE_ROWS = 500;
// A window's lines in slices of 500 can outlast Prisma's 5 s default on a busy database.
const WRITE_TIMEOUT_MS = 60_000;

function slicesOf<T>(items: readonly T[], size: number): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    slices.push(items.slice(start, start + size));
  }
  return slices;
}

/**
 * The window's accrual lines become exactly `rows`: new call-outs are inserted, changed ones
 * updated, and lines whose call-out is gone deleted (found by reading the stored keys, so no
 * statement carries every key).
 */
async function writeAccruals(
  db: PrismaClient,
  personIds: number[],
  window: { from: Date; to: Date },
  rows: AccrualRow[],
  recordedAt: Date,
): Promise<{ inserted: number; updated: number; deleted: number }> {
  const keys = new Set(rows.map((row) => row.sourceKey));
  return db.$transaction(
    async (transaction) => {
      const stored = await transaction.$queryRaw<{ id: number; sourceKey: string }[]>(Prisma.sql`
        SELECT id, source_key AS "sourceKey" FROM time_in_lieu_entries
        WHERE kind = 'accrual' AND person_id = ANY(${personIds}::int[])
          AND occurred_at >= ${window.from} AND occurred_at < ${window.to}`);
      const staleIds = stored.filter((line) => !keys.has(line.sourceKey)).map((line) => line.id);
      const counts = { inserted: 0, updated: 0, deleted: 0 };
      for (const ids of slicesOf(staleIds, WRITE_ROWS)) {
        counts.deleted += await transaction.$executeRaw(
          Prisma.sql`DELETE FROM time_in_lieu_entries WHERE id = ANY(${ids}::int[])`,
        );
      }
      for (const slice of slicesOf(rows, WRITE_ROWS)) {
        const written = await upsertAccruals(transaction, slice, recordedAt);
        const inserted = written.filter((row) => row.inserted).length;
        counts.inserted += inserted;
        counts.updated += written.length - inserted;
      }
      return counts;
    },
    { timeout: WRITE_TIMEOUT_MS },
  );
}

function upsertAccruals(
  transaction: Prisma.TransactionClient,
  rows: AccrualRow[],
  recordedAt: Date,
): Promise<{ inserted: boolean }[]> {
  return transaction.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
    INSERT INTO time_in_lieu_entries
      (person_id, team_id, kind, minutes, occurred_at, expires_at, rule, source_key, created_at, updated_at)
    SELECT person_id, team_id, 'accrual', minutes, occurred_at, expires_at, rule, source_key,
      ${recordedAt}, ${recordedAt}
    FROM unnest(
      ${rows.map((row) => row.personId)}::int[], ${rows.map((row) => row.teamId)}::int[],
      ${rows.map((row) => row.minutes)}::int[], ${rows.map((row) => row.occurredAt)}::timestamptz[],
      ${rows.map((row) => row.expiresAt)}::timestamptz[], ${rows.map((row) => row.rule)}::text[],
      ${rows.map((row) => row.sourceKey)}::text[]
    ) AS input(person_id, team_id, minutes, occurred_at, expires_at, rule, source_key)
    ON CONFLICT (kind, source_key) DO UPDATE SET
      team_id = excluded.team_id, minutes = excluded.minutes, expires_at = excluded.expires_at,
      rule = excluded.rule, updated_at = ${recordedAt}
    WHERE (time_in_lieu_entries.team_id, time_in_lieu_entries.minutes,
           time_in_lieu_entries.expires_at, time_in_lieu_entries.rule)
      IS DISTINCT FROM (excluded.team_id, excluded.minutes, excluded.expires_at, excluded.rule)
    RETURNING (xmax = 0) AS inserted`);
}
