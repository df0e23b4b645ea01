import { describe, expect, it } from "vitest";
import { mapRestObject } from "./map-rest-object";
import { parseCsv } from "./testing/parse-csv";
import { fixtureArray, fixtureAt, readFixtureText } from "./testing/read-fixture";

const kinds = (value: unknown, resourceKey: string | null, timeZone: string | null = null) => {
  const mapped = mapRestObject(value, { resourceKey, timeZone });
  return { kinds: mapped.records.map((record) => record.kind), rejections: mapped.rejections };
};

describe("mapRestObject by resource key", () => {
  it.each([
    ["rest-api/openapi-examples/GET_incidents.json", "incidents", ["incident"]],
    ["rest-api/openapi-examples/GET_log_entries.json", "log_entries", ["log_entry"]],
    ["rest-api/openapi-examples/GET_oncalls.json", "oncalls", ["shift"]],
    ["rest-api/openapi-examples/GET_users.json", "users", ["person", "person"]],
  ] as const)("maps every item of %s's %s", (file, key, expected) => {
    const items = fixtureArray(file, key).map((item) => kinds(item, key));
    expect(items.flatMap((item) => item.kinds)).toEqual(expected);
    expect(items.flatMap((item) => item.rejections)).toEqual([]);
  });

  it("maps singular keys (GET /schedules/{id} → schedule) and Analytics data rows", () => {
    expect(
      kinds(fixtureAt("rest-api/openapi-examples/GET_schedules_id.json", "schedule"), "schedule"),
    ).toEqual({ kinds: ["schedule", "shift"], rejections: [] });
    expect(
      kinds(
        fixtureAt("rest-api/openapi-examples/POST_analytics_raw_incidents.json", "data", 0),
        "data",
        "Etc/UTC",
      ),
    ).toEqual({ kinds: ["incident"], rejections: [] });
    expect(
      kinds(
        fixtureAt(
          "rest-api/openapi-examples/POST_analytics_metrics_responders_all.json",
          "data",
          0,
        ),
        "data",
      ).rejections,
    ).toEqual([
      "Analytics aggregate metrics cannot be imported: export raw incidents (POST /analytics/raw/incidents) instead",
    ]);
  });
});

describe("mapRestObject on bare entities", () => {
  it.each([
    ["rest-api/port-ocean/incidents/b.json", ["incident"]],
    ["rest-api/port-ocean/oncalls/b.json", ["shift"]],
    ["rest-api/port-ocean/schedules/a.json", ["schedule"]],
    ["rest-api/port-ocean/services/b.json", ["service"]],
    ["rest-api/port-ocean/users/a.json", ["person"]],
    ["rest-api/port-ocean/escalation_policies/a.json", ["escalation_policy"]],
    [
      "rest-api/devlake/incident-6-Q1OHFWFP3GPXOG.json",
      ["incident", ...Array(8).fill("log_entry")],
    ],
  ])("infers the kind of %s from its type or shape", (file, expected) => {
    expect(kinds(fixtureAt(file), null)).toEqual({ kinds: expected, rejections: [] });
  });

  it("infers a log entry from its type and an Analytics row from its keys", () => {
    expect(
      kinds(fixtureAt("rest-api/openapi-examples/GET_log_entries.json", "log_entries", 0), null)
        .kinds,
    ).toEqual(["log_entry"]);
    expect(
      kinds(
        fixtureAt("rest-api/openapi-examples/POST_analytics_raw_incidents.json", "data", 0),
        null,
        "UTC",
      ).kinds,
    ).toEqual(["incident"]);
  });
});

describe("mapRestObject on DevLake's raw table", () => {
  it("maps the incident JSON in each row's data cell, with its embedded log entries", () => {
    const { rows } = parseCsv(readFixtureText("rest-api/devlake/_raw_pagerduty_incidents.csv"));
    const mapped = rows.map((row) =>
      mapRestObject(JSON.parse(row.data ?? "null"), { resourceKey: null, timeZone: null }),
    );
    expect(mapped.flatMap((result) => result.rejections)).toEqual([]);
    const records = mapped.flatMap((result) => result.records);
    expect(
      records.filter((record) => record.kind === "incident").map((record) => record.pagerdutyId),
    ).toEqual(["Q3YON8WNWTZMRQ", "Q3CZAU7Q4008QD", "Q1OHFWFP3GPXOG"]);
    // 31 + 5 + 8 embedded entries.
    expect(records.filter((record) => record.kind === "log_entry")).toHaveLength(44);
  });
});

describe("mapRestObject rejections", () => {
  it("says what it cannot map", () => {
    expect(kinds("PT4KHLK", "incidents").rejections).toEqual([
      '"PT4KHLK" in "incidents" is not a PagerDuty object',
    ]);
    expect(kinds({ id: "P53ZZH5", type: "priority", name: "P2" }, null).rejections).toEqual([
      'an object of type "priority" is not one Fairshift imports: expected incidents, log_entries, oncalls, users, services, teams, schedules, escalation_policies, data',
    ]);
    expect(kinds({ id: "P1" }, "priorities").rejections).toEqual([
      'an object under "priorities" is not one Fairshift imports: expected incidents, log_entries, oncalls, users, services, teams, schedules, escalation_policies, data',
    ]);
  });
});
