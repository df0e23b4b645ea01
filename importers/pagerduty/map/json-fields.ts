/**
 * Readers for the loosely typed fields PagerDuty objects share: references, people, text and
 * timestamps. They never throw; a reader for a required field returns a reason instead.
 */
import type { IdentifiedReference, MapResult, PersonReference } from "../records";
import { hasUtcOffset, parsePagerDutyTimestamp } from "./parse-timestamp";

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as it appears in a rejection reason: short, quoted JSON. */
export function describeJson(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Trimmed text, or null when absent or blank. Numbers are text too (the Analytics docs put 30 in a string field). */
export function readText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function readEmail(value: unknown): string | null {
  return readText(value)?.toLowerCase() ?? null;
}

/**
 * `{id, summary}` (or a full object with `name`) → reference; null when there is no id. Plain
 * checks rather than a schema: every log entry has four or five references, and a loose schema
 * copies each object it parses.
 */
export function readReference(value: unknown): IdentifiedReference | null {
  if (!isJsonObject(value) || typeof value.id !== "string") return null;
  const id = value.id.trim();
  if (id === "") return null;
  return { pagerdutyId: id, name: readText(value.summary) ?? readText(value.name) };
}

/** An array of references, skipping entries without an id and repeated ids. */
export function readReferences(value: unknown): IdentifiedReference[] {
  if (!Array.isArray(value)) return [];
  const byId = new Map<string, IdentifiedReference>();
  for (const item of value) {
    const reference = readReference(item);
    if (reference && !byId.has(reference.pagerdutyId)) byId.set(reference.pagerdutyId, reference);
  }
  return [...byId.values()];
}

/**
 * A user reference or an expanded user (`include[]=users`). An expanded user's `name` wins over
 * its `summary`; null when the object names nobody.
 */
export function readPersonReference(value: unknown): PersonReference | null {
  if (!isJsonObject(value)) return null;
  const person = {
    pagerdutyId: readText(value.id),
    email: readEmail(value.email),
    name: readText(value.name) ?? readText(value.summary),
  };
  return person.pagerdutyId || person.email || person.name ? person : null;
}

/** How a person is named in a reason: "Tim Wright (PT23IWX)". */
export function describePerson(person: PersonReference): string {
  const label = person.name ?? person.email ?? person.pagerdutyId ?? "someone";
  return person.pagerdutyId && label !== person.pagerdutyId
    ? `${label} (${person.pagerdutyId})`
    : label;
}

/**
 * A required timestamp field. `subject` names the object ("incident Q123"), `field` the key.
 * Text without an offset is read in `timeZone`.
 */
export function readTimestamp(
  subject: string,
  field: string,
  value: unknown,
  timeZone: string | null,
): MapResult<Date> {
  if (value === undefined || value === null || value === "") {
    return { ok: false, reason: `${subject}: ${field} is missing` };
  }
  if (typeof value !== "string") {
    return { ok: false, reason: `${subject}: ${field} ${describeJson(value)} is not a timestamp` };
  }
  const parsed = parsePagerDutyTimestamp(value, timeZone);
  if (parsed) return { ok: true, value: parsed };
  if (timeZone === null && parsePagerDutyTimestamp(value, "UTC") && !hasUtcOffset(value)) {
    return {
      ok: false,
      reason: `${subject}: ${field} "${value}" has no UTC offset and no time zone is known — pass the export's time zone (--tz, or the Analytics page's time_zone)`,
    };
  }
  return {
    ok: false,
    reason: `${subject}: ${field} "${value}" is not a timestamp (expected ISO 8601 such as 2024-03-01T09:00:00Z)`,
  };
}

/** An optional timestamp field: null when absent, a reason when present but unreadable. */
export function readOptionalTimestamp(
  subject: string,
  field: string,
  value: unknown,
  timeZone: string | null,
): MapResult<Date | null> {
  if (value === undefined || value === null || value === "") return { ok: true, value: null };
  return readTimestamp(subject, field, value, timeZone);
}

/** A whole number of seconds (Analytics sends numbers; some exports send numeric strings). */
export function readSeconds(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isFinite(number) && number >= 0 ? number : null;
}
