import { describe, expect, it } from "vitest";
import { readFixtureText } from "@/importers/pagerduty/map/testing/read-fixture";
import type { ReadItem } from "@/importers/pagerduty/records";
import { FileFormatError } from "@/importers/shared/file-format-error";
import { chunksOf, collect } from "@/importers/shared/testing/stream-chunks";
import type { FileFormat } from "./detect-format";
import { type ReadFileOptions, readImportFile } from "./read-file";

const read = (
  content: string,
  format: FileFormat,
  options: ReadFileOptions = { timeZone: null },
  chunkSize = 7,
) => collect(readImportFile(chunksOf(content, chunkSize), format, options));

/** "incident Q1 @ line 2", "rejection @ line 3": what came out of a file, in order. */
function outline(items: ReadItem[]): string[] {
  return items.map((item) => {
    if (item.type === "rejection") return `rejection @ line ${item.rejection.line}`;
    const { record } = item;
    const id = "pagerdutyId" in record ? ` ${record.pagerdutyId}` : "";
    return `${record.kind}${id} @ line ${item.origin.line}`;
  });
}

function countByKind(items: ReadItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key =
      item.type === "record" ? `${item.record.kind} @ line ${item.origin.line}` : "rejection";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const rejectionsOf = (items: ReadItem[]) =>
  items.flatMap((item) => (item.type === "rejection" ? [item.rejection] : []));

describe("readImportFile, pd-rest-json", () => {
  it("reads DevLake's raw CSV: 3 incidents and their 31 + 5 + 8 log entries, on the rows' lines", async () => {
    const items = await read(
      readFixtureText("rest-api/devlake/_raw_pagerduty_incidents.csv"),
      "pd-rest-json",
    );
    expect(countByKind(items)).toEqual({
      "incident @ line 2": 1,
      "log_entry @ line 2": 31,
      "incident @ line 3": 1,
      "log_entry @ line 3": 5,
      "incident @ line 4": 1,
      "log_entry @ line 4": 8,
    });
    expect(outline(items).filter((entry) => entry.startsWith("incident"))).toEqual([
      "incident Q3YON8WNWTZMRQ @ line 2",
      "incident Q3CZAU7Q4008QD @ line 3",
      "incident Q1OHFWFP3GPXOG @ line 4",
    ]);
  });

  it("rejects a DevLake row whose data cell is not JSON, and reads the others", async () => {
    const text =
      'id,data\n1,"{""id"": ""Q1"""\n2,"{""id"": ""PT1"", ""type"": ""team"", ""name"": ""Core""}"\n';
    const items = await read(text, "pd-rest-json");
    expect(outline(items)).toEqual(["rejection @ line 2", "team PT1 @ line 3"]);
    expect(rejectionsOf(items)[0]?.raw).toBe('1,"{""id"": ""Q1"""');
    expect(rejectionsOf(items)[0]?.reason).toMatch(/^data: not valid JSON \(/);
  });

  it("refuses a CSV read as REST JSON that has no data column", async () => {
    await expect(read("id,title\n1,Down\n", "pd-rest-json")).rejects.toThrow(
      new FileFormatError(
        'a CSV read as REST JSON needs a "data" column holding one PagerDuty object per row (as in DevLake\'s raw tables); this one has: id, title',
      ),
    );
  });

  it("reads a REST page with the line each element starts on", async () => {
    const items = await read(
      readFixtureText("rest-api/openapi-examples/GET_incidents.json"),
      "pd-rest-json",
    );
    expect(outline(items)).toEqual(["incident PT4KHLK @ line 3"]);
    expect(items[0]).toMatchObject({
      record: { createdAt: new Date("2015-10-06T21:30:42Z"), priority: "P2", urgency: "high" },
    });
  });

  it("reads Analytics rows in the page's time_zone and keeps the rejected row's JSON", async () => {
    const text = readFixtureText("rest-api/openapi-examples/POST_analytics_raw_incidents.json");
    const items = await read(text, "pd-rest-json", { timeZone: "Asia/Tokyo" });
    expect(outline(items)).toEqual(["incident PYC0H08 @ line 3", "rejection @ line 72"]);
    // Etc/UTC from the page wins over --tz: "2023-05-31T10:05:00" is 10:05 UTC.
    expect(items[0]).toMatchObject({ record: { createdAt: new Date("2023-05-31T10:05:00Z") } });
    const [rejection] = rejectionsOf(items);
    expect(rejection?.reason).toContain("PCOOHCY");
    expect(rejection?.raw).toBe(JSON.stringify(JSON.parse(text).data[1]));
  });

  it("reads a Port Ocean on-call item as a shift", async () => {
    const items = await read(readFixtureText("rest-api/port-ocean/oncalls/a.json"), "pd-rest-json");
    expect(items).toEqual([
      {
        type: "record",
        origin: { line: 1 },
        record: {
          kind: "shift",
          source: "pagerduty_oncalls",
          person: { pagerdutyId: "PJCRRLH", email: "jdoe@getport.io", name: "John Doe" },
          schedule: { pagerdutyId: "PWAXLIH", name: "Port Test Service - Weekly Rotation" },
          escalationPolicy: { pagerdutyId: "P7LVMYP", name: "Backend Escalation Policy" },
          level: 1,
          startAt: new Date("2025-12-01T14:00:00Z"),
          endAt: new Date("2025-12-15T14:00:00Z"),
        },
      },
    ]);
  });

  it("cuts a rejected object's text to 10,000 characters", async () => {
    const text = JSON.stringify({ incidents: [{ id: "Q1", title: "x".repeat(20_000) }] });
    const [rejection, ...others] = rejectionsOf(
      await read(text, "pd-rest-json", { timeZone: null }, 4096),
    );
    expect(others).toEqual([]);
    expect(rejection?.line).toBe(1);
    expect(rejection?.raw).toHaveLength(10_001);
    expect(rejection?.raw.startsWith('{"id":"Q1","title":"xxx')).toBe(true);
    expect(rejection?.raw.endsWith("x…")).toBe(true);
  });

  it("throws on a truncated file and reads an empty one as nothing", async () => {
    const text = readFixtureText("rest-api/openapi-examples/GET_users.json");
    await expect(read(text.slice(0, 2000), "pd-rest-json")).rejects.toThrow(FileFormatError);
    expect(await read("  \n", "pd-rest-json")).toEqual([]);
  });
});

describe("readImportFile, CSV exports", () => {
  const insights = [
    "Incident ID,Incident Number,Title,Created at,Resolved at,Urgency,Status",
    "Q1,1,Disk full,2024-01-05T10:00:00Z,2024-01-05T11:00:00Z,high,resolved",
    "Q2,2,Bad date,yesterday,,low,triggered",
    "Q3,3,Short row",
    "",
  ].join("\r\n");

  it("maps each row, and keeps bad and malformed rows with their line and text", async () => {
    const items = await read(insights, "pd-insights-csv");
    expect(outline(items)).toEqual([
      "incident Q1 @ line 2",
      "rejection @ line 3",
      "rejection @ line 4",
    ]);
    expect(items[0]).toMatchObject({
      record: {
        number: 1,
        title: "Disk full",
        createdAt: new Date("2024-01-05T10:00:00Z"),
        resolvedAt: new Date("2024-01-05T11:00:00Z"),
        status: "resolved",
      },
    });
    expect(rejectionsOf(items)).toEqual([
      {
        line: 3,
        reason: expect.stringContaining('"yesterday"'),
        raw: "Q2,2,Bad date,yesterday,,low,triggered",
      },
      { line: 4, reason: "expected 7 columns, found 3", raw: "Q3,3,Short row" },
    ]);
  });

  it("reads seconds_to_first_ack of the legacy Reports CSV", async () => {
    const text =
      "id,incident_number,description,created_on,resolved_on,seconds_to_first_ack\n" +
      "PABC,12,CPU high,2024-02-01T08:00:00Z,2024-02-01T09:00:00Z,120\n";
    expect(await read(text, "pd-legacy-csv")).toMatchObject([
      {
        type: "record",
        origin: { line: 2 },
        record: { pagerdutyId: "PABC", acknowledgedAt: new Date("2024-02-01T08:02:00Z") },
      },
    ]);
  });

  it("reads a shifts CSV", async () => {
    const text = "email,start,end\nann@example.com,2024-03-01T09:00:00Z,2024-03-08T09:00:00Z\n";
    expect(await read(text, "shifts-csv")).toMatchObject([
      {
        type: "record",
        origin: { line: 2 },
        record: {
          kind: "shift",
          source: "shifts_csv",
          person: { email: "ann@example.com" },
          startAt: new Date("2024-03-01T09:00:00Z"),
          endAt: new Date("2024-03-08T09:00:00Z"),
        },
      },
    ]);
  });

  it("reads any CSV through a column mapping, in the mapping's zone", async () => {
    const items = await read(
      "Ticket,Subject,Opened\nT-1,Login broken,2024-04-01 12:00\n",
      "mapped-csv",
      {
        timeZone: null,
        mapping: {
          kind: "incidents",
          timeZone: "Europe/Stockholm",
          columns: { id: "Ticket", title: "Subject", createdAt: "Opened" },
        },
      },
    );
    // 12:00 in Stockholm on 1 April 2024 (CEST, +02:00).
    expect(items).toMatchObject([
      { record: { pagerdutyId: "T-1", createdAt: new Date("2024-04-01T10:00:00Z") } },
    ]);
  });

  it("refuses a file whose header does not fit the format, before reading any row", async () => {
    await expect(read("Ticket,Subject\n1,2\n", "pd-insights-csv")).rejects.toThrow(FileFormatError);
    await expect(read("Ticket,Subject\n1,2\n", "pd-insights-csv")).rejects.toThrow(
      /Ticket, Subject/,
    );
  });
});

describe("readImportFile, other formats", () => {
  it("reads iCal shifts", async () => {
    const items = await read(readFixtureText("ical/purinda-vevent-fragment.ics"), "ical");
    expect(items).toMatchObject([
      {
        type: "record",
        origin: { line: 1 },
        record: {
          kind: "shift",
          source: "ical",
          schedule: { pagerdutyId: "KXQAOAO", name: "Alpha" },
        },
      },
    ]);
  });

  it("leaves webhook bodies to the webhook replay", async () => {
    await expect(read('{"event":{"id":"01A"}}', "webhook-events")).rejects.toThrow(
      new FileFormatError(
        "webhook bodies are replayed with `fairshift import --format webhook-events`, not read as records",
      ),
    );
  });
});
