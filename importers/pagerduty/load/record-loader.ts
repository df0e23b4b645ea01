import { Prisma } from "@/prisma/generated/client/client";
import { IdSet } from "../../shared/id-set";
import {
  type EscalationPolicyRecord,
  type ImportRecord,
  type ImportRecordKind,
  type IncidentRecord,
  type LogEntryRecord,
  type PersonRecord,
  RawJson,
  type ReadItem,
  type Rejection,
  rawJsonText,
  type ScheduleRecord,
  type ServiceRecord,
  type ShiftRecord,
  type TeamRecord,
} from "../records";
import { addCounts, noWrites, type SqlClient, type WriteCounts } from "./sql-client";
import { upsertIncidents } from "./upsert-incidents";
import { upsertLogEntries } from "./upsert-log-entries";
import {
  upsertEscalationPolicies,
  upsertSchedules,
  upsertServices,
  upsertTeams,
} from "./upsert-organisation";
import { type RejectedRecord, upsertPeople } from "./upsert-people";
import { upsertShifts } from "./upsert-shifts";

export type CountsByKind = Partial<Record<ImportRecordKind, WriteCounts>>;

export interface LoadResult {
  totals: WriteCounts;
  byKind: CountsByKind;
  rejected: number;
  /** The first rejections, to show right away (a dry run rolls the stored ones back). */
  firstRejections: Rejection[];
  /** Incidents whose own data or log entries changed: their derived fields need recomputing. */
  changedIncidentIds: IdSet;
  /** People were added or renamed: notify entries known only by name may now resolve. */
  havePeopleChanged: boolean;
}

export interface RecordLoaderOptions {
  importRunId: number | null;
  fileName: string | null;
  /** Records held before a flush; a flush is a handful of statements whatever its size. */
  batchSize?: number;
}

const REJECTION_BATCH = 500;
const REJECTIONS_SHOWN = 20;
const RAW_LIMIT = 10_000;

type Buffers = {
  team: TeamRecord[];
  escalation_policy: EscalationPolicyRecord[];
  service: ServiceRecord[];
  schedule: ScheduleRecord[];
  person: PersonRecord[];
  incident: IncidentRecord[];
  log_entry: LogEntryRecord[];
  shift: ShiftRecord[];
};

const emptyBuffers = (): Buffers => ({
  team: [],
  escalation_policy: [],
  service: [],
  schedule: [],
  person: [],
  incident: [],
  log_entry: [],
  shift: [],
});

/** The record with its payload as JSON text (see RawJson): what the batch holds until written. */
function withRawSerialised(record: ImportRecord): ImportRecord {
  if (
    (record.kind !== "incident" && record.kind !== "log_entry") ||
    record.raw instanceof RawJson
  ) {
    return record;
  }
  return { ...record, raw: new RawJson(JSON.stringify(record.raw ?? null)) };
}

/**
 * Takes records and rejections as a reader yields them and writes them in batches: within a
 * batch, referenced objects first (teams, policies, services, schedules, people), then incidents,
 * log entries and shifts, so a batch never refers to a row it has not written. Rejected rows are
 * stored with their line and reason. Everything goes through `sql`, the file's transaction.
 *
 * A full batch is written while the reader goes on filling the next one, so parsing and mapping
 * in Node overlap PostgreSQL's writing (two cores do twice the work); at most two batches are in
 * memory, and the writes themselves stay one at a time, in order, on the one transaction.
 */
export function createRecordLoader(sql: SqlClient, options: RecordLoaderOptions) {
  const batchSize = options.batchSize ?? 1_000;
  let buffers = emptyBuffers();
  let buffered = 0;
  const origins = new WeakMap<ImportRecord, number | null>();
  /** Rejections the reader yielded since the last batch was cut: they are written with it. */
  let readRejections: Rejection[] = [];
  /** The write in progress; the next waits for it (and fails with it). */
  let writing: Promise<void> = Promise.resolve();
  const result: LoadResult = {
    totals: noWrites(),
    byKind: {},
    rejected: 0,
    firstRejections: [],
    changedIncidentIds: new IdSet(),
    havePeopleChanged: false,
  };

  function count(kind: ImportRecordKind, counts: WriteCounts) {
    if (counts.inserted + counts.updated + counts.unchanged === 0) return;
    const byKind = result.byKind[kind] ?? noWrites();
    addCounts(byKind, counts);
    result.byKind[kind] = byKind;
    addCounts(result.totals, counts);
  }

  function rejectionsOf<T extends ImportRecord>(rejectedRecords: RejectedRecord<T>[]): Rejection[] {
    return rejectedRecords.map(({ record, reason }) => ({
      line: origins.get(record) ?? null,
      reason,
      raw: ("raw" in record ? rawJsonText(record.raw) : JSON.stringify(record)).slice(0, RAW_LIMIT),
    }));
  }

  async function writeRejections(batch: Rejection[]) {
    if (batch.length === 0) return;
    result.rejected += batch.length;
    result.firstRejections.push(
      ...batch.slice(0, Math.max(0, REJECTIONS_SHOWN - result.firstRejections.length)),
    );
    if (options.importRunId === null) return;
    for (let start = 0; start < batch.length; start += REJECTION_BATCH) {
      const slice = batch.slice(start, start + REJECTION_BATCH);
      await sql.$executeRaw(Prisma.sql`
        INSERT INTO rejected_rows (import_run_id, file_name, line_number, reason, raw_row)
        SELECT ${options.importRunId}::int4, ${options.fileName}::text, u.line, u.reason, u.raw
        FROM unnest(${slice.map((rejection) => rejection.line)}::int4[],
                    ${slice.map((rejection) => rejection.reason)}::text[],
                    ${slice.map((rejection) => rejection.raw)}::text[]) AS u(line, reason, raw)`);
    }
  }

  async function flush(batch: Buffers, rejections: Rejection[]): Promise<void> {
    count("team", await upsertTeams(sql, batch.team));
    count("escalation_policy", await upsertEscalationPolicies(sql, batch.escalation_policy));
    count("service", await upsertServices(sql, batch.service));
    count("schedule", await upsertSchedules(sql, batch.schedule));
    const people = await upsertPeople(sql, batch.person);
    count("person", people.counts);
    rejections.push(...rejectionsOf(people.rejected));
    if (people.counts.inserted + people.counts.updated > 0) result.havePeopleChanged = true;
    const incidents = await upsertIncidents(sql, batch.incident, options.importRunId);
    count("incident", incidents.counts);
    for (const id of incidents.changedIds) result.changedIncidentIds.add(id);
    const logEntries = await upsertLogEntries(sql, batch.log_entry, options.importRunId);
    count("log_entry", logEntries.counts);
    for (const id of logEntries.changedIncidentIds) result.changedIncidentIds.add(id);
    const shifts = await upsertShifts(sql, batch.shift, options.importRunId);
    count("shift", shifts.counts);
    rejections.push(...rejectionsOf(shifts.rejected));
    await writeRejections(rejections);
  }

  /** Cuts the buffered records and rejections into a batch written after the one in progress. */
  async function startWriting(): Promise<void> {
    const batch = buffers;
    const rejections = readRejections;
    buffers = emptyBuffers();
    buffered = 0;
    readRejections = [];
    await writing;
    writing = flush(batch, rejections);
    // Awaited by the next add or by finish; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  }

  return {
    async add(item: ReadItem): Promise<void> {
      if (item.type === "rejection") {
        readRejections.push(item.rejection);
        if (readRejections.length >= REJECTION_BATCH) await startWriting();
        return;
      }
      const record = withRawSerialised(item.record);
      origins.set(record, item.origin.line);
      (buffers[record.kind] as ImportRecord[]).push(record);
      buffered += 1;
      if (buffered >= batchSize) await startWriting();
    },
    async finish(): Promise<LoadResult> {
      await startWriting();
      await writing;
      return result;
    },
  };
}
