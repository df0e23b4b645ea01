import { describe, expect, it } from "vitest";
import { readFixtureText } from "@/importers/pagerduty/map/testing/read-fixture";
import type { ReadItem } from "@/importers/pagerduty/records";
import { chunksOf, collect } from "@/importers/shared/testing/stream-chunks";
import { readIcalShifts } from "./ical";

const read = (text: string, size = 64, timeZone: string | null = null) =>
  collect(readIcalShifts(chunksOf(text, size), { timeZone }));

/** Records as plain values a person can read: instants as ISO strings. */
function shiftsOf(items: ReadItem[]) {
  return items.flatMap((item) =>
    item.type === "record" && item.record.kind === "shift"
      ? [
          {
            line: item.origin.line,
            person: item.record.person,
            schedule: item.record.schedule,
            startAt: item.record.startAt.toISOString(),
            endAt: item.record.endAt.toISOString(),
          },
        ]
      : [],
  );
}

function rejectionsOf(items: ReadItem[]) {
  return items.flatMap((item) => (item.type === "rejection" ? [item.rejection] : []));
}

describe("readIcalShifts on PagerDuty's feed (purinda fixture)", () => {
  it("reads the single VEVENT: DTEND before DTSTART, bare ATTENDEE, no VCALENDAR", async () => {
    const items = await read(readFixtureText("ical/purinda-vevent-fragment.ics"), 5);
    expect(items).toEqual([
      {
        type: "record",
        origin: { line: 1 },
        record: {
          kind: "shift",
          source: "ical",
          person: { pagerdutyId: null, email: "hello.kitty@testdomain.com", name: "Hello Kitty" },
          schedule: { pagerdutyId: "KXQAOAO", name: "Alpha" },
          escalationPolicy: null,
          level: 1,
          startAt: new Date("2023-07-08T22:00:00Z"),
          endAt: new Date("2023-07-09T22:00:00Z"),
        },
      },
    ]);
  });
});

/** A calendar app's feed: CRLF, folded lines, TZID times across both 2024 DST changes in Stockholm. */
const STOCKHOLM_FEED = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Example//Rota//EN",
  "BEGIN:VEVENT",
  "UID:spring-shift",
  "DTSTART;TZID=Europe/Stockholm:20240330T080000",
  "DTEND;TZID=Europe/Stockholm:20240331T080000",
  "SUMMARY:On Call - Åsa Öberg - Payments - EU",
  "ATTENDEE;CN=Åsa Öberg;ROLE=REQ-PARTICIPANT:mailto:Asa.Oberg@Example.COM",
  "URL:https://example.pagerduty.com/schedules#PSTHLM1",
  "BEGIN:VALARM",
  "ACTION:EMAIL",
  "ATTENDEE:mailto:alarms@example.com",
  "TRIGGER:-PT15M",
  "END:VALARM",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:autumn-shift",
  "DTSTART;TZID=Europe/Stockholm:20241026T080000",
  "DTEND;TZID=Europe/Stockholm:",
  " 20241027T080000",
  "SUMMARY:On Call - Bo Ek - Pay",
  "\tments",
  "ATTENDEE:mailto:bo.ek@exam",
  " ple.com",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

describe("readIcalShifts on a CRLF feed with folding and time zones", () => {
  it("reads wall times in the event's TZID across the spring and autumn DST changes", async () => {
    expect(shiftsOf(await read(STOCKHOLM_FEED, 7))).toEqual([
      {
        line: 4,
        person: { pagerdutyId: null, email: "asa.oberg@example.com", name: "Åsa Öberg" },
        schedule: { pagerdutyId: "PSTHLM1", name: "Payments - EU" },
        // 08:00 CET → 08:00 CEST: a 23-hour shift.
        startAt: "2024-03-30T07:00:00.000Z",
        endAt: "2024-03-31T06:00:00.000Z",
      },
      {
        line: 17,
        person: { pagerdutyId: null, email: "bo.ek@example.com", name: "Bo Ek" },
        schedule: null,
        // 08:00 CEST → 08:00 CET: a 25-hour shift.
        startAt: "2024-10-26T06:00:00.000Z",
        endAt: "2024-10-27T07:00:00.000Z",
      },
    ]);
  });

  it("gives the same shifts in 1-byte chunks", async () => {
    expect(await read(STOCKHOLM_FEED, 1)).toEqual(await read(STOCKHOLM_FEED, 4096));
  });

  it("reads floating times in the calendar's X-WR-TIMEZONE, else in the import's zone", async () => {
    const event = [
      "BEGIN:VEVENT",
      "DTSTART:20240105T170000",
      "DTEND:20240106T090000",
      "SUMMARY:On Call - Ann Lee - Core",
      "END:VEVENT",
    ];
    const withCalendarZone = ["BEGIN:VCALENDAR", "X-WR-TIMEZONE:America/New_York", ...event];
    expect(shiftsOf(await read(withCalendarZone.join("\n")))).toMatchObject([
      { startAt: "2024-01-05T22:00:00.000Z", endAt: "2024-01-06T14:00:00.000Z" },
    ]);
    expect(shiftsOf(await read(event.join("\n"), 64, "Asia/Kolkata"))).toMatchObject([
      { startAt: "2024-01-05T11:30:00.000Z", endAt: "2024-01-06T03:30:00.000Z" },
    ]);
  });
});

describe("readIcalShifts on events it cannot use", () => {
  it("rejects each bad event with its BEGIN line, a reason and its text, and reads the rest", async () => {
    const text = [
      "BEGIN:VEVENT",
      "DTSTART:20240101T080000Z",
      "DTEND:20240101T070000Z",
      "ATTENDEE:ann@example.com",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "DTSTART:2024-01-01",
      "DTEND:20240102T080000Z",
      "ATTENDEE:ann@example.com",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "DTSTART:20240101T080000Z",
      "DTEND:20240102T080000Z",
      "SUMMARY:Team lunch",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "DTSTART:20240101T080000",
      "DTEND:20240102T080000",
      "ATTENDEE:ann@example.com",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "DTSTART;TZID=W. Europe Standard Time:20240101T080000",
      "DTEND:20240102T080000Z",
      "ATTENDEE:ann@example.com",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "DTSTART:20240103T080000Z",
      "DTEND:20240104T080000Z",
      "ATTENDEE:ann@example.com",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "DTSTART:20240105T080000Z",
    ].join("\n");
    const items = await read(text, 9);
    expect(rejectionsOf(items)).toEqual([
      {
        line: 1,
        reason:
          "the event ends (2024-01-01T07:00:00.000Z) before or when it starts (2024-01-01T08:00:00.000Z)",
        raw: "BEGIN:VEVENT\nDTSTART:20240101T080000Z\nDTEND:20240101T070000Z\nATTENDEE:ann@example.com\nEND:VEVENT",
      },
      {
        line: 6,
        reason: 'DTSTART "2024-01-01" is not an iCal date-time such as 20240101T080000Z',
        raw: "BEGIN:VEVENT\nDTSTART:2024-01-01\nDTEND:20240102T080000Z\nATTENDEE:ann@example.com\nEND:VEVENT",
      },
      {
        line: 11,
        reason:
          'the event names nobody: no ATTENDEE e-mail and no SUMMARY "On Call - <name> - <schedule>"',
        raw: "BEGIN:VEVENT\nDTSTART:20240101T080000Z\nDTEND:20240102T080000Z\nSUMMARY:Team lunch\nEND:VEVENT",
      },
      {
        line: 16,
        reason:
          'DTSTART "20240101T080000" has no time zone (no Z, no TZID and no X-WR-TIMEZONE); pass --tz ZONE',
        raw: "BEGIN:VEVENT\nDTSTART:20240101T080000\nDTEND:20240102T080000\nATTENDEE:ann@example.com\nEND:VEVENT",
      },
      {
        line: 21,
        reason:
          'DTSTART TZID "W. Europe Standard Time" is not an IANA time zone such as Europe/Stockholm',
        raw: "BEGIN:VEVENT\nDTSTART;TZID=W. Europe Standard Time:20240101T080000\nDTEND:20240102T080000Z\nATTENDEE:ann@example.com\nEND:VEVENT",
      },
      {
        line: 31,
        reason: "the file ends before this event's END:VEVENT (truncated?)",
        raw: "BEGIN:VEVENT\nDTSTART:20240105T080000Z",
      },
    ]);
    expect(shiftsOf(items)).toEqual([
      {
        line: 26,
        person: { pagerdutyId: null, email: "ann@example.com", name: null },
        schedule: null,
        startAt: "2024-01-03T08:00:00.000Z",
        endAt: "2024-01-04T08:00:00.000Z",
      },
    ]);
  });

  it("reads nothing from a calendar without events", async () => {
    expect(await read("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n")).toEqual([]);
  });
});
