/** Any other CSV, read through a saved column mapping (column-mapping.ts). */
import { type CsvColumn, createColumnFinder, describeHeaders } from "./csv-columns";
import type { CsvMapperFactory } from "./csv-format";
import { createIncidentRowMapper } from "./incident-row";
import { createShiftRowMapper } from "./shift-row";

/** Row mapper for a CSV read through `options.mapping`, or why the file does not fit it. */
export const createMappedCsvMapper: CsvMapperFactory = (headers, options) => {
  const { mapping } = options;
  if (!mapping) {
    return { ok: false, reason: "a mapped CSV needs a column mapping: pass --mapping FILE" };
  }
  const find = createColumnFinder(headers);
  const missing: string[] = [];
  const columnFor = (field: string, header: string | undefined): CsvColumn | null => {
    if (header === undefined) return null;
    const column = find([header]);
    if (!column) missing.push(`"${header}" (${field})`);
    return column;
  };
  // The mapping names the file's zone; --tz applies to files that do not.
  const timeZone = mapping.timeZone ?? options.timeZone;

  if (mapping.kind === "incidents") {
    const { columns } = mapping;
    const id = columnFor("id", columns.id);
    const title = columnFor("title", columns.title);
    const createdAt = columnFor("createdAt", columns.createdAt);
    const optional = {
      number: columnFor("number", columns.number),
      service: columnFor("service", columns.service),
      serviceId: columnFor("serviceId", columns.serviceId),
      team: columnFor("team", columns.team),
      teamId: columnFor("teamId", columns.teamId),
      escalationPolicy: columnFor("escalationPolicy", columns.escalationPolicy),
      escalationPolicyId: columnFor("escalationPolicyId", columns.escalationPolicyId),
      urgency: columnFor("urgency", columns.urgency),
      priority: columnFor("priority", columns.priority),
      status: columnFor("status", columns.status),
      acknowledgedAt: columnFor("acknowledgedAt", columns.acknowledgedAt),
      resolvedAt: columnFor("resolvedAt", columns.resolvedAt),
      secondsToFirstAck: columnFor("secondsToFirstAck", columns.secondsToFirstAck),
      secondsToResolve: columnFor("secondsToResolve", columns.secondsToResolve),
      startedAt: columnFor("startedAt", columns.startedAt),
      detectionSource: columnFor("detectionSource", columns.detectionSource),
    };
    if (!id || !title || !createdAt || missing.length > 0) return notInFile(missing, headers);
    return {
      ok: true,
      mapRow: createIncidentRowMapper({ id, title, createdAt, ...optional }, timeZone),
    };
  }

  const { columns } = mapping;
  const start = columnFor("start", columns.start);
  const end = columnFor("end", columns.end);
  const others = {
    email: columnFor("email", columns.email),
    name: columnFor("name", columns.name),
    person: null,
    schedule: columnFor("schedule", columns.schedule),
    scheduleId: columnFor("scheduleId", columns.scheduleId),
    level: columnFor("level", columns.level),
  };
  if (!start || !end || missing.length > 0) return notInFile(missing, headers);
  return { ok: true, mapRow: createShiftRowMapper({ ...others, start, end }, timeZone) };
};

function notInFile(missing: string[], headers: readonly string[]) {
  return {
    ok: false as const,
    reason: `the column mapping names columns this file does not have: ${missing.join(", ")} (found: ${describeHeaders(headers)})`,
  };
}
