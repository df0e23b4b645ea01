/**
 * PagerDuty's schedule iCal feed as on-call shifts: one VEVENT per shift, with
 * `SUMMARY:On Call - <person> - <schedule>`, `ATTENDEE:<e-mail>`, `URL:…/schedules#<id>` and UTC
 * `DTSTART`/`DTEND`. Read line by line (RFC 5545 folding undone), so a feed of any length is read
 * one event at a time. Real feeds use LF and may lack the VCALENDAR wrapper (fixtures README,
 * quirk 15); other calendars' events with `TZID=` or floating times are read too.
 */
import { parsePagerDutyTimestamp } from "@/importers/pagerduty/map/parse-timestamp";
import type { PersonReference, ReadItem, ShiftRecord } from "@/importers/pagerduty/records";
import { readTextLines } from "@/importers/shared/text-lines";
import { isKnownTimeZone } from "@/lib/shared/time-zone";

export interface IcalOptions {
  /** Zone for floating times (no `Z`, no `TZID`) when the calendar names none (`X-WR-TIMEZONE`). */
  timeZone: string | null;
}

/** Rejected events keep at most this much of their text. */
const MAX_RAW_CHARS = 10_000;

interface ContentLine {
  name: string;
  parameters: Map<string, string>;
  value: string;
}

interface LogicalLine {
  text: string;
  line: number;
}

interface EventDraft {
  line: number;
  raw: string;
  /** Depth of components nested in the event (VALARM), whose properties are not the event's. */
  nestedDepth: number;
  properties: Map<string, ContentLine>;
  problem: string | null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export async function* readIcalShifts(
  input: AsyncIterable<Buffer | string>,
  options: IcalOptions = { timeZone: null },
): AsyncGenerator<ReadItem> {
  let calendarTimeZone: string | null = null;
  let event: EventDraft | null = null;
  for await (const logical of unfoldLines(input)) {
    const content = parseContentLine(logical.text);
    const upperValue = content?.value.trim().toUpperCase();
    if (event === null) {
      if (content?.name === "BEGIN" && upperValue === "VEVENT") event = newEvent(logical);
      else if (content?.name === "X-WR-TIMEZONE" && isKnownTimeZone(content.value.trim())) {
        calendarTimeZone = content.value.trim();
      }
      continue;
    }
    if (content?.name === "BEGIN" && upperValue === "VEVENT" && event.nestedDepth === 0) {
      yield rejection(
        event,
        `BEGIN:VEVENT at line ${logical.line} comes before this event's END:VEVENT`,
      );
      event = newEvent(logical);
      continue;
    }
    appendRaw(event, logical.text);
    if (content === null) {
      event.problem ??= `line ${logical.line} is not a NAME:VALUE line`;
    } else if (content.name === "BEGIN") {
      event.nestedDepth += 1;
    } else if (content.name === "END" && event.nestedDepth > 0) {
      event.nestedDepth -= 1;
    } else if (content.name === "END" && upperValue === "VEVENT") {
      yield eventItem(event, calendarTimeZone ?? options.timeZone);
      event = null;
    } else if (event.nestedDepth === 0 && !event.properties.has(content.name)) {
      event.properties.set(content.name, content);
    }
  }
  if (event !== null) {
    yield rejection(event, "the file ends before this event's END:VEVENT (truncated?)");
  }
}

function newEvent(logical: LogicalLine): EventDraft {
  return {
    line: logical.line,
    raw: logical.text,
    nestedDepth: 0,
    properties: new Map(),
    problem: null,
  };
}

function appendRaw(event: EventDraft, text: string): void {
  if (event.raw.length < MAX_RAW_CHARS) event.raw = `${event.raw}\n${text}`.slice(0, MAX_RAW_CHARS);
}

function rejection(event: EventDraft, reason: string): ReadItem {
  return { type: "rejection", rejection: { line: event.line, reason, raw: event.raw } };
}

function eventItem(event: EventDraft, fallbackTimeZone: string | null): ReadItem {
  const shift = shiftOf(event, fallbackTimeZone);
  if (!shift.ok) return rejection(event, shift.reason);
  return { type: "record", record: shift.value, origin: { line: event.line } };
}

function shiftOf(event: EventDraft, fallbackTimeZone: string | null): Parsed<ShiftRecord> {
  if (event.problem !== null) return { ok: false, reason: event.problem };
  const start = dateTimeOf(event.properties.get("DTSTART"), "DTSTART", fallbackTimeZone);
  if (!start.ok) return start;
  const end = dateTimeOf(event.properties.get("DTEND"), "DTEND", fallbackTimeZone);
  if (!end.ok) return end;
  if (end.value.getTime() <= start.value.getTime()) {
    return {
      ok: false,
      reason: `the event ends (${end.value.toISOString()}) before or when it starts (${start.value.toISOString()})`,
    };
  }

  const summary = summaryOf(event.properties.get("SUMMARY")?.value ?? "");
  const attendee = event.properties.get("ATTENDEE");
  const email = emailOf(attendee?.value ?? "");
  const name = attendee?.parameters.get("CN") || summary.personName;
  if (email === null && !name) {
    return {
      ok: false,
      reason:
        'the event names nobody: no ATTENDEE e-mail and no SUMMARY "On Call - <name> - <schedule>"',
    };
  }
  const person: PersonReference = { pagerdutyId: null, email, name: name || null };
  const scheduleId = scheduleIdOf(event.properties.get("URL")?.value ?? "");
  return {
    ok: true,
    value: {
      kind: "shift",
      source: "ical",
      person,
      schedule:
        scheduleId === null ? null : { pagerdutyId: scheduleId, name: summary.scheduleName },
      escalationPolicy: null,
      // The feed is the schedule's final layer: whoever it names is the one paged first.
      level: 1,
      startAt: start.value,
      endAt: end.value,
    },
  };
}

const ICAL_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i;

/**
 * `20240101T000000Z` (UTC), `20240101T080000` with `TZID=Europe/Stockholm` (wall time there, DST
 * gaps and repeats read as RFC 5545 says), a floating time in the calendar's zone, or a DATE
 * (midnight).
 */
function dateTimeOf(
  property: ContentLine | undefined,
  name: string,
  fallbackTimeZone: string | null,
): Parsed<Date> {
  if (property === undefined) return { ok: false, reason: `the event has no ${name}` };
  const text = property.value.trim();
  const match = ICAL_DATE_TIME.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `${name} "${text}" is not an iCal date-time such as 20240101T080000Z`,
    };
  }
  const [, year, month, day, hour = "00", minute = "00", second = "00", utc] = match;
  const wallTime = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  const tzid = property.parameters.get("TZID")?.replace(/^\//, "") ?? null;
  if (tzid !== null && !isKnownTimeZone(tzid)) {
    return {
      ok: false,
      reason: `${name} TZID "${tzid}" is not an IANA time zone such as Europe/Stockholm`,
    };
  }
  const timeZone = utc ? "UTC" : (tzid ?? fallbackTimeZone);
  if (timeZone === null) {
    return {
      ok: false,
      reason: `${name} "${text}" has no time zone (no Z, no TZID and no X-WR-TIMEZONE); pass --tz ZONE`,
    };
  }
  const instant = parsePagerDutyTimestamp(wallTime, timeZone);
  if (instant === null) return { ok: false, reason: `${name} "${text}" is not a real date-time` };
  return { ok: true, value: instant };
}

/** `On Call - Hello Kitty - Alpha`: the person, then the schedule (which may itself hold " - "). */
function summaryOf(summary: string): { personName: string | null; scheduleName: string | null } {
  const match = /^\s*on[ -]call\s+-\s+(.*)$/i.exec(summary);
  if (!match) return { personName: null, scheduleName: null };
  const rest = match[1] ?? "";
  const separator = rest.indexOf(" - ");
  if (separator === -1) return { personName: rest.trim() || null, scheduleName: null };
  return {
    personName: rest.slice(0, separator).trim() || null,
    scheduleName: rest.slice(separator + 3).trim() || null,
  };
}

function emailOf(attendee: string): string | null {
  const address = attendee
    .trim()
    .replace(/^mailto:/i, "")
    .trim()
    .toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

function scheduleIdOf(url: string): string | null {
  return /\/schedules(?:#|\/)([A-Za-z0-9]+)/.exec(url)?.[1] ?? null;
}

/** RFC 5545 §3.1: a line break followed by a space or tab continues the previous line. */
async function* unfoldLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<LogicalLine> {
  let current: LogicalLine | null = null;
  for await (const physical of readTextLines(input)) {
    const isContinuation = physical.text.startsWith(" ") || physical.text.startsWith("\t");
    if (current !== null && isContinuation) {
      current.text += physical.text.slice(1);
      continue;
    }
    if (current !== null) yield current;
    current = physical.text.trim() === "" ? null : { text: physical.text, line: physical.line };
  }
  if (current !== null) yield current;
}

/** `NAME;PARAM=value;PARAM="quoted:value":VALUE` → parts; null when there is no ":". */
function parseContentLine(text: string): ContentLine | null {
  const parameters = new Map<string, string>();
  let index = text.search(/[;:]/);
  if (index === -1) return null;
  const name = text.slice(0, index).trim().toUpperCase();
  while (text[index] === ";") {
    const equals = text.indexOf("=", index);
    if (equals === -1) return null;
    const parameterName = text
      .slice(index + 1, equals)
      .trim()
      .toUpperCase();
    let valueEnd: number;
    let value: string;
    if (text[equals + 1] === '"') {
      const closing = text.indexOf('"', equals + 2);
      if (closing === -1) return null;
      value = text.slice(equals + 2, closing);
      valueEnd = closing + 1;
    } else {
      const next = text.slice(equals + 1).search(/[;:]/);
      if (next === -1) return null;
      valueEnd = equals + 1 + next;
      value = text.slice(equals + 1, valueEnd);
    }
    parameters.set(parameterName, value);
    index = valueEnd;
  }
  if (text[index] !== ":") return null;
  return { name, parameters, value: text.slice(index + 1) };
}
