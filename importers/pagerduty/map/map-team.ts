import { z } from "zod";
import type { TeamRecord } from "../records";
import { isJsonObject, readText } from "./json-fields";
import { type MappedObject, mappedRecords, rejectedObject } from "./mapped-object";
import { schemaFailureReason } from "./schema-reasons";

const teamSchema = z.looseObject({ id: z.string().trim().min(1) });

/** A team (GET /teams item) → TeamRecord. */
export function mapTeam(value: unknown): MappedObject {
  const id = isJsonObject(value) ? readText(value.id) : null;
  const subject = id ? `team ${id}` : "team without an id";
  const parsed = teamSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return rejectedObject(schemaFailureReason(subject, parsed.error));
  const team = parsed.data;
  const name = readText(team.name) ?? readText(team.summary);
  if (!name) return rejectedObject(`${subject}: name is missing`);
  const record: TeamRecord = {
    kind: "team",
    pagerdutyId: team.id,
    name,
    description: readText(team.description),
  };
  return mappedRecords([record]);
}
