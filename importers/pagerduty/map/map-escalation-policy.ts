import { z } from "zod";
import type { EscalationPolicyRecord } from "../records";
import { isJsonObject, readReferences, readText } from "./json-fields";
import { type MappedObject, mappedRecords, rejectedObject } from "./mapped-object";
import { schemaFailureReason } from "./schema-reasons";

const escalationPolicySchema = z.looseObject({
  id: z.string().trim().min(1),
  // PagerDuty's default: the policy runs once and does not repeat.
  num_loops: z.number().int().min(0).nullish(),
  escalation_rules: z.array(z.unknown()).nullish(),
});

/** An escalation policy (GET /escalation_policies item) → EscalationPolicyRecord. */
export function mapEscalationPolicy(value: unknown): MappedObject {
  const id = isJsonObject(value) ? readText(value.id) : null;
  const subject = id ? `escalation policy ${id}` : "escalation policy without an id";
  const parsed = escalationPolicySchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return rejectedObject(schemaFailureReason(subject, parsed.error));
  const policy = parsed.data;
  const name = readText(policy.name) ?? readText(policy.summary);
  if (!name) return rejectedObject(`${subject}: name is missing`);
  const record: EscalationPolicyRecord = {
    kind: "escalation_policy",
    pagerdutyId: policy.id,
    name,
    numLoops: policy.num_loops ?? 0,
    rules: policy.escalation_rules ?? [],
    teams: readReferences(policy.teams),
  };
  return mappedRecords([record]);
}
