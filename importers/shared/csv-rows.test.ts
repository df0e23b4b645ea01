import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFixtureText } from "@/importers/pagerduty/map/testing/read-fixture";
import { type CsvRow, parseCsvHead, readCsvRows } from "./csv-rows";
import { chunksOf, collect } from "./testing/stream-chunks";

const read = (content: string | Buffer, ...sizes: [number, ...number[]]) =>
  collect(readCsvRows(chunksOf(content, ...sizes)));

/** An Excel-style export: BOM, CRLF, a blank line, a cell with a line break and quotes. */
const EXCEL_EXPORT = [
  "\uFEFFIncident ID,Title,Urgency",
  "Q1,Disk full,high",
  "",
  'Q2,"Checkout down:',
  'customers see ""500""",low',
  "Q3,Cut short",
  "Q4,Åsa's pager 🚒,high",
  "",
].join("\r\n");

const EXCEL_ROWS: CsvRow[] = [
  { type: "header", headers: ["Incident ID", "Title", "Urgency"], line: 1 },
  {
    type: "row",
    line: 2,
    cells: { "Incident ID": "Q1", Title: "Disk full", Urgency: "high" },
    raw: "Q1,Disk full,high",
  },
  {
    type: "row",
    line: 4,
    cells: { "Incident ID": "Q2", Title: 'Checkout down:\r\ncustomers see "500"', Urgency: "low" },
    raw: 'Q2,"Checkout down:\r\ncustomers see ""500""",low',
  },
  { type: "malformed", line: 6, reason: "expected 3 columns, found 2", raw: "Q3,Cut short" },
  {
    type: "row",
    line: 7,
    cells: { "Incident ID": "Q4", Title: "Åsa's pager 🚒", Urgency: "high" },
    raw: "Q4,Åsa's pager 🚒,high",
  },
];

describe("readCsvRows", () => {
  it("reads an Excel export with BOM, CRLF, a blank line and a quoted line break", async () => {
    expect(await read(EXCEL_EXPORT, 65536)).toEqual(EXCEL_ROWS);
  });

  it("gives the same rows and lines in 1-byte and 7-byte chunks", async () => {
    expect(await read(EXCEL_EXPORT, 1)).toEqual(EXCEL_ROWS);
    expect(await read(EXCEL_EXPORT, 7)).toEqual(EXCEL_ROWS);
  });

  it("gives the same rows in any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 6 }),
        async ([first = 1, ...rest]) => {
          expect(await read(EXCEL_EXPORT, first, ...rest)).toEqual(EXCEL_ROWS);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("reads LF files with no final line break", async () => {
    expect(await read("start,end,email\n2024-01-01,2024-01-08,ann@example.com", 4)).toEqual([
      { type: "header", headers: ["start", "end", "email"], line: 1 },
      {
        type: "row",
        line: 2,
        cells: { start: "2024-01-01", end: "2024-01-08", email: "ann@example.com" },
        raw: "2024-01-01,2024-01-08,ann@example.com",
      },
    ]);
  });

  it("reads a file whose lines mix CRLF and LF", async () => {
    const rows = await read("a,b\r\n1,2\n3,4\r\n", 3);
    expect(rows.slice(1)).toEqual([
      { type: "row", line: 2, cells: { a: "1", b: "2" }, raw: "1,2" },
      { type: "row", line: 3, cells: { a: "3", b: "4" }, raw: "3,4" },
    ]);
  });

  it("finds semicolon and tab delimiters from the header line", async () => {
    expect((await read("name;email\nAnn;ann@example.com\n", 2))[1]).toMatchObject({
      cells: { name: "Ann", email: "ann@example.com" },
    });
    expect((await read("name\temail\nAnn\tann@example.com\n", 2))[1]).toMatchObject({
      cells: { name: "Ann", email: "ann@example.com" },
    });
  });

  it("counts the lines of a multi-line cell so the next row's line is where it really starts", async () => {
    const text = 'id,note\n1,"one\ntwo\nthree"\n2,after\n';
    expect((await read(text, 5)).map((row) => row.line)).toEqual([1, 2, 5]);
  });

  it("reports a row with too many cells, and one whose quote never closes", async () => {
    const rows = await read('a,b\n1,2,3\n4,"never closed\n5,6\n', 4);
    expect(rows.slice(1)).toEqual([
      { type: "malformed", line: 2, reason: "expected 2 columns, found 3", raw: "1,2,3" },
      {
        type: "malformed",
        line: 3,
        reason: "a quoted cell is not closed before the end of the file",
        raw: '4,"never closed\n5,6',
      },
    ]);
  });

  it("stops at a quote that never closes instead of holding the rest of the file", async () => {
    async function* unclosed(): AsyncGenerator<string> {
      yield 'id,note\n1,"oops\n';
      const filler = `${"x".repeat(99)}\n`.repeat(655);
      for (let index = 0; index < 140; index += 1) yield filler;
    }
    await expect(collect(readCsvRows(unclosed()))).rejects.toThrow(
      'the row starting at line 2 does not end within 8 MB: a quoted cell is probably never closed (a stray " ?)',
    );
  });

  it("keeps the first column of a header that repeats", async () => {
    expect((await read("name,name\nAnn,Bo\n", 64))[1]).toMatchObject({ cells: { name: "Ann" } });
  });

  it("reads DevLake's raw table: 3 rows whose data cells hold incidents as JSON", async () => {
    const text = readFixtureText("rest-api/devlake/_raw_pagerduty_incidents.csv");
    const rows = await read(text, 7);
    expect(rows[0]).toEqual({
      type: "header",
      headers: ["id", "params", "data", "url", "input", "created_at"],
      line: 1,
    });
    const dataRows = rows.filter((row) => row.type === "row");
    expect(dataRows.map((row) => row.line)).toEqual([2, 3, 4]);
    expect(
      dataRows.map(
        (row) => (JSON.parse(row.cells.data ?? "") as { incident_number: number }).incident_number,
      ),
    ).toEqual([4, 5, 6]);
    expect(dataRows.map((row) => row.raw)).toEqual(text.split("\n").slice(1, 4));
  });

  it("throws on an empty file and on a file that starts with a blank line", async () => {
    await expect(read("", 1)).rejects.toThrow("the CSV is empty: it has no header line");
    await expect(read("\r\n\r\n", 1)).rejects.toThrow("the CSV is empty: it has no header line");
    await expect(read("\na,b\n1,2\n", 1)).rejects.toThrow(
      "line 1 is empty: a CSV must start with its header line",
    );
  });

  it("yields rows before the file has been read to its end", async () => {
    let chunksRead = 0;
    async function* lines(): AsyncGenerator<string> {
      yield "id,name\n";
      for (let index = 1; index <= 1000; index += 1) {
        chunksRead += 1;
        yield `${index},Person ${index}\n`;
      }
    }
    const reader = readCsvRows(lines());
    await reader.next();
    const first = await reader.next();
    expect(first.value).toMatchObject({ type: "row", line: 2, cells: { id: "1" } });
    expect(chunksRead).toBeLessThan(5);
    await reader.return(undefined);
  });
});

describe("parseCsvHead", () => {
  it("gives the header and first row of a head", () => {
    expect(parseCsvHead('\uFEFFid,data\r\n1,"{""incident_number"": 4}"\r\n2,"{')).toEqual({
      headers: ["id", "data"],
      firstRow: ["1", '{"incident_number": 4}'],
    });
  });

  it("keeps a first row cut off inside a quoted cell as read", () => {
    expect(parseCsvHead('id,data\n1,"{""incident_number"": 4, ""tit').firstRow).toEqual([
      "1",
      '{""incident_number"": 4, ""tit',
    ]);
  });

  it("gives no first row when the head holds only the header", () => {
    expect(parseCsvHead("Incident ID;Created at\r\n")).toEqual({
      headers: ["Incident ID", "Created at"],
      firstRow: null,
    });
  });
});
