import { describe, expect, it } from "vitest";
import { insertStatement, TableBuffer } from "./batch-writer";
import { pagesTable } from "./seed-tables";

describe("batched inserts", () => {
  it("carry values only as one array parameter per column", () => {
    expect(insertStatement(pagesTable)).toBe(
      'INSERT INTO "pages" ("id", "person_id", "incident_id", "channel", "at", "log_entry_id") ' +
        'SELECT * FROM unnest($1::"int4"[], $2::"int4"[], $3::"int4"[], $4::"page_channel"[], $5::"timestamptz"[], $6::"int4"[])',
    );
  });

  it("refuse identifiers that are not plain lower-case names", () => {
    expect(() => insertStatement({ table: 'pages"; DROP TABLE pages; --', columns: [] })).toThrow(
      /Unexpected SQL identifier/,
    );
  });

  it("buffer rows column by column, with instants as UTC ISO strings", () => {
    const buffer = new TableBuffer(pagesTable);
    buffer.add({
      id: 1,
      personId: 2,
      incidentId: 3,
      channel: "sms",
      at: Date.parse("2026-03-29T01:30:00Z"),
      logEntryId: 4,
    });
    buffer.add({
      id: 2,
      personId: 2,
      incidentId: 3,
      channel: "phone",
      at: Date.parse("2026-03-29T01:35:00Z"),
      logEntryId: 5,
    });
    expect(buffer.size).toBe(2);
    expect(buffer.take()).toEqual([
      [1, 2],
      [2, 2],
      [3, 3],
      ["sms", "phone"],
      ["2026-03-29T01:30:00.000Z", "2026-03-29T01:35:00.000Z"],
      [4, 5],
    ]);
    expect([buffer.size, buffer.written]).toEqual([0, 2]);
  });
});
