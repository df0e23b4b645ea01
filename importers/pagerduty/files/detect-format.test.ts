import { describe, expect, it } from "vitest";
import { readFixtureText } from "@/importers/pagerduty/map/testing/read-fixture";
import { DETECT_FORMAT_HEAD_BYTES, detectFormat } from "./detect-format";

/** What the importer passes: the first 64 KB of the file, as UTF-8. */
const headOf = (relativePath: string) =>
  Buffer.from(readFixtureText(relativePath)).subarray(0, DETECT_FORMAT_HEAD_BYTES).toString("utf8");

describe("detectFormat on the fixtures", () => {
  it.each([
    ["rest-api/openapi-examples/GET_incidents.json", "pd-rest-json"],
    ["rest-api/openapi-examples/POST_analytics_raw_incidents.json", "pd-rest-json"],
    ["rest-api/port-ocean/oncalls/a.json", "pd-rest-json"],
    ["rest-api/devlake/incident-4-Q3YON8WNWTZMRQ.json", "pd-rest-json"],
    ["rest-api/devlake/_raw_pagerduty_incidents.csv", "pd-rest-json"],
    ["webhooks-v3/signed/incident.triggered.json", "webhook-events"],
    ["webhooks-v3/zulip/escalate_v3.json", "webhook-events"],
    ["webhooks-v2/zulip/trigger_v2.json", "webhook-events"],
    ["ical/purinda-vevent-fragment.ics", "ical"],
  ])("reads %s as %s", (file, format) => {
    expect(detectFormat(headOf(file), file)).toBe(format);
  });
});

describe("detectFormat on JSON and iCal text", () => {
  it("reads NDJSON and a BOM before JSON as REST JSON", () => {
    expect(detectFormat('{"id":"Q1","type":"incident"}\n{"id":"Q2"}\n', "a.ndjson")).toBe(
      "pd-rest-json",
    );
    expect(detectFormat('\uFEFF  [{"incidents":[]}]', "pages.json")).toBe("pd-rest-json");
  });

  it("reads NDJSON and arrays of webhook bodies as webhook events", () => {
    expect(detectFormat('{"event":{"id":"01A"}}\n{"event":{"id":"01B"}}\n', "events.ndjson")).toBe(
      "webhook-events",
    );
    expect(detectFormat('[\n  {\n    "messages": [', "v2.json")).toBe("webhook-events");
  });

  it("reads a calendar whose first line is BEGIN:VCALENDAR, in any case", () => {
    expect(detectFormat("begin:vcalendar\r\nVERSION:2.0\r\n", "feed.ics")).toBe("ical");
  });
});

describe("detectFormat on CSV headers", () => {
  it("reads display-name headers as an Insights export", () => {
    const head =
      "Incident ID,Incident Number,Title,Created at,TTA,Sleep Hour Interruptions\r\nQ1,1,Down";
    expect(detectFormat(head, "insights.csv")).toBe("pd-insights-csv");
  });

  it("reads snake_case incident_number and created_on as the legacy Reports CSV", () => {
    const head =
      "id,incident_number,description,service_name,created_on,resolved_on,seconds_to_first_ack\n";
    expect(detectFormat(head, "incidents.csv")).toBe("pd-legacy-csv");
  });

  it("reads headers the Insights mapper accepts as an Insights export", () => {
    expect(detectFormat("ID,Title,Created at,Urgency\n", "export.csv")).toBe("pd-insights-csv");
  });

  it("reads start, end and a person column as a shifts CSV", () => {
    expect(detectFormat("person,schedule,level,start,end\n", "shifts.csv")).toBe("shifts-csv");
    expect(detectFormat("Email;Start At;End At\n", "rota.csv")).toBe("shifts-csv");
    expect(detectFormat("name,from,until\n", "rota.csv")).toBe("shifts-csv");
  });

  it("asks for a mapping file for any other CSV, listing its headers", () => {
    expect(detectFormat("ticket,opened,closed\n1,2024-01-01,2024-01-02\n", "tickets.csv")).toEqual({
      error:
        "tickets.csv is a CSV Fairshift does not recognise (headers: ticket, opened, closed). Describe its columns in a mapping file and pass --mapping FILE (see docs/data-sources.md).",
    });
  });

  it("lists at most 12 headers", () => {
    const headers = Array.from({ length: 15 }, (_, index) => `c${index + 1}`);
    const result = detectFormat(`${headers.join(",")}\n`, "wide.csv");
    expect(result).toEqual({
      error:
        "wide.csv is a CSV Fairshift does not recognise (headers: c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, … (15 columns)). Describe its columns in a mapping file and pass --mapping FILE (see docs/data-sources.md).",
    });
  });

  it("does not take a data column holding plain text for DevLake's raw table", () => {
    expect(detectFormat("id,data\n1,hello\n", "other.csv")).toMatchObject({
      error: expect.stringContaining("(headers: id, data)"),
    });
  });
});

describe("detectFormat on files that are not exports", () => {
  it.each([
    ["", "empty.json", "empty.json is empty."],
    [" \r\n\t\n", "blank.csv", "blank.csv is empty."],
    [
      "PK\u0003\u0004\u0014\u0000\u0006\u0000",
      "export.xlsx",
      "export.xlsx is a ZIP archive (an Excel .xlsx is one): unzip it, or save the sheet as CSV, and import that.",
    ],
    [
      "\u001f\uFFFD\b\u0000",
      "dump.json.gz",
      "dump.json.gz is gzip-compressed: gunzip it and import the result.",
    ],
    [
      "\uFFFD\uFFFDI\u0000n\u0000c\u0000",
      "unicode.csv",
      "unicode.csv is UTF-16 text: save it as UTF-8 (Excel: CSV UTF-8) and import that.",
    ],
    [
      "\u0000\u0001\u0002binary",
      "image.png",
      "image.png is a binary file, not a PagerDuty export (JSON, CSV or iCal).",
    ],
    [
      "<!DOCTYPE html><html><body>Sign in</body></html>",
      "incidents.json",
      "incidents.json looks like HTML or XML, not a PagerDuty export (JSON, CSV or iCal). Was an error page saved instead of the file?",
    ],
  ])("explains why %j cannot be imported", (head, fileName, error) => {
    expect(detectFormat(head, fileName)).toEqual({ error });
  });
});
