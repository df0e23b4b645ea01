import { describe, expect, it } from "vitest";
import { parseColumnMapping } from "./column-mapping";

describe("parseColumnMapping", () => {
  it("accepts an incidents mapping and a shifts mapping", () => {
    const incidents = {
      kind: "incidents",
      timeZone: "Europe/Stockholm",
      columns: { id: "Ticket", title: "Subject", createdAt: "Opened", team: "Teams" },
    };
    expect(parseColumnMapping(incidents)).toEqual({ ok: true, mapping: incidents });
    const shifts = { kind: "shifts", columns: { name: "Who", start: "From", end: "To" } };
    expect(parseColumnMapping(shifts)).toEqual({ ok: true, mapping: shifts });
  });

  it("names a missing required column and a field that does not exist", () => {
    expect(
      parseColumnMapping({
        kind: "incidents",
        columns: { id: "Ticket", title: "Subject", opened: "Opened" },
      }),
    ).toEqual({
      ok: false,
      message:
        "column mapping: columns.createdAt: missing; columns.opened: not a mapping field (incidents fields: id, title, createdAt, number, service, serviceId, team, teamId, escalationPolicy, escalationPolicyId, urgency, priority, status, acknowledgedAt, resolvedAt, secondsToFirstAck, secondsToResolve, startedAt, detectionSource)",
    });
  });

  it("needs a person column in a shifts mapping", () => {
    expect(parseColumnMapping({ kind: "shifts", columns: { start: "From", end: "To" } })).toEqual({
      ok: false,
      message:
        "column mapping: columns: a shifts mapping needs an email or a name column for the person",
    });
  });

  it("rejects an unknown kind and an unknown time zone", () => {
    expect(parseColumnMapping({ kind: "alerts", columns: {} })).toEqual({
      ok: false,
      message: 'column mapping: kind: kind must be "incidents" or "shifts"',
    });
    expect(
      parseColumnMapping({
        kind: "shifts",
        timeZone: "Gotham",
        columns: { email: "Email", start: "From", end: "To" },
      }),
    ).toEqual({
      ok: false,
      message:
        'column mapping: timeZone: Unknown time zone "Gotham": use an IANA name such as Europe/Stockholm or UTC.',
    });
  });
});
