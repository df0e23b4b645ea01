import { describe, expect, it } from "vitest";
import {
  readCellSeconds,
  readCellTimestamp,
  readCellWholeNumber,
  requiredCell,
  splitCellValues,
} from "./csv-cells";

const column = (label: string) => ({ key: label, label });
const row = (label: string, value: string) => ({ [label]: value });

describe("readCellTimestamp", () => {
  it("reads ISO times, and offset-less ones in the given zone", () => {
    const createdAt = column("Created at");
    expect(readCellTimestamp(row("Created at", "2024-03-01T09:00:00Z"), createdAt, null)).toEqual({
      ok: true,
      value: new Date("2024-03-01T09:00:00Z"),
    });
    expect(
      readCellTimestamp(row("Created at", "2024-03-01 09:00"), createdAt, "Europe/Stockholm"),
    ).toEqual({ ok: true, value: new Date("2024-03-01T08:00:00Z") });
    expect(readCellTimestamp(row("Created at", " "), createdAt, null)).toEqual({
      ok: true,
      value: null,
    });
  });

  it("says what to write instead", () => {
    const createdAt = column("Created at");
    expect(readCellTimestamp(row("Created at", "2024-13-01"), createdAt, "UTC")).toEqual({
      ok: false,
      reason: 'Created at: "2024-13-01" is not a date — use ISO 8601 such as 2024-03-01T09:00:00Z',
    });
    expect(readCellTimestamp(row("Created at", "01/03/2024 09:00"), createdAt, "UTC")).toEqual({
      ok: false,
      reason:
        'Created at: "01/03/2024 09:00" is not a date — use ISO 8601 such as 2024-03-01T09:00:00Z',
    });
    expect(readCellTimestamp(row("Created at", "2024-03-01 09:00"), createdAt, null)).toEqual({
      ok: false,
      reason:
        'Created at: "2024-03-01 09:00" has no UTC offset and no time zone was given — pass --tz (or "timeZone" in the column mapping), or write times with an offset such as 2024-03-01T09:00:00Z',
    });
  });
});

describe("readCellSeconds", () => {
  it("reads seconds as a number or a clock duration", () => {
    const tta = column("TTA");
    expect(readCellSeconds(row("TTA", "312"), tta)).toEqual({ ok: true, value: 312 });
    expect(readCellSeconds(row("TTA", "00:05:12"), tta)).toEqual({ ok: true, value: 312 });
    expect(readCellSeconds(row("TTA", "5:12"), tta)).toEqual({ ok: true, value: 312 });
    expect(readCellSeconds(row("TTA", "1:00:00"), tta)).toEqual({ ok: true, value: 3600 });
    expect(readCellSeconds(row("TTA", "soon"), tta)).toEqual({
      ok: false,
      reason: 'TTA: "soon" is not a number of seconds — use whole seconds such as 300, or 00:05:00',
    });
    expect(readCellSeconds(row("TTA", "-5"), tta).ok).toBe(false);
  });
});

describe("readCellWholeNumber and requiredCell", () => {
  it("reads 1234, #1234 and 1,234; rejects the rest", () => {
    const number = column("Incident Number");
    for (const text of ["1234", "#1234", "1,234"]) {
      expect(readCellWholeNumber(row("Incident Number", text), number, 1, "a number")).toEqual({
        ok: true,
        value: 1234,
      });
    }
    expect(readCellWholeNumber(row("Incident Number", "12a"), number, 1, "a number")).toEqual({
      ok: false,
      reason: 'Incident Number: "12a" is not a number',
    });
    expect(readCellWholeNumber(row("Incident Number", "0"), number, 1, "a number").ok).toBe(false);
  });

  it("names an empty required cell", () => {
    expect(requiredCell(row("Incident ID", ""), column("Incident ID"))).toEqual({
      ok: false,
      reason: "Incident ID: empty — every row needs a value here",
    });
  });
});

describe("splitCellValues", () => {
  it("splits on ; , | and new lines, dropping blanks and repeats", () => {
    expect(splitCellValues("Team A; Team B")).toEqual(["Team A", "Team B"]);
    expect(splitCellValues("a,b")).toEqual(["a", "b"]);
    expect(splitCellValues("x | y\nx;;")).toEqual(["x", "y"]);
    expect(splitCellValues(null)).toEqual([]);
  });
});
