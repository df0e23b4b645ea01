import { describe, expect, it } from "vitest";
import type { LogEntryRecord } from "../records";
import { mapLogEntry, parseAssignSummary, parseNotifySummary } from "./map-log-entry";
import type { RestObjectContext } from "./mapped-object";
import { fixtureArray, fixtureAt, fixtureObject } from "./testing/read-fixture";
import { onlyRecordOfKind } from "./testing/records-of-kind";

const context: RestObjectContext = { resourceKey: "log_entries", timeZone: null };
const DEVLAKE_4 = "rest-api/devlake/incident-4-Q3YON8WNWTZMRQ.json";

function devlakeEntry(file: string, id: string): Record<string, unknown> {
  const entry = fixtureArray(file, "log_entries").find(
    (item) => typeof item === "object" && item !== null && "id" in item && item.id === id,
  );
  if (!entry) throw new Error(`${file}: no log entry ${id}`);
  return entry as Record<string, unknown>;
}

function mapOne(value: unknown): LogEntryRecord {
  const mapped = mapLogEntry(value, context);
  expect(mapped.rejections).toEqual([]);
  return onlyRecordOfKind(mapped.records, "log_entry");
}

describe("mapLogEntry", () => {
  it("maps PagerDuty's trigger example, triggered through the API by a service", () => {
    const entry = fixtureAt("rest-api/openapi-examples/GET_log_entries.json", "log_entries", 0);
    expect(mapOne(entry)).toEqual({
      kind: "log_entry",
      pagerdutyId: "Q02JTSNZWHSEKV",
      incident: { pagerdutyId: "PT4KHLK", name: "[#1234] The server is on fire." },
      type: "trigger_log_entry",
      at: new Date("2015-11-07T00:14:20Z"),
      agent: { type: "service_reference", pagerdutyId: "PIJ90N7", name: "My Mail Service" },
      channelType: "api",
      notificationType: null,
      person: null,
      emailFrom: null,
      summary: "Triggered through the API",
      raw: entry,
    });
  });

  it("reads who was paged, and how, from a DevLake notify entry that has no user or agent", () => {
    const record = mapOne(devlakeEntry(DEVLAKE_4, "R28JS804QF7RH1FRFK33C6DHQC"));
    expect(record).toMatchObject({
      type: "notify_log_entry",
      at: new Date("2022-11-03T07:02:38Z"),
      agent: null,
      channelType: "auto",
      notificationType: "email",
      person: { pagerdutyId: null, email: null, name: "Keon Amini" },
    });
  });

  it("prefers the notify entry's user and channel.notification when PagerDuty sends them", () => {
    const entry = {
      ...devlakeEntry(DEVLAKE_4, "R28JS804QF7RH1FRFK33C6DHQC"),
      user: { id: "PQYACO3", type: "user_reference", summary: "Keon Amini" },
      channel: {
        type: "auto",
        notification: { type: "sms_notification", address: "+15555550100", status: "success" },
      },
    };
    expect(mapOne(entry)).toMatchObject({
      notificationType: "sms_notification",
      person: { pagerdutyId: "PQYACO3", email: null, name: "Keon Amini" },
    });
  });

  it("takes the acting user of an acknowledgement from its agent", () => {
    const record = mapOne(devlakeEntry(DEVLAKE_4, "R9TN63Y48OZQA58Y29RNB1Y8RI"));
    expect(record.type).toBe("acknowledge_log_entry");
    expect(record.person).toEqual({ pagerdutyId: "PQYACO3", email: null, name: "Keon Amini" });
    expect(record.channelType).toBe("website");
  });

  it("reads the assignee from the summary when there is no assignees list (DevLake)", () => {
    const record = mapOne(devlakeEntry(DEVLAKE_4, "RNG2F6W5TF52R0RS8NZ77VALMJ"));
    expect(record.agent).toEqual({
      type: "service_reference",
      pagerdutyId: "PIKL83L",
      name: "DevService",
    });
    expect(record.person).toEqual({ pagerdutyId: null, email: null, name: "Kian Amini" });
  });

  it("reads the assignee from assignees[0] (v2 webhook assign entry)", () => {
    const entry = fixtureAt("webhooks-v2/zulip/assign_v2.json", "messages", 0, "log_entries", 0);
    const record = mapOne(entry);
    expect(record.person).toEqual({ pagerdutyId: "PFBSJ2Z", email: null, name: "Wiley Jacobson" });
    expect(record.agent?.name).toBe("Laura Haley");
  });

  it("reads a resolve entry with a +00:00 offset (v2 webhook resolve entry)", () => {
    const entry = fixtureAt("webhooks-v2/zulip/resolve_v2.json", "messages", 0, "log_entries", 0);
    const record = mapOne(entry);
    expect(record.at).toEqual(new Date("2017-09-26T15:18:09Z"));
    expect(record.person).toEqual({ pagerdutyId: "P553OPV", email: null, name: "Laura Haley" });
  });

  it("gives no acting person when a service resolves the incident", () => {
    const entry = {
      ...fixtureObject("webhooks-v2/zulip/resolve_v2.json", "messages", 0, "log_entries", 0),
      agent: { id: "PN49J75", type: "service_reference", summary: "Production XDB Cluster" },
    };
    expect(mapOne(entry).person).toBeNull();
  });

  it("keeps the sender of an e-mail trigger, lower-cased", () => {
    const entry = {
      ...fixtureObject("rest-api/openapi-examples/GET_log_entries.json", "log_entries", 0),
      channel: {
        type: "email",
        from: "Help Desk <Support@Example.COM>",
        subject: "Checkout is down",
      },
    };
    expect(mapOne(entry).emailFrom).toBe("support@example.com");
  });

  it("accepts every agent shape: null, a bare {id,type}, an inbound integration", () => {
    const trigger = () =>
      fixtureObject("rest-api/openapi-examples/GET_log_entries.json", "log_entries", 0);
    expect(mapOne({ ...trigger(), agent: null }).agent).toBeNull();
    expect(
      mapOne({ ...trigger(), agent: { id: "PVE0ZR9", type: "user_reference" } }).agent,
    ).toEqual({ type: "user_reference", pagerdutyId: "PVE0ZR9", name: null });
    const integration = fixtureAt(
      "webhooks-v3/nudgebee/incident.triggered.events-api-v2-agent.json",
      "event",
      "agent",
    );
    expect(mapOne({ ...trigger(), agent: integration }).agent).toEqual({
      type: "inbound_integration_reference",
      pagerdutyId: "PEXAMPLE2",
      name: "Events API V2",
    });
  });

  it("finds the incident in the self URL when the entry does not name it", () => {
    const entry = fixtureObject(
      "rest-api/openapi-examples/GET_incidents_id_log_entries.json",
      "log_entries",
      0,
    );
    const { incident: _incident, ...withoutIncident } = entry;
    expect(mapOne(withoutIncident).incident).toEqual({ pagerdutyId: "PT4KHLK", name: null });
  });

  it("rejects an entry without a time or an incident, naming the field", () => {
    const entry = fixtureObject("rest-api/openapi-examples/GET_log_entries.json", "log_entries", 0);
    expect(mapLogEntry({ ...entry, created_at: null }, context).rejections).toEqual([
      "log entry Q02JTSNZWHSEKV: created_at is missing",
    ]);
    const { incident: _incident, self: _self, ...orphan } = entry;
    expect(mapLogEntry(orphan, context).rejections).toEqual([
      "log entry Q02JTSNZWHSEKV: incident is missing — export log entries from GET /log_entries or GET /incidents/{id}/log_entries, which name their incident",
    ]);
    expect(mapLogEntry({ ...entry, type: 7 }, context).rejections).toEqual([
      "log entry Q02JTSNZWHSEKV: type 7 is not a string",
    ]);
  });
});

describe("parseNotifySummary", () => {
  it("reads the person and the channel in PagerDuty's wording", () => {
    expect(parseNotifySummary("Notified Keon Amini by email.")).toEqual({
      name: "Keon Amini",
      channel: "email",
    });
    expect(parseNotifySummary("Notified Ann Lee by SMS.")?.channel).toBe("sms");
    expect(parseNotifySummary("Notified Ann Lee by phone.")?.channel).toBe("phone");
    expect(parseNotifySummary("Notified Ann Lee by push notification")?.channel).toBe(
      "push_notification",
    );
    expect(parseNotifySummary("Notified Ann Lee via Slack.")?.channel).toBe("slack");
    // A name that itself contains " by ".
    expect(parseNotifySummary("Notified Stand by Me by email.")?.name).toBe("Stand by Me");
    expect(parseNotifySummary("Escalated to Keon Amini by Keon Amini.")).toBeNull();
  });
});

describe("parseAssignSummary", () => {
  it("reads the assignee with or without the assigning user", () => {
    expect(parseAssignSummary("Assigned to Keon Amini.")).toBe("Keon Amini");
    expect(parseAssignSummary("Assigned to Wiley Jacobson by Laura Haley")).toBe("Wiley Jacobson");
    expect(parseAssignSummary("Triggered through the website.")).toBeNull();
  });
});

describe("mapLogEntry: ids and references with spaces", () => {
  const entry = fixtureAt(
    "rest-api/openapi-examples/GET_log_entries.json",
    "log_entries",
    0,
  ) as Record<string, unknown>;

  it("trims the entry's id, type and reference ids as the tidy entry has them", () => {
    const spaced = {
      ...entry,
      id: " Q02JTSNZWHSEKV ",
      type: "trigger_log_entry ",
      incident: { id: " PT4KHLK", summary: "[#1234] The server is on fire." },
    };
    const { raw: _tidyRaw, ...tidy } = mapOne(entry);
    const { raw: spacedRaw, ...fromSpaced } = mapOne(spaced);
    expect(fromSpaced).toEqual(tidy);
    expect(spacedRaw).toMatchObject({ id: " Q02JTSNZWHSEKV " });
  });

  it("rejects an entry whose id is blank", () => {
    expect(mapLogEntry({ ...entry, id: "  " }, context).rejections).toHaveLength(1);
    expect(mapLogEntry({ ...entry, type: 7 }, context).rejections).toHaveLength(1);
  });
});
