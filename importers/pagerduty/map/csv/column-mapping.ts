/**
 * A saved column mapping: how to read "any other CSV" (--mapping FILE). For example
 * `{"kind":"incidents","timeZone":"Europe/Stockholm","columns":{"id":"Ticket","title":"Subject",
 * "createdAt":"Opened"}}`: record field → the CSV header holding it.
 */
import { z } from "zod";
import { timeZoneSchema } from "@/lib/shared/time-zone";

const header = z.string().trim().min(1, "name a CSV header");

export const INCIDENT_MAPPING_FIELDS = [
  "id",
  "title",
  "createdAt",
  "number",
  "service",
  "serviceId",
  "team",
  "teamId",
  "escalationPolicy",
  "escalationPolicyId",
  "urgency",
  "priority",
  "status",
  "acknowledgedAt",
  "resolvedAt",
  "secondsToFirstAck",
  "secondsToResolve",
  "startedAt",
  "detectionSource",
] as const;

export const SHIFT_MAPPING_FIELDS = [
  "email",
  "name",
  "schedule",
  "scheduleId",
  "level",
  "start",
  "end",
] as const;

const incidentColumnsSchema = z.strictObject({
  id: header,
  title: header,
  createdAt: header,
  number: header.optional(),
  service: header.optional(),
  serviceId: header.optional(),
  team: header.optional(),
  teamId: header.optional(),
  escalationPolicy: header.optional(),
  escalationPolicyId: header.optional(),
  urgency: header.optional(),
  priority: header.optional(),
  status: header.optional(),
  acknowledgedAt: header.optional(),
  resolvedAt: header.optional(),
  secondsToFirstAck: header.optional(),
  secondsToResolve: header.optional(),
  startedAt: header.optional(),
  detectionSource: header.optional(),
});

const shiftColumnsSchema = z
  .strictObject({
    email: header.optional(),
    name: header.optional(),
    schedule: header.optional(),
    scheduleId: header.optional(),
    level: header.optional(),
    start: header,
    end: header,
  })
  .refine((columns) => columns.email !== undefined || columns.name !== undefined, {
    message: "a shifts mapping needs an email or a name column for the person",
  });

export const columnMappingSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("incidents"),
      timeZone: timeZoneSchema.optional(),
      columns: incidentColumnsSchema,
    }),
    z.strictObject({
      kind: z.literal("shifts"),
      timeZone: timeZoneSchema.optional(),
      columns: shiftColumnsSchema,
    }),
  ],
  { error: 'kind must be "incidents" or "shifts"' },
);

export type ColumnMapping = z.infer<typeof columnMappingSchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

function describeIssue(issue: z.core.$ZodIssue, kind: unknown): string {
  const where = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const fields = kind === "shifts" ? SHIFT_MAPPING_FIELDS : INCIDENT_MAPPING_FIELDS;
    const known = where === "columns" ? ` (${String(kind)} fields: ${fields.join(", ")})` : "";
    const keys = issue.keys.map((key) => (where ? `${where}.${key}` : key));
    return `${keys.join(", ")}: not a mapping field${known}`;
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return `${where}: missing`;
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Validates a parsed mapping file, with a message a person can act on:
 * `column mapping: columns.createdAt: missing; columns.opened: not a mapping field (fields: …)`.
 */
export function parseColumnMapping(
  json: unknown,
): { ok: true; mapping: ColumnMapping } | { ok: false; message: string } {
  const parsed = columnMappingSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return { ok: true, mapping: parsed.data };
  return {
    ok: false,
    message: `column mapping: ${parsed.error.issues
      .map((issue) => describeIssue(issue, isRecord(json) ? json.kind : undefined))
      .join("; ")}`,
  };
}
