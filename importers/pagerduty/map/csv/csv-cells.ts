/**
 * Reading one cell. Every reason names the column and the value and says what to write instead:
 * `Created at: "2024-13-01" is not a date — use ISO 8601 such as 2024-03-01T09:00:00Z`.
 */
import type { MapResult } from "../../records";
import { hasUtcOffset, parsePagerDutyTimestamp } from "../parse-timestamp";
import type { CsvColumn } from "./csv-columns";

export type CsvRow = Record<string, string>;

/** The trimmed cell, or null when the column is absent or the cell blank. */
export function cellText(row: CsvRow, column: CsvColumn | null): string | null {
  if (!column) return null;
  const value: unknown = row[column.key];
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export function requiredCell(row: CsvRow, column: CsvColumn): MapResult<string> {
  const text = cellText(row, column);
  return text === null
    ? { ok: false, reason: `${column.label}: empty — every row needs a value here` }
    : { ok: true, value: text };
}

/** A timestamp cell; without an offset it is read in `timeZone`. Null when blank. */
export function readCellTimestamp(
  row: CsvRow,
  column: CsvColumn | null,
  timeZone: string | null,
): MapResult<Date | null> {
  const text = cellText(row, column);
  if (text === null || !column) return { ok: true, value: null };
  const instant = parsePagerDutyTimestamp(text, timeZone);
  if (instant) return { ok: true, value: instant };
  if (timeZone === null && !hasUtcOffset(text) && parsePagerDutyTimestamp(text, "UTC")) {
    return {
      ok: false,
      reason: `${column.label}: "${text}" has no UTC offset and no time zone was given — pass --tz (or "timeZone" in the column mapping), or write times with an offset such as 2024-03-01T09:00:00Z`,
    };
  }
  return {
    ok: false,
    reason: `${column.label}: "${text}" is not a date — use ISO 8601 such as 2024-03-01T09:00:00Z`,
  };
}

const CLOCK_DURATION = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/;

/** A duration in seconds: "300", "300.5", or "00:05:00" / "05:00". Null when blank. */
export function readCellSeconds(row: CsvRow, column: CsvColumn | null): MapResult<number | null> {
  const text = cellText(row, column);
  if (text === null || !column) return { ok: true, value: null };
  if (/^\d+(?:\.\d+)?$/.test(text)) return { ok: true, value: Number(text) };
  const clock = CLOCK_DURATION.exec(text);
  if (clock) {
    const [, hours, minutes, seconds] = clock;
    return {
      ok: true,
      value: Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds),
    };
  }
  return {
    ok: false,
    reason: `${column.label}: "${text}" is not a number of seconds — use whole seconds such as 300, or 00:05:00`,
  };
}

/** A whole number of at least `minimum`; "#1234" is 1234. Null when blank. */
export function readCellWholeNumber(
  row: CsvRow,
  column: CsvColumn | null,
  minimum: number,
  hint: string,
): MapResult<number | null> {
  const text = cellText(row, column);
  if (text === null || !column) return { ok: true, value: null };
  const digits = text.replace(/^#/, "").replace(/,/g, "");
  const number = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (Number.isSafeInteger(number) && number >= minimum) return { ok: true, value: number };
  return { ok: false, reason: `${column.label}: "${text}" is not ${hint}` };
}

/** A cell holding several values: "Team A; Team B", "a,b", "x | y" or one per line. */
export function splitCellValues(text: string | null): string[] {
  if (text === null) return [];
  const values = text
    .split(/[;,|\n]/)
    .map((value) => value.trim())
    .filter((value) => value !== "");
  return [...new Set(values)];
}
