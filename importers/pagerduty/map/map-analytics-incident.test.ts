import { describe, expect, it } from "vitest";
import { ANALYTICS_AGGREGATE_REASON, mapAnalyticsIncident } from "./map-analytics-incident";
import type { RestObjectContext } from "./mapped-object";
import { fixtureAt, fixtureObject } from "./testing/read-fixture";

const RAW = "rest-api/openapi-examples/POST_analytics_raw_incidents.json";
const RESPONDER =
  "rest-api/openapi-examples/POST_analytics_raw_responders_responder_id_incidents.json";
const METRICS = "rest-api/openapi-examples/POST_analytics_metrics_responders_all.json";

const inZone = (timeZone: string | null): RestObjectContext => ({ resourceKey: "data", timeZone });

describe("mapAnalyticsIncident on POST /analytics/raw/incidents rows", () => {
  it("maps the first docs row, reading its offset-less times in the page's time_zone", () => {
    const row = fixtureAt(RAW, "data", 0);
    expect(fixtureAt(RAW, "time_zone")).toBe("Etc/UTC");
    expect(mapAnalyticsIncident(row, inZone("Etc/UTC"))).toEqual({
      records: [
        {
          kind: "incident",
          pagerdutyId: "PYC0H08",
          number: 928,
          title: "The server is on fire!",
          service: { pagerdutyId: "PPSCXAN", name: "Engineering" },
          escalationPolicy: { pagerdutyId: "PDESCP1", name: "Escalation Policy 1" },
          teams: [],
          urgency: "low",
          priority: null,
          status: "resolved",
          incidentKey: null,
          createdAt: new Date("2023-05-31T10:05:00Z"),
          // seconds_to_first_ack 5.
          acknowledgedAt: new Date("2023-05-31T10:05:05Z"),
          resolvedAt: new Date("2023-05-31T10:15:00Z"),
          startedAt: null,
          startedAtSource: null,
          resolvedByMerge: false,
          mergedIntoPagerdutyId: null,
          reportedDetectionSource: null,
          raw: row,
        },
      ],
      rejections: [],
    });
  });

  it("reads the same wall-clock times as Stockholm summer time when the export was in Stockholm", () => {
    const [record] = mapAnalyticsIncident(
      fixtureAt(RAW, "data", 0),
      inZone("Europe/Stockholm"),
    ).records;
    expect(record).toMatchObject({
      createdAt: new Date("2023-05-31T08:05:00Z"),
      resolvedAt: new Date("2023-05-31T08:15:00Z"),
    });
  });

  it("rejects the second docs row, which says it was resolved a day before it was created", () => {
    expect(mapAnalyticsIncident(fixtureAt(RAW, "data", 1), inZone("Etc/UTC")).rejections).toEqual([
      'incident PCOOHCY: resolved_at "2023-05-30T10:00:05" is before created_at "2023-05-31T10:00:00"',
    ]);
  });

  it("maps the second row once its resolve time is fixed: priority name, and a team without an id dropped", () => {
    const row = { ...fixtureObject(RAW, "data", 1), resolved_at: "2023-05-31T10:33:49" };
    const [record] = mapAnalyticsIncident(row, inZone("Etc/UTC")).records;
    expect(record).toMatchObject({
      pagerdutyId: "PCOOHCY",
      priority: "SEV-2",
      // team_name "Marketing" with team_id null: a team needs an id to be referenced.
      teams: [],
      acknowledgedAt: new Date("2023-05-31T10:00:48Z"),
      resolvedAt: new Date("2023-05-31T10:33:49Z"),
    });
  });

  it("derives the resolve time from seconds_to_resolve when resolved_at is absent", () => {
    const row = { ...fixtureObject(RAW, "data", 0), resolved_at: null };
    const [record] = mapAnalyticsIncident(row, inZone("Etc/UTC")).records;
    // 10:05:00 + 3305 s.
    expect(record).toMatchObject({ resolvedAt: new Date("2023-05-31T11:00:05Z") });
  });

  it("refuses offset-less times when no time zone is known, saying what to pass", () => {
    expect(mapAnalyticsIncident(fixtureAt(RAW, "data", 0), inZone(null)).rejections).toEqual([
      "incident PYC0H08: created_at \"2023-05-31T10:05:00\" has no UTC offset and no time zone is known — pass the export's time zone (--tz, or the Analytics page's time_zone)",
    ]);
  });
});

describe("mapAnalyticsIncident on per-responder rows", () => {
  it("rejects the docs rows, whose incident_urgency is the number 75", () => {
    expect(
      mapAnalyticsIncident(fixtureAt(RESPONDER, "data", 0), inZone("Etc/UTC")).rejections,
    ).toEqual(["incident QPDINCIDENT1: incident_urgency 75 is not high or low"]);
  });

  it("maps a row with a real urgency; a numeric description becomes the title", () => {
    const row = { ...fixtureObject(RESPONDER, "data", 1), incident_urgency: "high" };
    expect(mapAnalyticsIncident(row, inZone("Etc/UTC")).records).toEqual([
      {
        kind: "incident",
        pagerdutyId: "QPDINCIDENT2",
        number: 123456,
        title: "30",
        service: { pagerdutyId: "PDSERV2", name: "Service 2" },
        escalationPolicy: null,
        teams: [{ pagerdutyId: "PDTEAM1", name: "Team 1" }],
        urgency: "high",
        priority: "P1",
        status: "resolved",
        incidentKey: null,
        createdAt: new Date("2023-06-11T22:08:35Z"),
        acknowledgedAt: null,
        resolvedAt: null,
        startedAt: null,
        startedAtSource: null,
        resolvedByMerge: false,
        mergedIntoPagerdutyId: null,
        reportedDetectionSource: null,
        raw: row,
      },
    ]);
  });
});

describe("mapAnalyticsIncident on aggregate metrics", () => {
  it("refuses them and names the export to use instead", () => {
    expect(
      mapAnalyticsIncident(fixtureAt(METRICS, "data", 0), inZone("Etc/UTC")).rejections,
    ).toEqual([ANALYTICS_AGGREGATE_REASON]);
    expect(ANALYTICS_AGGREGATE_REASON).toBe(
      "Analytics aggregate metrics cannot be imported: export raw incidents (POST /analytics/raw/incidents) instead",
    );
  });
});
