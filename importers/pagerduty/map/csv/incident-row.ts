/**
 * One CSV row → IncidentRecord, for every incident CSV (Insights export, legacy Reports CSV, a
 * mapped CSV). The formats differ only in which header holds which field.
 */
import type {
  DetectionSourceValue,
  IncidentRecord,
  IncidentStatusValue,
  MapResult,
  PagerDutyReference,
  UrgencyValue,
} from "../../records";
import { parseDetectionSource, parseIncidentStatus, parseUrgency } from "../incident-values";
import {
  type CsvRow,
  cellText,
  readCellSeconds,
  readCellTimestamp,
  readCellWholeNumber,
  requiredCell,
  splitCellValues,
} from "./csv-cells";
import type { CsvColumn } from "./csv-columns";
import type { CsvRowMapper } from "./csv-format";

/** Where each incident field is in the file; null = the file has no such column. */
export interface IncidentColumns {
  id: CsvColumn;
  title: CsvColumn;
  createdAt: CsvColumn;
  number: CsvColumn | null;
  service: CsvColumn | null;
  serviceId: CsvColumn | null;
  team: CsvColumn | null;
  teamId: CsvColumn | null;
  escalationPolicy: CsvColumn | null;
  escalationPolicyId: CsvColumn | null;
  urgency: CsvColumn | null;
  priority: CsvColumn | null;
  status: CsvColumn | null;
  acknowledgedAt: CsvColumn | null;
  resolvedAt: CsvColumn | null;
  secondsToFirstAck: CsvColumn | null;
  secondsToResolve: CsvColumn | null;
  startedAt: CsvColumn | null;
  detectionSource: CsvColumn | null;
}

/**
 * References from an id column and a name column, value by value ("PQ1; PQ2" with "Team A;
 * Team B"). A file with names only refers by name (the loader matches or creates by name).
 */
function readReferences(
  row: CsvRow,
  idColumn: CsvColumn | null,
  nameColumn: CsvColumn | null,
): PagerDutyReference[] {
  const names = splitCellValues(cellText(row, nameColumn));
  const ids = splitCellValues(cellText(row, idColumn));
  if (ids.length === 0) return names.map((name) => ({ pagerdutyId: null, name }));
  return ids.map((pagerdutyId, index) => ({
    pagerdutyId,
    name: names[index] ?? null,
  }));
}

function readChoice<T>(
  row: CsvRow,
  column: CsvColumn | null,
  parse: (text: string) => T | null,
  hint: string,
): MapResult<T | null> {
  const text = cellText(row, column);
  if (text === null || !column) return { ok: true, value: null };
  const value = parse(text);
  return value === null
    ? { ok: false, reason: `${column.label}: "${text}" is not ${hint}` }
    : { ok: true, value };
}

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

interface Fields {
  id: string;
  title: string;
  createdAt: Date;
  number: number | null;
  urgency: UrgencyValue | null;
  status: IncidentStatusValue | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  secondsToFirstAck: number | null;
  secondsToResolve: number | null;
  startedAt: Date | null;
  detectionSource: DetectionSourceValue | null;
}

/** Reads every typed cell, stopping at the first that cannot be read. */
function readFields(
  row: CsvRow,
  columns: IncidentColumns,
  timeZone: string | null,
): MapResult<Fields> {
  const id = requiredCell(row, columns.id);
  if (!id.ok) return id;
  const title = requiredCell(row, columns.title);
  if (!title.ok) return title;
  const createdAt = readCellTimestamp(row, columns.createdAt, timeZone);
  if (!createdAt.ok) return createdAt;
  if (!createdAt.value) {
    return {
      ok: false,
      reason: `${columns.createdAt.label}: empty — every row needs a value here`,
    };
  }
  const number = readCellWholeNumber(
    row,
    columns.number,
    1,
    "an incident number — use digits such as 1234",
  );
  if (!number.ok) return number;
  const urgency = readChoice(row, columns.urgency, parseUrgency, "an urgency — use high or low");
  if (!urgency.ok) return urgency;
  const status = readChoice(
    row,
    columns.status,
    parseIncidentStatus,
    "a status — use triggered, acknowledged or resolved",
  );
  if (!status.ok) return status;
  const acknowledgedAt = readCellTimestamp(row, columns.acknowledgedAt, timeZone);
  if (!acknowledgedAt.ok) return acknowledgedAt;
  const resolvedAt = readCellTimestamp(row, columns.resolvedAt, timeZone);
  if (!resolvedAt.ok) return resolvedAt;
  const secondsToFirstAck = readCellSeconds(row, columns.secondsToFirstAck);
  if (!secondsToFirstAck.ok) return secondsToFirstAck;
  const secondsToResolve = readCellSeconds(row, columns.secondsToResolve);
  if (!secondsToResolve.ok) return secondsToResolve;
  const startedAt = readCellTimestamp(row, columns.startedAt, timeZone);
  if (!startedAt.ok) return startedAt;
  const detectionSource = readChoice(
    row,
    columns.detectionSource,
    parseDetectionSource,
    "a detection source — use monitoring, customer, staff, unknown or test",
  );
  if (!detectionSource.ok) return detectionSource;
  return {
    ok: true,
    value: {
      id: id.value,
      title: title.value,
      createdAt: createdAt.value,
      number: number.value,
      urgency: urgency.value,
      status: status.value,
      acknowledgedAt: acknowledgedAt.value,
      resolvedAt: resolvedAt.value,
      secondsToFirstAck: secondsToFirstAck.value,
      secondsToResolve: secondsToResolve.value,
      startedAt: startedAt.value,
      detectionSource: detectionSource.value,
    },
  };
}

/** A row mapper for incident CSVs whose columns are already found. */
export function createIncidentRowMapper(
  columns: IncidentColumns,
  timeZone: string | null,
): CsvRowMapper {
  return (row) => {
    const read = readFields(row, columns, timeZone);
    if (!read.ok) return read;
    const fields = read.value;
    const acknowledgedAt =
      fields.acknowledgedAt ??
      (fields.secondsToFirstAck === null
        ? null
        : addSeconds(fields.createdAt, fields.secondsToFirstAck));
    const statedOrDerivedResolvedAt =
      fields.resolvedAt ??
      (fields.secondsToResolve !== null && (fields.status === null || fields.status === "resolved")
        ? addSeconds(fields.createdAt, fields.secondsToResolve)
        : null);
    // A file without a status column still says enough: a resolve time means resolved.
    const status: IncidentStatusValue =
      fields.status ??
      (statedOrDerivedResolvedAt ? "resolved" : acknowledgedAt ? "acknowledged" : "triggered");
    const resolvedAt = status === "resolved" ? statedOrDerivedResolvedAt : null;
    // A resolve time derived from seconds_to_resolve cannot precede creation: this one was stated.
    if (resolvedAt && resolvedAt < fields.createdAt && columns.resolvedAt) {
      return {
        ok: false,
        reason: `${columns.resolvedAt.label}: "${cellText(row, columns.resolvedAt)}" is before ${columns.createdAt.label} "${cellText(row, columns.createdAt)}" — check the row's times`,
      };
    }

    const service = readReferences(row, columns.serviceId, columns.service)[0] ?? null;
    const escalationPolicy =
      readReferences(row, columns.escalationPolicyId, columns.escalationPolicy)[0] ?? null;
    const record: IncidentRecord = {
      kind: "incident",
      pagerdutyId: fields.id,
      number: fields.number,
      title: fields.title,
      service,
      escalationPolicy,
      teams: readReferences(row, columns.teamId, columns.team),
      // PagerDuty's default urgency.
      urgency: fields.urgency ?? "high",
      priority: cellText(row, columns.priority),
      status,
      incidentKey: null,
      createdAt: fields.createdAt,
      acknowledgedAt,
      resolvedAt,
      startedAt: fields.startedAt,
      startedAtSource: fields.startedAt ? "csv" : null,
      resolvedByMerge: false,
      mergedIntoPagerdutyId: null,
      reportedDetectionSource: fields.detectionSource,
      raw: row,
    };
    return { ok: true, value: [record] };
  };
}
