/** The plain shifts CSV: person (e-mail or name), schedule, level (default 1), start, end. */
import { createColumnFinder } from "./csv-columns";
import type { CsvMapperFactory } from "./csv-format";
import { findRequiredColumns } from "./missing-columns";
import { createShiftRowMapper } from "./shift-row";

export const SHIFTS_HEADERS = {
  email: ["email", "e-mail", "person email", "user email"],
  name: ["name", "person name", "user name"],
  person: ["person", "user", "on call", "responder"],
  schedule: ["schedule", "schedule name"],
  scheduleId: ["schedule id"],
  level: ["level", "escalation level"],
  start: ["start", "starts at", "start at", "start time", "from"],
  end: ["end", "ends at", "end at", "end time", "to", "until"],
} as const;

/** Row mapper for a shifts CSV, or why these headers are not one. */
export const createShiftsCsvMapper: CsvMapperFactory = (headers, options) => {
  const find = createColumnFinder(headers);
  const email = find(SHIFTS_HEADERS.email);
  const name = find(SHIFTS_HEADERS.name);
  const person = find(SHIFTS_HEADERS.person);
  const required = findRequiredColumns("a shifts CSV", headers, {
    person: { display: "person", column: email ?? name ?? person },
    start: { display: "start", column: find(SHIFTS_HEADERS.start) },
    end: { display: "end", column: find(SHIFTS_HEADERS.end) },
  });
  if (!required.ok) return required;
  const mapRow = createShiftRowMapper(
    {
      email,
      name,
      person,
      schedule: find(SHIFTS_HEADERS.schedule),
      scheduleId: find(SHIFTS_HEADERS.scheduleId),
      level: find(SHIFTS_HEADERS.level),
      start: required.columns.start,
      end: required.columns.end,
    },
    options.timeZone,
  );
  return { ok: true, mapRow };
};
