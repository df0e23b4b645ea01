import { Prisma } from "@/prisma/generated/client/client";
import { referenceKey, type ShiftRecord } from "../records";
import { ensureReferenced } from "./organisation-references";
import { countsOf, lastByKey, type SqlClient, type WriteCounts } from "./sql-client";
import { type RejectedRecord, resolvePeople } from "./upsert-people";

/**
 * On-call shifts, upserted on a natural key (source, person, schedule, policy, level, start) so
 * re-importing a feed changes nothing and a shift whose end moved is updated in place. A shift
 * whose person cannot be identified is rejected with the reason.
 */
export async function upsertShifts(
  sql: SqlClient,
  records: ShiftRecord[],
  importRunId: number | null,
): Promise<{ counts: WriteCounts; rejected: RejectedRecord<ShiftRecord>[] }> {
  if (records.length === 0) return { counts: countsOf([], 0), rejected: [] };
  const [personOf, scheduleIds, policyIds] = await Promise.all([
    resolvePeople(
      sql,
      records.map((record) => record.person),
      { createNamedPeople: true },
    ),
    ensureReferenced(
      sql,
      "schedules",
      records.map((record) => record.schedule),
    ),
    ensureReferenced(
      sql,
      "escalation_policies",
      records.map((record) => record.escalationPolicy),
    ),
  ]);
  const rejected: RejectedRecord<ShiftRecord>[] = [];
  const rows: {
    key: string;
    personId: number;
    scheduleId: number | null;
    policyId: number | null;
    record: ShiftRecord;
  }[] = [];
  for (const record of records) {
    const personId = personOf(record.person);
    if (personId === null) {
      const who = record.person.name ?? record.person.email ?? record.person.pagerdutyId;
      rejected.push({
        record,
        reason: `Shift ${record.startAt.toISOString()}: "${who}" matches no single person (two people share the name, or it is empty); use an e-mail or PagerDuty id.`,
      });
      continue;
    }
    const scheduleId = record.schedule
      ? (scheduleIds.get(referenceKey(record.schedule)) ?? null)
      : null;
    const policyId = record.escalationPolicy
      ? (policyIds.get(referenceKey(record.escalationPolicy)) ?? null)
      : null;
    const key = [
      record.source,
      personId,
      scheduleId ?? "-",
      policyId ?? "-",
      record.level,
      record.startAt.toISOString(),
    ].join(":");
    rows.push({ key, personId, scheduleId, policyId, record });
  }
  const shifts = lastByKey(rows, (row) => row.key);
  if (shifts.length === 0) return { counts: countsOf([], 0), rejected };
  const returned = await sql.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
    INSERT INTO on_call_shifts AS s (
      person_id, schedule_id, escalation_policy_id, level, start_at, end_at, source, source_key, import_run_id)
    SELECT u.person, u.schedule, u.policy, u.level, u.start_at, u.end_at, u.source::shift_source, u.key, ${importRunId}
    FROM unnest(
      ${shifts.map((shift) => shift.personId)}::int4[],
      ${shifts.map((shift) => shift.scheduleId)}::int4[],
      ${shifts.map((shift) => shift.policyId)}::int4[],
      ${shifts.map((shift) => shift.record.level)}::int4[],
      ${shifts.map((shift) => shift.record.startAt.toISOString())}::timestamptz[],
      ${shifts.map((shift) => shift.record.endAt.toISOString())}::timestamptz[],
      ${shifts.map((shift) => shift.record.source)}::text[],
      ${shifts.map((shift) => shift.key)}::text[]
    ) AS u(person, schedule, policy, level, start_at, end_at, source, key)
    ON CONFLICT (source_key) DO UPDATE SET end_at = excluded.end_at, import_run_id = excluded.import_run_id
    WHERE s.end_at IS DISTINCT FROM excluded.end_at
    RETURNING (xmax = 0) AS inserted`);
  return { counts: countsOf(returned, records.length - rejected.length), rejected };
}
