import { z } from "zod";
import type { MapResult, ShiftRecord } from "../records";
import { describePerson, readPersonReference, readReference, readTimestamp } from "./json-fields";
import {
  type MappedObject,
  mappedRecords,
  type RestObjectContext,
  rejectedObject,
} from "./mapped-object";
import { schemaFailureReason } from "./schema-reasons";

const oncallSchema = z.looseObject({ escalation_level: z.number().int().min(1).nullish() });

const PERMANENT_ON_CALL =
  "PagerDuty gives no start or end for a permanent on-call (a user named directly in an escalation rule), so there is no shift to import";

/** `start`/`end` of an on-call or schedule entry: both readable, end after start. */
export function readShiftWindow(
  subject: string,
  start: unknown,
  end: unknown,
  timeZone: string | null,
): MapResult<{ startAt: Date; endAt: Date }> {
  for (const [field, value] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (value === null)
      return { ok: false, reason: `${subject}: ${field} is null — ${PERMANENT_ON_CALL}` };
  }
  const startAt = readTimestamp(subject, "start", start, timeZone);
  if (!startAt.ok) return startAt;
  const endAt = readTimestamp(subject, "end", end, timeZone);
  if (!endAt.ok) return endAt;
  if (endAt.value <= startAt.value) {
    return {
      ok: false,
      reason: `${subject}: end ${endAt.value.toISOString()} is not after start ${startAt.value.toISOString()}`,
    };
  }
  return { ok: true, value: { startAt: startAt.value, endAt: endAt.value } };
}

/** An on-call (GET /oncalls item; `user` a reference or expanded) → ShiftRecord. */
export function mapOncall(value: unknown, context: RestObjectContext): MappedObject {
  const parsed = oncallSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return rejectedObject(schemaFailureReason("oncall", parsed.error));
  const oncall = parsed.data;
  const person = readPersonReference(oncall.user);
  const escalationPolicy = readReference(oncall.escalation_policy);
  const level = oncall.escalation_level ?? 1;
  const policyLabel = escalationPolicy
    ? `, ${escalationPolicy.name ?? escalationPolicy.pagerdutyId} level ${level}`
    : "";
  if (!person) return rejectedObject(`oncall${policyLabel}: user is missing`);
  const subject = `oncall of ${describePerson(person)}${policyLabel}`;
  const window = readShiftWindow(subject, oncall.start, oncall.end, context.timeZone);
  if (!window.ok) return rejectedObject(window.reason);
  const shift: ShiftRecord = {
    kind: "shift",
    source: "pagerduty_oncalls",
    person,
    schedule: readReference(oncall.schedule),
    escalationPolicy,
    level,
    ...window.value,
  };
  return mappedRecords([shift]);
}
