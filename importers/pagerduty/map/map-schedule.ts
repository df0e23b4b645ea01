import { z } from "zod";
import type { PagerDutyReference, ScheduleRecord, ShiftRecord } from "../records";
import {
  describePerson,
  isJsonObject,
  readPersonReference,
  readReferences,
  readText,
} from "./json-fields";
import { readShiftWindow } from "./map-oncall";
import {
  combineMapped,
  type MappedObject,
  mappedRecords,
  type RestObjectContext,
  rejectedObject,
} from "./mapped-object";
import { schemaFailureReason } from "./schema-reasons";
import { canonicalTimeZone } from "./time-zones";

const scheduleSchema = z.looseObject({ id: z.string().trim().min(1) });

function mapRenderedEntry(
  entry: unknown,
  index: number,
  schedule: PagerDutyReference,
  context: RestObjectContext,
): MappedObject {
  const entrySubject = `schedule ${schedule.pagerdutyId} final_schedule entry ${index + 1}`;
  if (!isJsonObject(entry)) return rejectedObject(`${entrySubject}: is not an object`);
  const person = readPersonReference(entry.user);
  if (!person) return rejectedObject(`${entrySubject}: user is missing`);
  const window = readShiftWindow(
    `${entrySubject} (${describePerson(person)})`,
    entry.start,
    entry.end,
    context.timeZone,
  );
  if (!window.ok) return rejectedObject(window.reason);
  const shift: ShiftRecord = {
    kind: "shift",
    source: "pagerduty_oncalls",
    person,
    schedule,
    // A schedule can serve several escalation policies at different levels; its own entries
    // say nothing about either, so they count as primary (level 1) on no particular policy.
    escalationPolicy: null,
    level: 1,
    ...window.value,
  };
  return mappedRecords([shift]);
}

/**
 * A schedule (GET /schedules item or GET /schedules/{id}) → ScheduleRecord, plus a ShiftRecord for
 * each `final_schedule.rendered_schedule_entries` item (present when fetched with since/until).
 */
export function mapSchedule(value: unknown, context: RestObjectContext): MappedObject {
  const id = isJsonObject(value) ? readText(value.id) : null;
  const subject = id ? `schedule ${id}` : "schedule without an id";
  const parsed = scheduleSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return rejectedObject(schemaFailureReason(subject, parsed.error));
  const schedule = parsed.data;
  const name = readText(schedule.name) ?? readText(schedule.summary);
  if (!name) return rejectedObject(`${subject}: name is missing`);
  const timeZone = readText(schedule.time_zone);
  const record: ScheduleRecord = {
    kind: "schedule",
    pagerdutyId: schedule.id,
    name,
    timeZone: timeZone ? canonicalTimeZone(timeZone) : null,
    teams: readReferences(schedule.teams),
  };
  const finalSchedule = isJsonObject(schedule.final_schedule) ? schedule.final_schedule : null;
  const entries = Array.isArray(finalSchedule?.rendered_schedule_entries)
    ? finalSchedule.rendered_schedule_entries
    : [];
  const reference = { pagerdutyId: schedule.id, name };
  return combineMapped([
    mappedRecords([record]),
    ...entries.map((entry, index) => mapRenderedEntry(entry, index, reference, context)),
  ]);
}
