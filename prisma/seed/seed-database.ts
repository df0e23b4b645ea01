import pg from "pg";
import { createPrismaClient } from "@/lib/server/database/prisma-client";
import { deriveTimeInLieuAccruals } from "@/lib/server/time-in-lieu/derive-time-in-lieu-accruals";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";
import { BatchWriter } from "./batch-writer";
import { IncidentGenerator } from "./incident-generator";
import { buildOrganisation } from "./organisation";
import type { Organisation } from "./organisation-types";
import { buildShifts, OnCallLookup, type Shift } from "./rotations";
import { organisationSpecFor, SEED_SCALES, type SeedScale } from "./scales";
import { seedDemoAccounts } from "./seed-accounts";
import type { IncidentSink } from "./seed-rows";
import {
  escalationPoliciesTable,
  escalationPolicyTeamsTable,
  incidentsTable,
  incidentTeamsTable,
  logEntriesTable,
  pagesTable,
  peopleTable,
  SERIAL_TABLES,
  type ShiftRecord,
  schedulesTable,
  scheduleTeamsTable,
  servicesTable,
  serviceTeamsTable,
  shiftsTable,
  teamMembershipsTable,
  teamsTable,
  timeInLieuEntriesTable,
  timeInLieuPoliciesTable,
  timestamp,
} from "./seed-tables";
import { timeInLieuEntries, timeInLieuPolicies } from "./time-in-lieu";
import { DAY, seedRange } from "./zoned-time";

export type { SeedScale } from "./scales";

export interface SeedOptions {
  databaseUrl: string;
  scale: SeedScale;
  seed: number;
  /** exclusive end of the data, UTC midnight; default today 00:00 UTC */
  until?: Date;
  onProgress?: (progress: { phase: string; done: number; total: number }) => void;
  /**
   * The demo scale's sign-in accounts, one per role (prisma/seed/seed-accounts.ts); default true.
   * Tests that make their own accounts for the demo's people can leave them out.
   */
  demoAccounts?: boolean;
}

export interface SeedSummary {
  scale: SeedScale;
  seed: number;
  from: Date;
  until: Date;
  teams: number;
  people: number;
  services: number;
  schedules: number;
  shifts: number;
  incidents: number;
  logEntries: number;
  pages: number;
  /** Claims and adjustments written by the seed. */
  timeInLieuEntries: number;
  /** Accrual lines derived afterwards from the seeded call-outs. */
  timeInLieuAccruals: number;
  /** Demo sign-in accounts made (demo scale only; none when the database had accounts). */
  accounts: number;
  durationMs: number;
}

const IMPORT_RUN_ID = 1;
const ANALYZED_TABLES = [
  "on_call_shifts",
  "incidents",
  "incident_teams",
  "incident_log_entries",
  "pages",
  "time_in_lieu_entries",
] as const;

function todayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function validate(options: SeedOptions, until: Date): void {
  if (!SEED_SCALES.includes(options.scale)) {
    throw new RangeError(`Unknown scale "${options.scale}"; use one of ${SEED_SCALES.join(", ")}.`);
  }
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`The seed must be an integer, got ${options.seed}.`);
  }
  if (Number.isNaN(until.getTime()) || until.getTime() % DAY !== 0) {
    throw new RangeError(`"until" must be a UTC midnight, got ${until.toISOString()}.`);
  }
}

/**
 * Writes a believable PagerDuty organisation with six quarters of history into an empty, migrated
 * database, in one transaction. The same (scale, seed, until) always writes the same rows with
 * the same ids; only `durationMs` differs between runs.
 */
export async function seedDatabase(options: SeedOptions): Promise<SeedSummary> {
  const startedAt = performance.now();
  const until = options.until ?? todayUtc();
  validate(options, until);
  const { from } = seedRange(until);
  const { scale, seed } = options;
  const report = (phase: string, done: number, total: number) =>
    options.onProgress?.({ phase, done, total });

  report("organisation", 0, 1);
  const organisation = buildOrganisation(organisationSpecFor(scale, seed), seed);
  const shifts = buildShifts(organisation, from.getTime(), until.getTime(), seed);
  const generator = new IncidentGenerator(
    organisation,
    new OnCallLookup(shifts),
    from.getTime(),
    until.getTime(),
    seed,
  );

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await skipForeignKeyChecksIfAllowed(client);
    await client.query(
      `INSERT INTO import_runs (id, source, format, status, started_at, options)
       VALUES ($1, 'demo_seed', 'demo-seed', 'running', $2, $3::jsonb)`,
      [IMPORT_RUN_ID, until.toISOString(), JSON.stringify({ scale, seed, from, until })],
    );
    const writer = new BatchWriter(client);
    await writeOrganisation(writer, organisation, from.getTime() - 90 * DAY);
    report("organisation", 1, 1);
    await writeShifts(writer, organisation, shifts, until.getTime());
    report("shifts", shifts.length, shifts.length);

    await writeIncidents(writer, generator, until.getTime(), report);
    const policies = timeInLieuPolicies(organisation, from.getTime(), until.getTime());
    const entries = timeInLieuEntries(organisation, shifts, until.getTime(), seed);
    const policyTable = writer.table(timeInLieuPoliciesTable);
    for (const policy of policies) policyTable.add(policy);
    const entryTable = writer.table(timeInLieuEntriesTable);
    for (const entry of entries) entryTable.add(entry);
    report("time in lieu", entries.length, entries.length);

    await writer.finish();
    // With triggers skipped (below), note what was seeded for the rollups by hand, as the
    // triggers would have: a rollup computed while the seed ran must not outlive it.
    await client.query(
      `INSERT INTO incident_measure_changes (day)
       SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date FROM incidents`,
    );
    await client.query(
      `INSERT INTO person_summary_changes (person_id, from_day, to_day)
       SELECT id, '-infinity', 'infinity' FROM people`,
    );
    const counts = generator.counts;
    report("finishing", 0, 1);
    await client.query(
      `UPDATE import_runs SET status = 'succeeded', finished_at = $2, inserted = $3 WHERE id = $1`,
      [
        IMPORT_RUN_ID,
        until.toISOString(),
        counts.incidents + counts.logEntries + counts.pages + shifts.length,
      ],
    );
    await advanceSequences(client, {
      people: organisation.people.length,
      teams: organisation.teams.length,
      escalation_policies: organisation.escalationPolicies.length,
      schedules: organisation.schedules.length,
      services: organisation.services.length,
      import_runs: IMPORT_RUN_ID,
      on_call_shifts: shifts.length,
      incidents: counts.incidents,
      incident_log_entries: counts.logEntries,
      pages: counts.pages,
      time_in_lieu_policies: policies.length,
      time_in_lieu_entries: entries.length,
    });
    await client.query("COMMIT");
    // Fresh statistics, so the dashboard's first queries do not plan as if the tables were empty.
    for (const table of ANALYZED_TABLES) await client.query(`ANALYZE "${table}"`);
    report("finishing", 1, 1);
    const accruals = await deriveAccruals(options.databaseUrl, until, report);
    const accounts =
      scale === "demo" && options.demoAccounts !== false
        ? await createDemoAccounts(options.databaseUrl, organisation)
        : 0;

    return {
      scale,
      seed,
      from,
      until,
      teams: organisation.teams.length,
      people: organisation.people.length,
      services: organisation.services.length,
      schedules: organisation.schedules.length,
      shifts: shifts.length,
      incidents: counts.incidents,
      logEntries: counts.logEntries,
      pages: counts.pages,
      timeInLieuEntries: entries.length,
      timeInLieuAccruals: accruals,
      accounts,
      durationMs: Math.round(performance.now() - startedAt),
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function writeIncidents(
  writer: BatchWriter,
  generator: IncidentGenerator,
  importedAt: number,
  report: (phase: string, done: number, total: number) => void,
): Promise<void> {
  const incidents = writer.table(incidentsTable(IMPORT_RUN_ID, importedAt));
  const incidentTeams = writer.table(incidentTeamsTable);
  const logEntries = writer.table(logEntriesTable(IMPORT_RUN_ID));
  const pages = writer.table(pagesTable);
  const sink: IncidentSink = {
    incident: (row) => incidents.add(row),
    incidentTeam: (row) => incidentTeams.add(row),
    logEntry: (row) => logEntries.add(row),
    page: (row) => pages.add(row),
  };
  for (let week = 0; week < generator.weekCount; week++) {
    for (const _ of generator.incidentsOfWeek(week, sink)) {
      if (writer.isFull()) await writer.flush();
    }
    // Let finished batches hand over to queued ones while the next week is generated.
    await new Promise((resolve) => setImmediate(resolve));
    report("incidents", week + 1, generator.weekCount);
  }
}

/** Explicit ids leave the sequences at 1; move them on so later inserts do not collide. */
async function advanceSequences(
  client: pg.Client,
  lastIds: Record<(typeof SERIAL_TABLES)[number], number>,
): Promise<void> {
  for (const table of SERIAL_TABLES) {
    const lastId = lastIds[table];
    await client.query("SELECT setval(pg_get_serial_sequence($1, 'id'), $2, $3)", [
      table,
      Math.max(lastId, 1),
      lastId > 0,
    ]);
  }
}

/**
 * Foreign-key triggers cost about two thirds of the insert time at scale. The generator assigns
 * every id itself and only ever points at rows written before, so, like `pg_restore
 * --disable-triggers`, a superuser session skips them for this transaction only (SET LOCAL);
 * other roles keep the checks and are just slower. It skips ordinary triggers too: the only ones,
 * which note changed days for the incident measure rollups, are done by hand after the writes.
 */
async function skipForeignKeyChecksIfAllowed(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ superuser: boolean }>(
    "SELECT current_setting('is_superuser') = 'on' AS superuser",
  );
  if (rows[0]?.superuser) await client.query("SET LOCAL session_replication_role = replica");
}

async function writeOrganisation(
  writer: BatchWriter,
  organisation: Organisation,
  stampedAt: number,
) {
  const stamp = <T>(row: T) => ({ row, stampedAt });
  const people = writer.table(peopleTable);
  const teams = writer.table(teamsTable);
  const memberships = writer.table(teamMembershipsTable);
  const policies = writer.table(escalationPoliciesTable);
  const policyTeams = writer.table(escalationPolicyTeamsTable);
  const schedules = writer.table(schedulesTable);
  const scheduleTeams = writer.table(scheduleTeamsTable);
  const services = writer.table(servicesTable);
  const serviceTeams = writer.table(serviceTeamsTable);

  for (const person of organisation.people) people.add(stamp(person));
  for (const team of organisation.teams) {
    teams.add(stamp(team));
    for (const personId of team.memberIds) {
      memberships.add({
        teamId: team.id,
        personId,
        role: personId === team.managerId ? "manager" : "responder",
      });
    }
  }
  for (const policy of organisation.escalationPolicies) {
    policies.add(stamp(policy));
    for (const teamId of policy.teamIds) policyTeams.add({ policyId: policy.id, teamId });
  }
  for (const schedule of organisation.schedules) {
    schedules.add(stamp(schedule));
    scheduleTeams.add({ scheduleId: schedule.id, teamId: schedule.teamId });
  }
  for (const service of organisation.services) {
    services.add(stamp(service));
    for (const teamId of service.teamIds) serviceTeams.add({ serviceId: service.id, teamId });
  }
  await writer.flush();
}

async function writeShifts(
  writer: BatchWriter,
  organisation: Organisation,
  shifts: readonly Shift[],
  importedAt: number,
) {
  const table = writer.table(shiftsTable);
  for (const [index, shift] of shifts.entries()) {
    const schedule = organisation.schedules[shift.scheduleId - 1];
    const person = organisation.people[shift.personId - 1];
    const record: ShiftRecord = {
      id: index + 1,
      shift,
      escalationPolicyId: organisation.teams[shift.teamId - 1]?.escalationPolicyId ?? 0,
      // The importers' natural key: source + person + schedule + level + start.
      sourceKey: `demo_seed:${person?.pagerdutyId}:${schedule?.pagerdutyId}:${shift.level}:${timestamp(shift.start)}`,
      importRunId: IMPORT_RUN_ID,
      createdAt: importedAt,
    };
    table.add(record);
    await writer.flushIfFull();
  }
  await writer.flush();
}

/**
 * Accruals are derived from the seeded pages by the product's own rules (as after an import),
 * never invented by the seed, so the demo's time in lieu is what the metrics engine computes.
 */
async function deriveAccruals(
  databaseUrl: string,
  recordedAt: Date,
  report: (phase: string, done: number, total: number) => void,
): Promise<number> {
  const db = createPrismaClient(databaseUrl);
  try {
    const result = await deriveTimeInLieuAccruals(db, DEFAULT_METRIC_SETTINGS, {
      onProgress: (done, total) => report("time-in-lieu accruals", done, total),
      recordedAt,
    });
    return result.accruals;
  } finally {
    await db.$disconnect();
  }
}

async function createDemoAccounts(
  databaseUrl: string,
  organisation: Organisation,
): Promise<number> {
  const db = createPrismaClient(databaseUrl);
  try {
    return await seedDemoAccounts(db, organisation);
  } finally {
    await db.$disconnect();
  }
}
