import { createHash } from "node:crypto";
import type { HolidayOverride } from "@/lib/metrics/holidays";
import type { PersonLoad } from "@/lib/metrics/person-load";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { MetricSettings } from "@/lib/shared/metric-settings";
import { Prisma } from "@/prisma/generated/client/client";
import { listHolidayOverrides } from "../queries/list-holiday-overrides";
import type { ReportPerson } from "../queries/list-report-people";
import {
  type PeopleSummary,
  type PersonOffHoursAlert,
  type PersonSummary,
  personSliceWindow,
  reportPersonRow,
  summarisePeople,
} from "../report/summarise-people";
import { computeInSnapshot, type RollupTables } from "./rollup-store";

/**
 * The form of a kept summary and of the code that computes it. Bump it in any release that
 * changes what a person's report row holds or how it is computed (lib/metrics, the report, or an
 * upgrade of date-holidays): rows of another format are never read, and are recomputed.
 */
export const PERSON_SUMMARY_FORMAT = 1;

/** People computed in one transaction: a short snapshot each, and progress kept as it goes. */
const PEOPLE_PER_TRANSACTION = 400;

/**
 * A change (person_summary_changes) makes a person's kept row stale when it is the same person's,
 * its days overlap the days the row read, and it was committed by a transaction the row's
 * snapshot did not see.
 */
export const personSummaryTables: RollupTables = {
  rollups: "person_summary_rollups",
  changes: "person_summary_changes",
  state: "person_summary_rollup_state",
  // One organisation's range is about 1 kB a person: a range not asked for in a month is
  // computed again if it ever is, rather than kept for good.
  keepDays: 30,
  changeMakesRollupStale: Prisma.sql`
    c.person_id = r.person_id
    AND c.to_day >= r.reads_from
    AND c.from_day <= ((r.range_end - interval '1 millisecond') AT TIME ZONE 'UTC')::date
    AND NOT pg_visible_in_snapshot(c.changed_by, r.snapshot)`,
};

/** What is kept of a person's summary: the row itself is rebuilt with their name and teams now. */
interface KeptSummary {
  timeZone: string;
  load: PersonLoad;
  offHoursAlerts: PersonOffHoursAlert[];
}

type Range = { start: Date; end: Date };

/**
 * `summarisePeople`, from kept rows where they are still valid: a large organisation's report
 * then reads one row a person instead of every page, shift and ledger line of everyone. The rows
 * missing or stale are computed (a few hundred people per repeatable-read transaction) and kept
 * with their snapshot.
 *
 * A row is for one person and one range, and its key holds everything else it depends on (the
 * metric settings, the holiday overrides, the person's zone and holiday region, the format), so
 * a settings change simply reads other keys. What changes in the data is noted by triggers per
 * person and day (pages, the incident behind a page, shifts, time-in-lieu lines), so late data
 * recomputes only the people and ranges it touches.
 */
export async function summarisePeopleKept(
  db: PrismaClient,
  people: readonly ReportPerson[],
  range: Range,
  settings: MetricSettings,
  teamNameById: ReadonlyMap<number, string>,
): Promise<PeopleSummary> {
  const holidayOverrides = await listHolidayOverrides(db);
  const keyOf = inputsKeyOf(settings, holidayOverrides);
  const keys = new Map(people.map((person) => [person.id, keyOf(person)]));
  const kept = await readKeptSummaries(db, keys, range);

  const missing = people.filter((person) => !kept.has(person.id));
  for (let offset = 0; offset < missing.length; offset += PEOPLE_PER_TRANSACTION) {
    const chunk = missing.slice(offset, offset + PEOPLE_PER_TRANSACTION);
    const computed = await computeInSnapshot(db, personSummaryTables, {
      compute: (tx) => summarisePeople(tx, chunk, range, settings, teamNameById, holidayOverrides),
      keep: (tx, summary) => keepSummaries(tx, summary.people, keys, range, settings),
    });
    for (const summary of computed.people) kept.set(summary.person.id, keptOf(summary));
  }

  return {
    people: people.map((person) => {
      const summary = kept.get(person.id) as KeptSummary;
      const teamNames = person.teamIds.flatMap((id) => teamNameById.get(id) ?? []);
      return {
        person,
        row: reportPersonRow(person, summary.timeZone, teamNames, summary.load),
        load: summary.load,
        offHoursAlerts: summary.offHoursAlerts,
      };
    }),
  };
}

/** The key of everything but the data a person's row depends on. */
function inputsKeyOf(
  settings: MetricSettings,
  holidayOverrides: ReadonlyMap<string, readonly HolidayOverride[]>,
): (person: ReportPerson) => string {
  const common = JSON.stringify([PERSON_SUMMARY_FORMAT, settings, [...holidayOverrides]]);
  return (person) =>
    createHash("sha256")
      .update(common)
      .update(JSON.stringify([person.timeZone, person.holidayRegion]))
      .digest("base64url");
}

const keptOf = ({ row, load, offHoursAlerts }: PersonSummary): KeptSummary => ({
  timeZone: row.timeZone,
  load,
  offHoursAlerts,
});

async function readKeptSummaries(
  db: PrismaClient,
  keys: ReadonlyMap<number, string>,
  range: Range,
): Promise<Map<number, KeptSummary>> {
  const rows = await db.$queryRaw<{ personId: number; summary: KeptSummary }[]>(Prisma.sql`
    SELECT r.person_id AS "personId", r.summary
    FROM person_summary_rollups r
    JOIN unnest(${[...keys.keys()]}::int[], ${[...keys.values()]}::text[]) AS k(person_id, inputs_key)
      ON k.person_id = r.person_id AND k.inputs_key = r.inputs_key
    WHERE r.range_start = ${range.start} AND r.range_end = ${range.end}
      AND NOT EXISTS (
        SELECT 1 FROM person_summary_changes c WHERE ${personSummaryTables.changeMakesRollupStale})`);
  return new Map(rows.map((row) => [row.personId, row.summary]));
}

function keepSummaries(
  tx: Pick<PrismaClient, "$executeRaw">,
  summaries: readonly PersonSummary[],
  keys: ReadonlyMap<number, string>,
  range: Range,
  settings: MetricSettings,
): Promise<number> {
  const window = personSliceWindow(range, settings);
  const readsFrom = new Date(Math.min(window.pagesFrom.getTime(), window.shiftsFrom.getTime()));
  return tx.$executeRaw`
    INSERT INTO person_summary_rollups
      (person_id, range_start, range_end, inputs_key, reads_from, summary, snapshot)
    SELECT s.person_id, ${range.start}, ${range.end}, s.inputs_key,
      (${readsFrom}::timestamptz AT TIME ZONE 'UTC')::date, s.summary, pg_current_snapshot()
    FROM unnest(${summaries.map((summary) => summary.person.id)}::int[],
                ${summaries.map((summary) => keys.get(summary.person.id) as string)}::text[],
                ${summaries.map((summary) => JSON.stringify(keptOf(summary)))}::json[])
      AS s(person_id, inputs_key, summary)
    ON CONFLICT (person_id, range_start, range_end, inputs_key) DO UPDATE
      SET reads_from = excluded.reads_from, summary = excluded.summary,
          snapshot = excluded.snapshot, computed_at = now()`;
}
