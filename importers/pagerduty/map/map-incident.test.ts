import { describe, expect, it } from "vitest";
import { mapIncident, readMerge, readPriorityName } from "./map-incident";
import type { RestObjectContext } from "./mapped-object";
import { fixtureArray, fixtureAt, fixtureObject } from "./testing/read-fixture";
import { onlyRecordOfKind, recordsOfKind } from "./testing/records-of-kind";

const rest: RestObjectContext = { resourceKey: "incidents", timeZone: null };
const docsIncident = () =>
  fixtureObject("rest-api/openapi-examples/GET_incidents.json", "incidents", 0);

describe("mapIncident on PagerDuty's GET /incidents example", () => {
  it("maps every field", () => {
    const incident = docsIncident();
    expect(mapIncident(incident, rest)).toEqual({
      records: [
        {
          kind: "incident",
          pagerdutyId: "PT4KHLK",
          number: 1234,
          title: "The server is on fire.",
          service: { pagerdutyId: "PIJ90N7", name: "My Mail Service" },
          escalationPolicy: { pagerdutyId: "PT20YPA", name: "Another Escalation Policy" },
          teams: [{ pagerdutyId: "PQ9K7I8", name: "Engineering" }],
          urgency: "high",
          priority: "P2",
          status: "resolved",
          incidentKey: "baf7cf21b1da41b4b0221008339ff357",
          createdAt: new Date("2015-10-06T21:30:42Z"),
          acknowledgedAt: null,
          resolvedAt: new Date("2015-10-06T21:38:23Z"),
          startedAt: null,
          startedAtSource: null,
          resolvedByMerge: false,
          mergedIntoPagerdutyId: null,
          reportedDetectionSource: null,
          raw: incident,
        },
      ],
      rejections: [],
    });
  });

  it("reads a merge from resolve_reason, as an object naming the target or as a bare string", () => {
    const merged = {
      ...docsIncident(),
      resolve_reason: {
        type: "merge_resolve_reason",
        incident: { id: "Q1MERGED0TARGET", type: "incident_reference" },
      },
    };
    const record = onlyRecordOfKind(mapIncident(merged, rest).records, "incident");
    expect(record.resolvedByMerge).toBe(true);
    expect(record.mergedIntoPagerdutyId).toBe("Q1MERGED0TARGET");
    expect(readMerge("merge_resolve_reason")).toEqual({ merged: true, intoPagerdutyId: null });
    expect(readMerge(null)).toEqual({ merged: false, intoPagerdutyId: null });
  });

  it("takes the impact start from a custom field, in either item shape", () => {
    const withFlatField = {
      ...docsIncident(),
      custom_fields: [
        { name: "team_channel", value: "#ops" },
        { name: "Impact Started At", value: "2015-10-06T21:10:00Z" },
      ],
    };
    const flat = onlyRecordOfKind(mapIncident(withFlatField, rest).records, "incident");
    expect(flat.startedAt).toEqual(new Date("2015-10-06T21:10:00Z"));
    expect(flat.startedAtSource).toBe("custom_field");

    const withNestedField = {
      ...docsIncident(),
      custom_fields: [{ field: { name: "impact_start" }, value: "2015-10-06T23:05:00+02:00" }],
    };
    const nested = onlyRecordOfKind(mapIncident(withNestedField, rest).records, "incident");
    expect(nested.startedAt).toEqual(new Date("2015-10-06T21:05:00Z"));
  });

  it("imports the incident without an unreadable impact start or detection source, and says so", () => {
    const incident = {
      ...docsIncident(),
      custom_fields: [{ name: "started_at", value: "this morning" }],
      detection_source: "robot",
    };
    const mapped = mapIncident(incident, rest);
    const record = onlyRecordOfKind(mapped.records, "incident");
    expect(record.startedAt).toBeNull();
    expect(record.reportedDetectionSource).toBeNull();
    expect(mapped.rejections).toEqual([
      'incident PT4KHLK: custom field started_at "this morning" is not a timestamp (expected ISO 8601 such as 2024-03-01T09:00:00Z); imported without an impact start',
      'incident PT4KHLK: detection_source "robot" is not monitoring, customer, staff, unknown or test; imported without it',
    ]);
  });

  it("reads a stated detection source regardless of case", () => {
    const incident = { ...docsIncident(), detection_source: "Customer" };
    const record = onlyRecordOfKind(mapIncident(incident, rest).records, "incident");
    expect(record.reportedDetectionSource).toBe("customer");
  });
});

describe("mapIncident on real incidents", () => {
  it("reads a full priority object (port-ocean a.json) by its summary", () => {
    const record = onlyRecordOfKind(
      mapIncident(fixtureAt("rest-api/port-ocean/incidents/a.json"), rest).records,
      "incident",
    );
    expect(record).toMatchObject({
      pagerdutyId: "Q1QGYB805SG874",
      number: 271,
      title: "Test incident",
      priority: "P2",
      status: "triggered",
      urgency: "high",
      resolvedAt: null,
      teams: [],
      service: { pagerdutyId: "P00BUSE", name: "API Gateway MTBF Test" },
    });
  });

  it("reads priority null (port-ocean c.json) as no priority", () => {
    const record = onlyRecordOfKind(
      mapIncident(fixtureAt("rest-api/port-ocean/incidents/c.json"), rest).records,
      "incident",
    );
    expect(record.priority).toBeNull();
    expect(record.number).toBe(274);
  });

  it("yields DevLake's incident #4 and its 31 embedded log entries", () => {
    const mapped = mapIncident(fixtureAt("rest-api/devlake/incident-4-Q3YON8WNWTZMRQ.json"), rest);
    expect(mapped.rejections).toEqual([]);
    const incident = onlyRecordOfKind(mapped.records, "incident");
    expect(incident).toMatchObject({
      pagerdutyId: "Q3YON8WNWTZMRQ",
      number: 4,
      title: "Crash reported",
      status: "triggered",
      priority: null,
      createdAt: new Date("2022-11-03T06:23:06Z"),
      escalationPolicy: { pagerdutyId: "PNJQLBU", name: "Default" },
    });
    const entries = recordsOfKind(mapped.records, "log_entry");
    expect(entries).toHaveLength(31);
    expect(new Set(entries.map((entry) => entry.incident.pagerdutyId))).toEqual(
      new Set(["Q3YON8WNWTZMRQ"]),
    );
    const notified = entries
      .filter((entry) => entry.type === "notify_log_entry")
      .map((entry) => `${entry.person?.name} by ${entry.notificationType}`);
    expect(notified).toHaveLength(12);
    expect(notified.filter((line) => line === "Keon Amini by email")).toHaveLength(7);
    expect(notified.filter((line) => line === "Kian Amini by email")).toHaveLength(5);
  });

  it("takes resolvedAt from last_status_change_at when a resolved incident has no resolved_at (DevLake #6)", () => {
    const mapped = mapIncident(fixtureAt("rest-api/devlake/incident-6-Q1OHFWFP3GPXOG.json"), rest);
    const incident = onlyRecordOfKind(mapped.records, "incident");
    expect(incident.status).toBe("resolved");
    expect(incident.urgency).toBe("low");
    expect(incident.resolvedAt).toEqual(new Date("2022-11-03T06:51:44Z"));
    expect(recordsOfKind(mapped.records, "log_entry")).toHaveLength(8);
  });

  it("takes acknowledgedAt from the standing acknowledgement (DevLake #5)", () => {
    const mapped = mapIncident(fixtureAt("rest-api/devlake/incident-5-Q3CZAU7Q4008QD.json"), rest);
    const incident = onlyRecordOfKind(mapped.records, "incident");
    expect(incident.status).toBe("acknowledged");
    expect(incident.acknowledgedAt).toEqual(new Date("2022-11-03T06:44:37Z"));
    expect(incident.resolvedAt).toBeNull();
  });

  it("reads a webhook v3 incident, which calls the number `number`", () => {
    const data = fixtureAt("webhooks-v3/signed/incident.triggered.json", "event", "data");
    const incident = onlyRecordOfKind(mapIncident(data, rest).records, "incident");
    expect(incident).toMatchObject({
      pagerdutyId: "Q2CKYRLH85UNN4",
      number: 37,
      title: "Test",
      urgency: "low",
      priority: null,
      incidentKey: "dfead9d88e0649e8b7dee514b1875756",
      createdAt: new Date("2025-04-07T03:47:13Z"),
    });
  });
});

describe("mapIncident rejections", () => {
  it("names the object and the field", () => {
    const reasons = (change: Record<string, unknown>) =>
      mapIncident({ ...docsIncident(), ...change }, rest).rejections;
    expect(reasons({ created_at: "abc" })).toEqual([
      'incident PT4KHLK: created_at "abc" is not a timestamp (expected ISO 8601 such as 2024-03-01T09:00:00Z)',
    ]);
    expect(reasons({ created_at: undefined })).toEqual(["incident PT4KHLK: created_at is missing"]);
    expect(reasons({ status: "open" })).toEqual([
      'incident PT4KHLK: status "open" is not triggered, acknowledged or resolved',
    ]);
    expect(reasons({ urgency: "medium" })).toEqual([
      'incident PT4KHLK: urgency "medium" is not high or low',
    ]);
    expect(reasons({ resolved_at: "2015-10-06T20:00:00Z" })).toEqual([
      'incident PT4KHLK: resolved_at "2015-10-06T20:00:00Z" is before created_at "2015-10-06T21:30:42Z"',
    ]);
    expect(reasons({ id: undefined })).toEqual(["incident without an id: id is missing"]);
    expect(reasons({ incident_number: "#12" })).toHaveLength(1);
  });

  it("keeps the incident when one embedded log entry is unreadable", () => {
    const incident = fixtureObject("rest-api/devlake/incident-5-Q3CZAU7Q4008QD.json");
    const [first, ...others] = fixtureArray(
      "rest-api/devlake/incident-5-Q3CZAU7Q4008QD.json",
      "log_entries",
    );
    const broken = { ...(first as Record<string, unknown>), created_at: "yesterday" };
    const mapped = mapIncident({ ...incident, log_entries: [broken, ...others] }, rest);
    expect(recordsOfKind(mapped.records, "incident")).toHaveLength(1);
    expect(recordsOfKind(mapped.records, "log_entry")).toHaveLength(4);
    expect(mapped.rejections).toEqual([
      'log entry RP5TD0082CGK4VQYM23L2IUS7S: created_at "yesterday" is not a timestamp (expected ISO 8601 such as 2024-03-01T09:00:00Z)',
    ]);
  });
});

describe("readPriorityName", () => {
  it("reads a reference's summary, a full object's name, or nothing", () => {
    expect(readPriorityName({ id: "P53ZZH5", type: "priority_reference", summary: "P2" })).toBe(
      "P2",
    );
    expect(readPriorityName({ id: "PHFV7WH", type: "priority", name: "SEV-1" })).toBe("SEV-1");
    expect(readPriorityName(null)).toBeNull();
  });
});
