import { describe, expect, it } from "vitest";
import { parseCsv } from "../testing/parse-csv";
import { onlyRecordOfKind } from "../testing/records-of-kind";
import type { ColumnMapping } from "./column-mapping";
import { createMappedCsvMapper } from "./mapped-csv";

// An export from another incident tool, read through a saved mapping.
const TICKETS = `Ticket,Subject,Opened,Closed,Sev,Teams,Team IDs,How found
INC-1042,Checkout 500s,2024-03-01 09:00,2024-03-01 09:45,High,Payments; Checkout,PPAY001; PCHK002,Customer
`;

const TICKET_MAPPING: ColumnMapping = {
  kind: "incidents",
  timeZone: "America/New_York",
  columns: {
    id: "Ticket",
    title: "Subject",
    createdAt: "Opened",
    resolvedAt: "Closed",
    urgency: "Sev",
    team: "Teams",
    teamId: "Team IDs",
    detectionSource: "How found",
  },
};

describe("createMappedCsvMapper", () => {
  it("maps incidents through the mapping, in the mapping's zone, with several teams per cell", () => {
    const { headers, rows } = parseCsv(TICKETS);
    const mapper = createMappedCsvMapper(headers, { timeZone: "UTC", mapping: TICKET_MAPPING });
    if (!mapper.ok) throw new Error(mapper.reason);
    const [row] = rows;
    const result = mapper.mapRow(row ?? {});
    if (!result.ok) throw new Error(result.reason);
    expect(onlyRecordOfKind(result.value, "incident")).toMatchObject({
      pagerdutyId: "INC-1042",
      title: "Checkout 500s",
      urgency: "high",
      status: "resolved",
      teams: [
        { pagerdutyId: "PPAY001", name: "Payments" },
        { pagerdutyId: "PCHK002", name: "Checkout" },
      ],
      // 09:00 New York (EST, -05:00).
      createdAt: new Date("2024-03-01T14:00:00Z"),
      resolvedAt: new Date("2024-03-01T14:45:00Z"),
      reportedDetectionSource: "customer",
    });
  });

  it("maps shifts through a shifts mapping, using --tz when the mapping names no zone", () => {
    const text =
      "Who,Rota,Rota ID,Tier,From,To\nKian Amini,Backend,PWAXLIH,2,2024-11-02 09:00,2024-11-03 09:00\n";
    const { headers, rows } = parseCsv(text);
    const mapping: ColumnMapping = {
      kind: "shifts",
      columns: {
        name: "Who",
        schedule: "Rota",
        scheduleId: "Rota ID",
        level: "Tier",
        start: "From",
        end: "To",
      },
    };
    const mapper = createMappedCsvMapper(headers, { timeZone: "America/New_York", mapping });
    if (!mapper.ok) throw new Error(mapper.reason);
    expect(mapper.mapRow(rows[0] ?? {})).toEqual({
      ok: true,
      value: [
        {
          kind: "shift",
          source: "shifts_csv",
          person: { pagerdutyId: null, email: null, name: "Kian Amini" },
          schedule: { pagerdutyId: "PWAXLIH", name: "Backend" },
          escalationPolicy: null,
          level: 2,
          // New York falls back on 2024-11-03: a 25-hour shift.
          startAt: new Date("2024-11-02T13:00:00Z"),
          endAt: new Date("2024-11-03T14:00:00Z"),
        },
      ],
    });
  });

  it("matches the mapping's headers regardless of case and spacing", () => {
    const mapper = createMappedCsvMapper([" ticket", "SUBJECT", "opened "], {
      timeZone: null,
      mapping: {
        kind: "incidents",
        columns: { id: "Ticket", title: "Subject", createdAt: "Opened" },
      },
    });
    expect(mapper.ok).toBe(true);
  });

  it("refuses a file that lacks the mapped columns, or a call without a mapping", () => {
    expect(
      createMappedCsvMapper(["Ticket", "Subject"], { timeZone: null, mapping: TICKET_MAPPING }),
    ).toEqual({
      ok: false,
      reason:
        'the column mapping names columns this file does not have: "Opened" (createdAt), "Teams" (team), "Team IDs" (teamId), "Sev" (urgency), "Closed" (resolvedAt), "How found" (detectionSource) (found: Ticket, Subject)',
    });
    expect(createMappedCsvMapper(["Ticket"], { timeZone: null })).toEqual({
      ok: false,
      reason: "a mapped CSV needs a column mapping: pass --mapping FILE",
    });
  });
});
