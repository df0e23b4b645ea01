import { describe, expect, it } from "vitest";
import { mapSchedule } from "./map-schedule";
import type { RestObjectContext } from "./mapped-object";
import { fixtureAt, fixtureObject } from "./testing/read-fixture";
import { onlyRecordOfKind, recordsOfKind } from "./testing/records-of-kind";

const context: RestObjectContext = { resourceKey: "schedule", timeZone: null };
const SCHEDULE = "rest-api/openapi-examples/GET_schedules_id.json";

describe("mapSchedule", () => {
  it("maps GET /schedules/{id} and each final_schedule entry as a level-1 shift", () => {
    const mapped = mapSchedule(fixtureAt(SCHEDULE, "schedule"), context);
    expect(mapped.rejections).toEqual([]);
    expect(onlyRecordOfKind(mapped.records, "schedule")).toEqual({
      kind: "schedule",
      pagerdutyId: "PI7DH85",
      name: "Daily Engineering Rotation",
      timeZone: "America/New_York",
      teams: [{ pagerdutyId: "PQ9K7I8", name: "Engineering" }],
    });
    // The layer's entry (2015-11-09) is not a shift: only the final schedule is who was on call.
    expect(recordsOfKind(mapped.records, "shift")).toEqual([
      {
        kind: "shift",
        source: "pagerduty_oncalls",
        person: { pagerdutyId: "PXPGF42", email: null, name: "Regina Phalange" },
        schedule: { pagerdutyId: "PI7DH85", name: "Daily Engineering Rotation" },
        escalationPolicy: null,
        level: 1,
        startAt: new Date("2015-11-10T13:00:00Z"),
        endAt: new Date("2015-11-10T22:00:00Z"),
      },
    ]);
  });

  it("maps a list item without rendered entries (port-ocean) to the schedule alone", () => {
    const mapped = mapSchedule(fixtureAt("rest-api/port-ocean/schedules/a.json"), context);
    expect(mapped.records).toEqual([
      {
        kind: "schedule",
        pagerdutyId: "PWAXLIH",
        name: "Port Test Service - Weekly Rotation",
        timeZone: "Asia/Jerusalem",
        teams: [],
      },
    ]);
  });

  it("keeps the schedule and its good entries when one entry is unreadable", () => {
    const schedule = fixtureObject(SCHEDULE, "schedule");
    const good = fixtureAt(SCHEDULE, "schedule", "final_schedule", "rendered_schedule_entries", 0);
    const broken = { ...(good as Record<string, unknown>), end: "tomorrow" };
    const mapped = mapSchedule(
      { ...schedule, final_schedule: { rendered_schedule_entries: [good, broken] } },
      context,
    );
    expect(recordsOfKind(mapped.records, "shift")).toHaveLength(1);
    expect(mapped.rejections).toEqual([
      'schedule PI7DH85 final_schedule entry 2 (Regina Phalange (PXPGF42)): end "tomorrow" is not a timestamp (expected ISO 8601 such as 2024-03-01T09:00:00Z)',
    ]);
  });
});
