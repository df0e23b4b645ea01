/** One CSV row → ShiftRecord, for the plain shifts CSV and mapped shift CSVs. */
import type { PersonReference, ShiftRecord } from "../../records";
import { type CsvRow, cellText, readCellTimestamp, readCellWholeNumber } from "./csv-cells";
import type { CsvColumn } from "./csv-columns";
import type { CsvRowMapper } from "./csv-format";

export interface ShiftColumns {
  email: CsvColumn | null;
  name: CsvColumn | null;
  /** A column holding an e-mail or a name, whichever each row has (`person`, `user`). */
  person: CsvColumn | null;
  schedule: CsvColumn | null;
  scheduleId: CsvColumn | null;
  level: CsvColumn | null;
  start: CsvColumn;
  end: CsvColumn;
}

function readPerson(row: CsvRow, columns: ShiftColumns): PersonReference | null {
  const either = cellText(row, columns.person);
  const eitherIsEmail = either?.includes("@") ?? false;
  const email = cellText(row, columns.email) ?? (eitherIsEmail ? either : null);
  const name = cellText(row, columns.name) ?? (eitherIsEmail ? null : either);
  if (!email && !name) return null;
  return { pagerdutyId: null, email: email?.toLowerCase() ?? null, name };
}

/** A row mapper for shift CSVs whose columns are already found. */
export function createShiftRowMapper(columns: ShiftColumns, timeZone: string | null): CsvRowMapper {
  const personLabels = [columns.email, columns.name, columns.person]
    .filter((column): column is CsvColumn => column !== null)
    .map((column) => column.label);
  return (row) => {
    const person = readPerson(row, columns);
    if (!person) {
      return {
        ok: false,
        reason: `${personLabels.join(" / ")}: empty — every shift needs a person (an e-mail or a name)`,
      };
    }
    const start = readCellTimestamp(row, columns.start, timeZone);
    if (!start.ok) return start;
    const end = readCellTimestamp(row, columns.end, timeZone);
    if (!end.ok) return end;
    if (!start.value)
      return { ok: false, reason: `${columns.start.label}: empty — every shift needs a start` };
    if (!end.value)
      return { ok: false, reason: `${columns.end.label}: empty — every shift needs an end` };
    if (end.value <= start.value) {
      return {
        ok: false,
        reason: `${columns.end.label}: "${cellText(row, columns.end)}" is not after ${columns.start.label} "${cellText(row, columns.start)}" — a shift must end after it starts`,
      };
    }
    const level = readCellWholeNumber(
      row,
      columns.level,
      1,
      "a level — use 1 for primary, 2 for secondary, and so on",
    );
    if (!level.ok) return level;
    const scheduleId = cellText(row, columns.scheduleId);
    const scheduleName = cellText(row, columns.schedule);
    const shift: ShiftRecord = {
      kind: "shift",
      source: "shifts_csv",
      person,
      // A schedule named without its id is matched (or created) by name.
      schedule:
        scheduleId || scheduleName
          ? { pagerdutyId: scheduleId || null, name: scheduleName || null }
          : null,
      escalationPolicy: null,
      level: level.value ?? 1,
      startAt: start.value,
      endAt: end.value,
    };
    return { ok: true, value: [shift] };
  };
}
