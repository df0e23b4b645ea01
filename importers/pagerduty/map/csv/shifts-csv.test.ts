import { describe, expect, it } from "vitest";
import { parseCsv } from "../testing/parse-csv";
import { createShiftsCsvMapper } from "./shifts-csv";

function mapShifts(text: string, timeZone: string | null) {
  const { headers, rows } = parseCsv(text);
  const mapper = createShiftsCsvMapper(headers, { timeZone });
  if (!mapper.ok) throw new Error(mapper.reason);
  return rows.map((row) => mapper.mapRow(row));
}

describe("createShiftsCsvMapper", () => {
  it("maps a week across Stockholm's spring-forward, with an e-mail or a name as the person", () => {
    const text = `person,schedule,schedule id,level,start,end
Ana@Example.com,Primary,PWAXLIH,1,2024-03-30T09:00:00+01:00,2024-04-06T09:00:00+02:00
Bob Smith,Secondary,,2,2024-03-30T09:00,2024-03-31T09:00
`;
    expect(mapShifts(text, "Europe/Stockholm")).toEqual([
      {
        ok: true,
        value: [
          {
            kind: "shift",
            source: "shifts_csv",
            person: { pagerdutyId: null, email: "ana@example.com", name: null },
            schedule: { pagerdutyId: "PWAXLIH", name: "Primary" },
            escalationPolicy: null,
            level: 1,
            startAt: new Date("2024-03-30T08:00:00Z"),
            endAt: new Date("2024-04-06T07:00:00Z"),
          },
        ],
      },
      {
        ok: true,
        value: [
          {
            kind: "shift",
            source: "shifts_csv",
            person: { pagerdutyId: null, email: null, name: "Bob Smith" },
            // A schedule named without its id is referred to by name.
            schedule: { pagerdutyId: null, name: "Secondary" },
            escalationPolicy: null,
            level: 2,
            // 09:00 to 09:00 on the 23-hour day.
            startAt: new Date("2024-03-30T08:00:00Z"),
            endAt: new Date("2024-03-31T07:00:00Z"),
          },
        ],
      },
    ]);
  });

  it("accepts email and name columns together and defaults the level to 1", () => {
    const text = `Email,Name,Start,End
ana@example.com,Ana Lind,2024-03-01T09:00:00Z,2024-03-02T09:00:00Z
`;
    const [result] = mapShifts(text, null);
    expect(result).toMatchObject({
      ok: true,
      value: [{ person: { email: "ana@example.com", name: "Ana Lind" }, level: 1, schedule: null }],
    });
  });

  it("accepts a user column", () => {
    const [result] = mapShifts(
      "user,start,end\nkeon@example.com,2024-03-01T09:00Z,2024-03-01T17:00Z\n",
      null,
    );
    expect(result).toMatchObject({ ok: true, value: [{ person: { email: "keon@example.com" } }] });
  });

  it("rejects rows that cannot be a shift, saying why", () => {
    const text = `person,level,start,end
ana@example.com,1,2024-03-02T09:00:00Z,2024-03-01T09:00:00Z
ana@example.com,1,2024-03-01T09:00:00Z,2024-03-01T09:00:00Z
ana@example.com,primary,2024-03-01T09:00:00Z,2024-03-02T09:00:00Z
,1,2024-03-01T09:00:00Z,2024-03-02T09:00:00Z
ana@example.com,1,2024-03-01 09:00,2024-03-02T09:00:00Z
ana@example.com,1,2024-03-01T09:00:00Z,
`;
    expect(mapShifts(text, null).map((result) => (result.ok ? null : result.reason))).toEqual([
      'end: "2024-03-01T09:00:00Z" is not after start "2024-03-02T09:00:00Z" — a shift must end after it starts',
      'end: "2024-03-01T09:00:00Z" is not after start "2024-03-01T09:00:00Z" — a shift must end after it starts',
      'level: "primary" is not a level — use 1 for primary, 2 for secondary, and so on',
      "person: empty — every shift needs a person (an e-mail or a name)",
      'start: "2024-03-01 09:00" has no UTC offset and no time zone was given — pass --tz (or "timeZone" in the column mapping), or write times with an offset such as 2024-03-01T09:00:00Z',
      "end: empty — every shift needs an end",
    ]);
  });

  it("refuses a file without a person, start or end column", () => {
    expect(createShiftsCsvMapper(["schedule", "level", "start"], { timeZone: null })).toEqual({
      ok: false,
      reason: 'not a shifts CSV: no "person" or "end" column (found: schedule, level, start)',
    });
  });
});
