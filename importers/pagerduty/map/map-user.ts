import { z } from "zod";
import type { PersonRecord } from "../records";
import { isJsonObject, readEmail, readReferences, readText } from "./json-fields";
import { type MappedObject, mappedRecords, rejectedObject } from "./mapped-object";
import { schemaFailureReason } from "./schema-reasons";
import { canonicalTimeZone } from "./time-zones";

const userSchema = z.looseObject({ id: z.string().trim().min(1).nullish() });

/**
 * A user (GET /users item, or an expanded user) → PersonRecord. A `time_zone` that cannot be
 * placed becomes null, which means the account's zone: the person still imports.
 */
export function mapUser(value: unknown): MappedObject {
  const id = isJsonObject(value) ? readText(value.id) : null;
  const subject = id ? `user ${id}` : "user without an id";
  const parsed = userSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return rejectedObject(schemaFailureReason(subject, parsed.error));
  const user = parsed.data;
  const name = readText(user.name) ?? readText(user.summary);
  if (!name) return rejectedObject(`${subject}: name is missing`);
  const timeZone = readText(user.time_zone);
  const record: PersonRecord = {
    kind: "person",
    pagerdutyId: user.id ?? null,
    name,
    email: readEmail(user.email),
    timeZone: timeZone ? canonicalTimeZone(timeZone) : null,
    teams: readReferences(user.teams),
  };
  return mappedRecords([record]);
}
