import { describe, expect, it } from "vitest";
import type { ImportRecord, MapResult } from "../../records";
import { parseCsv } from "../testing/parse-csv";
import { onlyRecordOfKind } from "../testing/records-of-kind";
import { createInsightsCsvMapper } from "./insights-csv";

// No genuine Insights export exists in the fixtures; this follows PagerDuty's display names, with
// a BOM, CRLF, a blank line and a quoted title as a spreadsheet export would have them.
const EXPORT = [
  "\uFEFFIncident ID,Incident Number,Title,Service Name,Service ID,Team Name,Team ID,Urgency,Priority,Status,Created at,Resolved at,TTA,TTR,Escalation Policy,Sleep Hour Interruptions",
  "Q3YON8WNWTZMRQ,4,Crash reported,DevService,PIKL83L,Mobile; Web,PT1MOB1; PT2WEB2,High,P1,Resolved,2024-03-05T02:14:00,2024-03-05T02:59:30,312,2730,Default,1",
  "",
  'P1234AB,5,"Disk full, db-2",DevService,PIKL83L,,,low,,,2024-03-31 02:30:00,,,,Default,0',
].join("\r\n");

function mapExport(text: string, timeZone: string | null) {
  const { headers, rows } = parseCsv(text);
  const mapper = createInsightsCsvMapper(headers, { timeZone });
  if (!mapper.ok) throw new Error(mapper.reason);
  return rows.map((row) => mapper.mapRow(row));
}

function incidentOf(result: MapResult<ImportRecord[]> | undefined) {
  if (!result?.ok) throw new Error(result?.reason ?? "no row");
  return onlyRecordOfKind(result.value, "incident");
}

describe("createInsightsCsvMapper", () => {
  it("maps a resolved incident, reading offset-less times in --tz (Stockholm, winter: +01:00)", () => {
    const [first] = mapExport(EXPORT, "Europe/Stockholm");
    expect(incidentOf(first)).toMatchObject({
      pagerdutyId: "Q3YON8WNWTZMRQ",
      number: 4,
      title: "Crash reported",
      service: { pagerdutyId: "PIKL83L", name: "DevService" },
      teams: [
        { pagerdutyId: "PT1MOB1", name: "Mobile" },
        { pagerdutyId: "PT2WEB2", name: "Web" },
      ],
      // "Escalation Policy" holds a name and there is no ID column to reference it by.
      escalationPolicy: { pagerdutyId: null, name: "Default" },
      urgency: "high",
      priority: "P1",
      status: "resolved",
      createdAt: new Date("2024-03-05T01:14:00Z"),
      // TTA 312 s after creation.
      acknowledgedAt: new Date("2024-03-05T01:19:12Z"),
      resolvedAt: new Date("2024-03-05T01:59:30Z"),
      startedAt: null,
      incidentKey: null,
    });
  });

  it("maps a row with no status or resolve time as triggered, across Stockholm's DST gap", () => {
    const [, second] = mapExport(EXPORT, "Europe/Stockholm");
    expect(incidentOf(second)).toMatchObject({
      pagerdutyId: "P1234AB",
      title: "Disk full, db-2",
      urgency: "low",
      priority: null,
      status: "triggered",
      teams: [],
      // 02:30 does not exist on 2024-03-31 in Stockholm: read as 03:30 summer time.
      createdAt: new Date("2024-03-31T01:30:00Z"),
      acknowledgedAt: null,
      resolvedAt: null,
    });
  });

  it("accepts other spellings of the headers and clock-style durations", () => {
    const text = [
      " incident id ,DESCRIPTION,Created On,Resolved On,seconds_to_first_ack,Seconds to Resolve,URGENCY",
      "PT4KHLK,The server is on fire.,2015-10-06T21:30:42Z,,00:01:00,461,HIGH",
    ].join("\n");
    const [row] = mapExport(text, null);
    expect(incidentOf(row)).toMatchObject({
      pagerdutyId: "PT4KHLK",
      acknowledgedAt: new Date("2015-10-06T21:31:42Z"),
      // No status column, a TTR and no resolve time: resolved 461 s after creation.
      status: "resolved",
      resolvedAt: new Date("2015-10-06T21:38:23Z"),
    });
  });

  it("rejects a row with a reason naming the column and value and what to write", () => {
    const header =
      "Incident ID,Title,Created at,Resolved at,Urgency,Status,TTA,Incident Number,Team ID";
    const reasonFor = (cells: string, timeZone: string | null = "UTC") => {
      const [result] = mapExport(`${header}\n${cells}`, timeZone);
      return result?.ok ? null : result?.reason;
    };
    expect(reasonFor("PT4KHLK,Fire,2024-13-01,,high,,,,")).toBe(
      'Created at: "2024-13-01" is not a date — use ISO 8601 such as 2024-03-01T09:00:00Z',
    );
    expect(reasonFor("PT4KHLK,Fire,2024-03-01T09:00:00Z,,medium,,,,")).toBe(
      'Urgency: "medium" is not an urgency — use high or low',
    );
    expect(reasonFor("PT4KHLK,Fire,2024-03-01T09:00:00Z,,high,closed,,,")).toBe(
      'Status: "closed" is not a status — use triggered, acknowledged or resolved',
    );
    expect(reasonFor("PT4KHLK,Fire,2024-03-01T09:00:00Z,,high,,5 min,,")).toBe(
      'TTA: "5 min" is not a number of seconds — use whole seconds such as 300, or 00:05:00',
    );
    expect(reasonFor("PT4KHLK,Fire,2024-03-01T09:00:00Z,,high,,,four,")).toBe(
      'Incident Number: "four" is not an incident number — use digits such as 1234',
    );
    expect(reasonFor(",Fire,2024-03-01T09:00:00Z,,high,,,,")).toBe(
      "Incident ID: empty — every row needs a value here",
    );
    expect(reasonFor("PT4KHLK,Fire,2024-03-01T09:00:00Z,2024-03-01T08:00:00Z,high,,,,")).toBe(
      'Resolved at: "2024-03-01T08:00:00Z" is before Created at "2024-03-01T09:00:00Z" — check the row\'s times',
    );
    expect(reasonFor("PT4KHLK,Fire,2024-03-01 09:00,,high,,,,", null)).toBe(
      'Created at: "2024-03-01 09:00" has no UTC offset and no time zone was given — pass --tz (or "timeZone" in the column mapping), or write times with an offset such as 2024-03-01T09:00:00Z',
    );
  });

  it("reads urgency and status in any case, and a resolve time without a status as resolved", () => {
    const text = [
      "Incident ID,Title,Created at,Resolved at,Urgency",
      "Q3CZAU7Q4008QD,Slow startup,2022-11-03T06:44:28Z,2022-11-03T07:00:00Z,LOW",
    ].join("\n");
    expect(incidentOf(mapExport(text, null)[0])).toMatchObject({
      status: "resolved",
      urgency: "low",
      resolvedAt: new Date("2022-11-03T07:00:00Z"),
    });
  });

  it("refuses a file that is not an Insights export, listing the missing columns", () => {
    expect(createInsightsCsvMapper(["person", "start", "end"], { timeZone: null })).toEqual({
      ok: false,
      reason:
        'not a PagerDuty Insights CSV: no "Incident ID", "Title" or "Created at" column (found: person, start, end)',
    });
    expect(
      createInsightsCsvMapper(["Incident ID", "Title", "Resolved at"], { timeZone: null }),
    ).toEqual({
      ok: false,
      reason:
        'not a PagerDuty Insights CSV: no "Created at" column (found: Incident ID, Title, Resolved at)',
    });
  });
});
