import { z } from "zod";
import type { ServiceRecord } from "../records";
import { isJsonObject, readReference, readReferences, readText } from "./json-fields";
import { type MappedObject, mappedRecords, rejectedObject } from "./mapped-object";
import { schemaFailureReason } from "./schema-reasons";

const serviceSchema = z.looseObject({ id: z.string().trim().min(1) });

/** A service (GET /services item) → ServiceRecord. Ocean's `__` enrichments are ignored. */
export function mapService(value: unknown): MappedObject {
  const id = isJsonObject(value) ? readText(value.id) : null;
  const subject = id ? `service ${id}` : "service without an id";
  const parsed = serviceSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return rejectedObject(schemaFailureReason(subject, parsed.error));
  const service = parsed.data;
  const name = readText(service.name) ?? readText(service.summary);
  if (!name) return rejectedObject(`${subject}: name is missing`);
  const record: ServiceRecord = {
    kind: "service",
    pagerdutyId: service.id,
    name,
    status: readText(service.status),
    escalationPolicy: readReference(service.escalation_policy),
    teams: readReferences(service.teams),
  };
  return mappedRecords([record]);
}
