import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIRECTORY, fixtureObject } from "../map/testing/read-fixture";
import type { LogEntryRecord } from "../records";
import {
  type MappedWebhookEvent,
  mapWebhookEvent,
  mapWebhookMessage,
  type WebhookEventFacts,
} from "./map-webhook-event";

type Applied = Extract<MappedWebhookEvent, { outcome: "apply" }>;

const SIGNED = "webhooks-v3/signed";
const ZULIP = "webhooks-v3/zulip";
const NUDGEBEE = "webhooks-v3/nudgebee";
const V2 = "webhooks-v2/zulip";

const BEN = { pagerdutyId: "PVE0ZR9", email: null, name: "Ben" };
const BEN_AGENT = { type: "user_reference", pagerdutyId: "PVE0ZR9", name: "Ben" };
const PIG_208_AGENT = { type: "user_reference", pagerdutyId: "PJ0LVEB", name: "PIG 208" };
const HARSH = { pagerdutyId: "PXRUEF2", email: null, name: "Harsh Santwani" };
const HARSH_AGENT = { type: "user_reference", pagerdutyId: "PXRUEF2", name: "Harsh Santwani" };
const LAURA = { pagerdutyId: "P553OPV", email: null, name: "Laura Haley" };
const CHECKOUT_INCIDENT = "Q3B15VLMF3ASBD";

function eventOf(file: string): Record<string, unknown> {
  return fixtureObject(file, "event");
}

function messageOf(file: string): Record<string, unknown> {
  return fixtureObject(file, "messages", 0);
}

function applied(mapped: MappedWebhookEvent): Applied {
  if (mapped.outcome !== "apply") {
    throw new Error(`expected the event to apply, got ${mapped.outcome}: ${mapped.reason}`);
  }
  return mapped;
}

function standIn(mapped: Applied): LogEntryRecord {
  if (!mapped.logEntry) throw new Error("expected a stand-in log entry");
  return mapped.logEntry;
}

/** Maps a v3 fixture that must apply, with no notes. */
function applyFixture(file: string): Applied {
  const mapped = applied(mapWebhookEvent(eventOf(file)));
  expect(mapped.notes).toEqual([]);
  return mapped;
}

describe("mapWebhookEvent: the signed Aldaviva events (incident #37)", () => {
  it("maps the trigger: facts, the incident as sent and a stand-in trigger entry", () => {
    const event = eventOf(`${SIGNED}/incident.triggered.json`);
    const mapped = applyFixture(`${SIGNED}/incident.triggered.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01FKZSRAPTMF55RE69G8BQHGC6",
      eventType: "incident.triggered",
      occurredAt: new Date("2025-04-07T03:47:13.414Z"),
      incidentPagerdutyId: "Q2CKYRLH85UNN4",
      incidentStatus: "triggered",
      incidentCreatedAt: new Date("2025-04-07T03:47:13Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({
      kind: "incident",
      pagerdutyId: "Q2CKYRLH85UNN4",
      number: 37,
      title: "Test",
      urgency: "low",
      priority: null,
      status: "triggered",
      incidentKey: "dfead9d88e0649e8b7dee514b1875756",
      createdAt: new Date("2025-04-07T03:47:13Z"),
      service: { pagerdutyId: "PNE3JZM", name: "Webhook Tester" },
      escalationPolicy: { pagerdutyId: "P482651", name: "Notify Ben and Dad" },
      teams: [],
    });
    expect(mapped.logEntry).toEqual<LogEntryRecord>({
      kind: "log_entry",
      pagerdutyId: "webhook:01FKZSRAPTMF55RE69G8BQHGC6",
      incident: { pagerdutyId: "Q2CKYRLH85UNN4", name: "[#37] Test" },
      type: "trigger_log_entry",
      at: new Date("2025-04-07T03:47:13.414Z"),
      agent: BEN_AGENT,
      channelType: null,
      notificationType: null,
      person: null,
      emailFrom: null,
      summary: "Triggered by Ben",
      raw: event,
      isFromWebhook: true,
    });
  });

  it("maps the acknowledgement 132 ms later, naming Ben as the person", () => {
    const mapped = applyFixture(`${SIGNED}/incident.acknowledged.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01FKZSRAQJLP9S3OPM2VALGUPJ",
      eventType: "incident.acknowledged",
      occurredAt: new Date("2025-04-07T03:47:13.546Z"),
      incidentPagerdutyId: "Q2CKYRLH85UNN4",
      incidentStatus: "acknowledged",
      incidentCreatedAt: new Date("2025-04-07T03:47:13Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident?.status).toBe("acknowledged");
    expect(standIn(mapped)).toMatchObject({
      pagerdutyId: "webhook:01FKZSRAQJLP9S3OPM2VALGUPJ",
      type: "acknowledge_log_entry",
      at: new Date("2025-04-07T03:47:13.546Z"),
      person: BEN,
      summary: "Acknowledged by Ben",
      isFromWebhook: true,
    });
  });

  it("maps the resolve", () => {
    const mapped = applyFixture(`${SIGNED}/incident.resolved.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01FKZSYE5HCMM576S6JUVIGLQT",
      eventType: "incident.resolved",
      occurredAt: new Date("2025-04-07T03:49:36.358Z"),
      incidentPagerdutyId: "Q2CKYRLH85UNN4",
      incidentStatus: "resolved",
      incidentCreatedAt: new Date("2025-04-07T03:47:13Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({ status: "resolved", number: 37, title: "Test" });
    expect(standIn(mapped)).toMatchObject({
      pagerdutyId: "webhook:01FKZSYE5HCMM576S6JUVIGLQT",
      type: "resolve_log_entry",
      person: BEN,
      summary: "Resolved by Ben",
      isFromWebhook: true,
    });
  });

  it("maps the note: no incident data, no status, the note text in the summary", () => {
    const mapped = applyFixture(`${SIGNED}/incident.annotated.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01FKZSYEOK0YQYTT9OZQJDS1P4",
      eventType: "incident.annotated",
      occurredAt: new Date("2025-04-07T03:49:36.680Z"),
      incidentPagerdutyId: "Q2CKYRLH85UNN4",
      incidentStatus: null,
      incidentCreatedAt: null,
      hasIncidentData: false,
    });
    expect(mapped.incident).toBeNull();
    const entry = standIn(mapped);
    expect(entry).toMatchObject({
      pagerdutyId: "webhook:01FKZSYEOK0YQYTT9OZQJDS1P4",
      incident: { pagerdutyId: "Q2CKYRLH85UNN4", name: "Test" },
      type: "annotate_log_entry",
      agent: BEN_AGENT,
      person: BEN,
      isFromWebhook: true,
    });
    expect(entry.summary).toBe("Note by Ben: Resolution Note: I'm resolving it");
    expect(entry.summary?.startsWith("Note by Ben: Resolution Note")).toBe(true);
  });
});

describe("mapWebhookEvent: Zulip's v3 events", () => {
  it("records a reassignment as an assignment to the assignee, not to the agent who did it", () => {
    const mapped = applyFixture(`${ZULIP}/reassigned_v3.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01BZY282OVDQMFPDC3VB98DR1L",
      eventType: "incident.reassigned",
      occurredAt: new Date("2021-06-04T10:17:54.838Z"),
      incidentPagerdutyId: "PIQUG8X",
      incidentStatus: "triggered",
      incidentCreatedAt: null,
      hasIncidentData: true,
    });
    expect(standIn(mapped)).toMatchObject({
      pagerdutyId: "webhook:01BZY282OVDQMFPDC3VB98DR1L",
      incident: { pagerdutyId: "PIQUG8X", name: "[#3] Test Incident" },
      type: "assign_log_entry",
      agent: PIG_208_AGENT,
      person: { pagerdutyId: "PI9DT01", email: null, name: "Test User" },
      summary: "Assigned to Test User by PIG 208",
      isFromWebhook: true,
    });
  });

  it("maps an escalation of the 2026 shape with its P1 priority and stated creation", () => {
    const mapped = applyFixture(`${ZULIP}/escalate_v3.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01GI0JWUU28G8XE5M6IIT4BZ39",
      eventType: "incident.escalated",
      occurredAt: new Date("2026-04-01T02:08:04.642Z"),
      incidentPagerdutyId: CHECKOUT_INCIDENT,
      incidentStatus: "triggered",
      incidentCreatedAt: new Date("2026-04-01T02:07:30Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({
      number: 5,
      title: "Critical: Checkout API High Latency",
      priority: "P1",
      urgency: "high",
      incidentKey: "d387d7bd2e0a4294a5307339dfe1669a",
      service: { pagerdutyId: "PLVTM9H", name: "Default Service" },
    });
    expect(standIn(mapped)).toMatchObject({
      type: "escalate_log_entry",
      agent: HARSH_AGENT,
      person: HARSH,
      summary: "Escalated to Harsh Santwani",
    });
  });

  it("maps a priority change to P2", () => {
    const mapped = applyFixture(`${ZULIP}/priority_updated_v3.json`);
    expect(mapped.facts).toMatchObject({
      eventId: "01GI0KJAEAC3CFEOFSC8BIJF3O",
      eventType: "incident.priority_updated",
      occurredAt: new Date("2026-04-01T02:15:36.315Z"),
      incidentPagerdutyId: CHECKOUT_INCIDENT,
      incidentStatus: "triggered",
      hasIncidentData: true,
    });
    expect(mapped.incident?.priority).toBe("P2");
    expect(standIn(mapped)).toMatchObject({
      type: "priority_change_log_entry",
      person: HARSH,
      summary: "Priority changed to P2 by Harsh Santwani",
    });
  });

  it("maps a reopen: the incident is triggered again", () => {
    const mapped = applyFixture(`${ZULIP}/reopened_v3.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01GI0KHLHVH4YZ44BJY1VLT6F2",
      eventType: "incident.reopened",
      occurredAt: new Date("2026-04-01T02:15:02.274Z"),
      incidentPagerdutyId: "Q05XJA8GDXGOB3",
      incidentStatus: "triggered",
      incidentCreatedAt: new Date("2026-03-30T13:37:07Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({ number: 4, urgency: "low", priority: "P3" });
    expect(standIn(mapped)).toMatchObject({
      type: "reopen_log_entry",
      summary: "Reopened by Harsh Santwani",
    });
  });

  it("maps an unacknowledgement: back to triggered", () => {
    const mapped = applyFixture(`${ZULIP}/unacknowledged_v3.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01BZYK5B3WC0QI62S87MJX7FCD",
      eventType: "incident.unacknowledged",
      occurredAt: new Date("2021-06-04T13:54:23.185Z"),
      incidentPagerdutyId: "PQ1K5C8",
      incidentStatus: "triggered",
      incidentCreatedAt: null,
      hasIncidentData: true,
    });
    expect(standIn(mapped)).toMatchObject({
      type: "unacknowledge_log_entry",
      summary: "Unacknowledged (PIG 208)",
    });
  });

  it("maps the 2021 acknowledgement and resolve", () => {
    const acknowledged = applyFixture(`${ZULIP}/acknowledged_v3.json`);
    expect(acknowledged.facts).toMatchObject({
      eventId: "01BZYK8N47N5JG55J1EEEHPEJI",
      occurredAt: new Date("2021-06-04T13:55:30.394Z"),
      incidentPagerdutyId: "PQ1K5C8",
      incidentStatus: "acknowledged",
    });
    const resolved = applyFixture(`${ZULIP}/resolved_v3.json`);
    expect(resolved.facts).toMatchObject({
      eventId: "01BZYH1JJY09P9LEIST8HG2PMN",
      occurredAt: new Date("2021-06-04T13:16:53.816Z"),
      incidentPagerdutyId: "PCPZE64",
      incidentStatus: "resolved",
    });
    expect(standIn(resolved)).toMatchObject({
      type: "resolve_log_entry",
      person: { pagerdutyId: "PJ0LVEB", email: null, name: "PIG 208" },
      summary: "Resolved by PIG 208",
    });
  });

  it("maps a delegation to another escalation policy, about nobody in particular", () => {
    const mapped = applyFixture(`${ZULIP}/delegated_v3.json`);
    expect(mapped.facts).toMatchObject({
      eventId: "01GI0KCK1VJGU2A90B814E1RF0",
      occurredAt: new Date("2026-04-01T02:13:20.295Z"),
      incidentStatus: "triggered",
    });
    expect(mapped.incident?.escalationPolicy).toEqual({ pagerdutyId: "P3RAX8S", name: "APIs-ep" });
    expect(standIn(mapped)).toMatchObject({
      type: "delegate_log_entry",
      person: null,
      summary: "Delegated to APIs-ep by Harsh Santwani",
    });
  });

  it("maps a move to another service (incident.service_updated, not a service event)", () => {
    const mapped = applyFixture(`${ZULIP}/service_updated_v3.json`);
    expect(mapped.facts).toMatchObject({
      eventId: "01GI0LMGIAVNHQJISNPO1RZRT5",
      eventType: "incident.service_updated",
      occurredAt: new Date("2026-04-01T02:28:44.634Z"),
      incidentPagerdutyId: CHECKOUT_INCIDENT,
      hasIncidentData: true,
    });
    expect(mapped.incident?.service).toEqual({ pagerdutyId: "P844A2S", name: "APIs" });
    expect(standIn(mapped)).toMatchObject({
      type: "service_change_log_entry",
      summary: "Moved to service APIs by Harsh Santwani",
    });
  });

  it("maps a note on the checkout incident", () => {
    const mapped = applyFixture(`${ZULIP}/annotated_v3.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01GI0KTE33V5QXBVIJDEVJFUNE",
      eventType: "incident.annotated",
      occurredAt: new Date("2026-04-01T02:18:59.674Z"),
      incidentPagerdutyId: CHECKOUT_INCIDENT,
      incidentStatus: null,
      incidentCreatedAt: null,
      hasIncidentData: false,
    });
    expect(standIn(mapped).summary).toBe(
      "Note by Harsh Santwani: Running KILL on long-running queries from the reporting-service.",
    );
  });

  it("maps a responder request about data.user", () => {
    const mapped = applyFixture(`${ZULIP}/responder_added.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01GI0KX4BFZXPEDNCS4USCAH22",
      eventType: "incident.responder.added",
      occurredAt: new Date("2026-04-01T02:20:14.737Z"),
      incidentPagerdutyId: CHECKOUT_INCIDENT,
      incidentStatus: null,
      incidentCreatedAt: null,
      hasIncidentData: false,
    });
    expect(mapped.incident).toBeNull();
    expect(standIn(mapped)).toMatchObject({
      pagerdutyId: "webhook:01GI0KX4BFZXPEDNCS4USCAH22",
      incident: { pagerdutyId: CHECKOUT_INCIDENT, name: "Critical: Checkout API High Latency" },
      type: "responder_request_log_entry",
      person: HARSH,
      summary: "Responder requested: Harsh Santwani by Harsh Santwani (pending)",
    });
  });

  it("names the requested responder, not the agent who asked, when they differ", () => {
    const event = eventOf(`${ZULIP}/responder_added.json`);
    const data = fixtureObject(`${ZULIP}/responder_added.json`, "event", "data");
    const requested = { ...event, data: { ...data, user: { id: "PNEW001", summary: "Ada" } } };
    expect(standIn(applied(mapWebhookEvent(requested)))).toMatchObject({
      person: { pagerdutyId: "PNEW001", email: null, name: "Ada" },
      summary: "Responder requested: Ada by Harsh Santwani (pending)",
    });
  });

  it("maps a responder's reply", () => {
    const mapped = applyFixture(`${ZULIP}/responder_replied_v3.json`);
    expect(mapped.facts).toMatchObject({
      eventId: "01GI0L22UIJYVH9Y2II3TNPVER",
      occurredAt: new Date("2026-04-01T02:21:54.532Z"),
      incidentStatus: null,
    });
    expect(standIn(mapped)).toMatchObject({
      type: "responder_reply_log_entry",
      person: HARSH,
      summary: "Responder Harsh Santwani replied: accepted",
    });
  });

  it("maps a published status update with its message", () => {
    const mapped = applyFixture(`${ZULIP}/status_updated_v3.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01GI0KPHX6I892N2PFKDLH25XK",
      eventType: "incident.status_update_published",
      occurredAt: new Date("2026-04-01T02:17:41.211Z"),
      incidentPagerdutyId: CHECKOUT_INCIDENT,
      incidentStatus: null,
      incidentCreatedAt: null,
      hasIncidentData: false,
    });
    const entry = standIn(mapped);
    expect(entry.type).toBe("status_update_log_entry");
    expect(entry.summary).toMatch(
      /^Status update by Harsh Santwani: Investigating a P1 incident with the Checkout API in us-east-1\. .* next update at 08:15 UTC\.$/,
    );
  });

  it("stands the 2021 trigger's creation in with occurred_at, and says it was not stated", () => {
    const mapped = applyFixture(`${ZULIP}/triggered_v3.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01BZYIL05THJDFF2Y08X9SVMTU",
      eventType: "incident.triggered",
      occurredAt: new Date("2021-06-04T13:35:29.781Z"),
      incidentPagerdutyId: "PFQZPSY",
      incidentStatus: "triggered",
      incidentCreatedAt: null,
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({
      number: 9,
      title: "Test Incident 3",
      createdAt: new Date("2021-06-04T13:35:29.781Z"),
      incidentKey: null,
    });
    expect(mapped.incident?.createdAt).toEqual(mapped.facts.occurredAt);
    expect(standIn(mapped)).toMatchObject({
      incident: { pagerdutyId: "PFQZPSY", name: "[#9] Test Incident 3" },
      summary: "Triggered by PIG 208",
      person: null,
    });
  });
});

describe("mapWebhookEvent: nudgebee's integration events", () => {
  it("maps a trigger through Events API v2 (an integration agent, incident_key null)", () => {
    const mapped = applyFixture(`${NUDGEBEE}/incident.triggered.events-api-v2-agent.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01EXAMPLE1AAAAAAAAAAAAAAAA",
      eventType: "incident.triggered",
      occurredAt: new Date("2025-01-24T07:10:05.538Z"),
      incidentPagerdutyId: "QEXAMPLE1",
      incidentStatus: "triggered",
      incidentCreatedAt: new Date("2025-01-24T07:10:05Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({
      number: 7,
      title: "up rule triggered on nn",
      incidentKey: null,
      urgency: "high",
    });
    expect(standIn(mapped)).toMatchObject({
      agent: {
        type: "inbound_integration_reference",
        pagerdutyId: "PEXAMPLE2",
        name: "Events API V2",
      },
      person: null,
      summary: "Triggered through Events API V2",
    });
  });

  it("maps the second Events API trigger the same way", () => {
    const mapped = applyFixture(`${NUDGEBEE}/incident.triggered.events-api-v2-agent-b.json`);
    expect(mapped.facts).toMatchObject({
      eventId: "01EXAMPLE3AAAAAAAAAAAAAAAA",
      occurredAt: new Date("2025-02-05T05:56:12.562Z"),
      incidentPagerdutyId: "QEXAMPLE3",
    });
    expect(mapped.incident?.number).toBe(15);
    expect(standIn(mapped).summary).toBe("Triggered through Events API V2");
  });

  it("names the client when a trigger has no agent (Chronosphere)", () => {
    const mapped = applyFixture(`${NUDGEBEE}/incident.triggered.agent-null-chronosphere.json`);
    expect(mapped.facts).toMatchObject({
      eventId: "01FVRJDBZPAFCIQO0U5B2ZJ2GQ",
      occurredAt: new Date("2025-08-02T05:33:07.523Z"),
      incidentPagerdutyId: "Q2X369CTEOAGYM",
      incidentCreatedAt: new Date("2025-08-02T05:33:07Z"),
    });
    expect(mapped.incident).toMatchObject({
      number: 320624,
      teams: [{ pagerdutyId: "PH65BB6", name: "OTR-Team" }],
    });
    expect(standIn(mapped)).toMatchObject({
      agent: null,
      person: null,
      summary: "Triggered by Chronosphere",
    });
  });

  it("says only 'Triggered' when there is neither agent nor client", () => {
    const mapped = applyFixture(`${NUDGEBEE}/incident.triggered.agent-null-client-null.json`);
    expect(mapped.facts).toMatchObject({
      eventId: "01FVSY3TYZRNGRHL3BIQ1RTDG1",
      incidentPagerdutyId: "Q19Z7CCJDTBD40",
    });
    expect(standIn(mapped)).toMatchObject({ agent: null, summary: "Triggered" });
  });

  it("takes the incident id from data.id even when self names another incident", () => {
    const mapped = applyFixture(`${NUDGEBEE}/incident.resolved.user-agent.json`);
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "01EXAMPLE2AAAAAAAAAAAAAAAA",
      eventType: "incident.resolved",
      occurredAt: new Date("2025-02-15T14:42:34.992Z"),
      incidentPagerdutyId: "QEXAMPLE1",
      incidentStatus: "resolved",
      incidentCreatedAt: new Date("2025-02-12T10:15:08Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({ pagerdutyId: "QEXAMPLE1", number: 29 });
    expect(standIn(mapped)).toMatchObject({
      incident: { pagerdutyId: "QEXAMPLE1" },
      person: { pagerdutyId: "PEXAMPLE3", email: null, name: "Test User" },
      summary: "Resolved by Test User",
    });
  });
});

describe("mapWebhookEvent: events it ignores", () => {
  it("ignores PagerDuty's ping", () => {
    expect(mapWebhookEvent(eventOf(`${SIGNED}/pagey.ping.json`))).toEqual({
      outcome: "ignore",
      summary: {
        eventId: "01FKZOXA868SHYEE4DVNWB5P9W",
        eventType: "pagey.ping",
        occurredAt: new Date("2025-04-07T03:00:55.532Z"),
        incidentPagerdutyId: null,
      },
      reason: "pagey.ping: PagerDuty's test; nothing to apply",
    });
  });

  it.each([
    ["service_created_v3.json", "01DFJKL2Q3MNOP4RSTUV5WXYZ1", "service.created"],
    ["service_deleted_v3.json", "01DFJKL2Q3MNOP4RSTUV5WXYZ3", "service.deleted"],
  ])("ignores %s: not an incident event", (file, eventId, eventType) => {
    expect(mapWebhookEvent(eventOf(`${ZULIP}/${file}`))).toEqual({
      outcome: "ignore",
      summary: {
        eventId,
        eventType,
        occurredAt: new Date("2024-01-15T12:00:00.000Z"),
        incidentPagerdutyId: null,
      },
      reason: `${eventType}: Fairshift applies incident events only`,
    });
  });

  it("ignores an incident event type it does not know", () => {
    expect(mapWebhookEvent(eventOf(`${ZULIP}/unsupported_v3.json`))).toEqual({
      outcome: "ignore",
      summary: {
        eventId: "01BZY282OVDQMFPDC3VB98DR1L",
        eventType: "incident.unsupported",
        occurredAt: new Date("2021-06-04T10:17:54.838Z"),
        incidentPagerdutyId: "PIQUG8X",
      },
      reason: "incident.unsupported is an event type Fairshift does not know; logged and ignored",
    });
  });

  it.each([
    [
      "conference_bridge_updated_v3.json",
      "01GI0KX5GCRKLDQFLNMGZ30JV2",
      "2026-04-01T02:20:15.274Z",
      "incident.conference_bridge.updated: Fairshift does not keep conference bridges",
    ],
    [
      "workflow_started_v3.json",
      "32743190385439511823355034091750713370",
      "2026-04-01T02:51:47.500Z",
      "incident.workflow.started: Fairshift does not keep incident workflows",
    ],
    [
      "workflow_completed_v3.json",
      "32743191412443541367815146404898342710",
      "2026-04-01T02:52:43.174Z",
      "incident.workflow.completed: Fairshift does not keep incident workflows",
    ],
    [
      "workflow_completed_no_summary_v3.json",
      "32743191412443541367815146404898342710",
      "2026-04-01T02:52:43.174Z",
      "incident.workflow.completed: Fairshift does not keep incident workflows",
    ],
  ])("ignores %s: nothing Fairshift keeps", (file, eventId, occurredAt, reason) => {
    const mapped = mapWebhookEvent(eventOf(`${ZULIP}/${file}`));
    expect(mapped).toEqual({
      outcome: "ignore",
      summary: {
        eventId,
        eventType: reason.slice(0, reason.indexOf(":")),
        occurredAt: new Date(occurredAt),
        incidentPagerdutyId: CHECKOUT_INCIDENT,
      },
      reason,
    });
  });
});

describe("mapWebhookEvent: events it rejects, and X-Webhook-Id", () => {
  const triggered = () => eventOf(`${SIGNED}/incident.triggered.json`);
  const withoutId = () => {
    const { id: _id, ...rest } = triggered();
    return rest;
  };

  it("rejects an event without an id when there is no X-Webhook-Id", () => {
    expect(mapWebhookEvent(withoutId())).toEqual({
      outcome: "reject",
      summary: {
        eventId: null,
        eventType: "incident.triggered",
        occurredAt: new Date("2025-04-07T03:47:13.414Z"),
        incidentPagerdutyId: "Q2CKYRLH85UNN4",
      },
      reason: "event.id is missing",
    });
  });

  it("uses X-Webhook-Id for an event without an id", () => {
    const mapped = applied(mapWebhookEvent(withoutId(), "wh-7f3a"));
    expect(mapped.facts.eventId).toBe("wh-7f3a");
    expect(standIn(mapped).pagerdutyId).toBe("webhook:wh-7f3a");
  });

  it("keeps the event's own id when both are there", () => {
    const mapped = applied(mapWebhookEvent(triggered(), "wh-7f3a"));
    expect(mapped.facts.eventId).toBe("01FKZSRAPTMF55RE69G8BQHGC6");
    expect(standIn(mapped).pagerdutyId).toBe("webhook:01FKZSRAPTMF55RE69G8BQHGC6");
  });

  it("rejects an event without an event type", () => {
    const { event_type: _type, ...rest } = triggered();
    expect(mapWebhookEvent(rest)).toMatchObject({
      outcome: "reject",
      reason: "event.event_type is missing",
    });
  });

  it.each([
    ["missing", undefined, "event.occurred_at undefined is not a timestamp"],
    ["not a time", "yesterday", 'event.occurred_at "yesterday" is not a timestamp'],
  ])("rejects an event whose occurred_at is %s", (_label, occurredAt, reason) => {
    const event = { ...triggered(), occurred_at: occurredAt };
    expect(mapWebhookEvent(event)).toEqual({
      outcome: "reject",
      summary: {
        eventId: "01FKZSRAPTMF55RE69G8BQHGC6",
        eventType: "incident.triggered",
        occurredAt: null,
        incidentPagerdutyId: "Q2CKYRLH85UNN4",
      },
      reason,
    });
  });

  it("rejects a note whose data names no incident", () => {
    const event = eventOf(`${SIGNED}/incident.annotated.json`);
    const { incident: _incident, ...data } = fixtureObject(
      `${SIGNED}/incident.annotated.json`,
      "event",
      "data",
    );
    expect(mapWebhookEvent({ ...event, data })).toEqual({
      outcome: "reject",
      summary: {
        eventId: "01FKZSYEOK0YQYTT9OZQJDS1P4",
        eventType: "incident.annotated",
        occurredAt: new Date("2025-04-07T03:49:36.680Z"),
        incidentPagerdutyId: null,
      },
      reason:
        "incident.annotated: event.data names no incident (no data.id of an incident, no data.incident.id)",
    });
  });

  it("rejects something that is not an event at all", () => {
    expect(mapWebhookEvent(null)).toMatchObject({
      outcome: "reject",
      reason: "event.id is missing",
    });
  });
});

describe("mapWebhookEvent covers every v3 fixture", () => {
  const covered = new Set([
    ...[
      "incident.triggered.json",
      "incident.acknowledged.json",
      "incident.resolved.json",
      "incident.annotated.json",
      "pagey.ping.json",
    ].map((name) => `signed/${name}`),
    ...[
      "acknowledged_v3.json",
      "annotated_v3.json",
      "conference_bridge_updated_v3.json",
      "delegated_v3.json",
      "escalate_v3.json",
      "priority_updated_v3.json",
      "reassigned_v3.json",
      "reopened_v3.json",
      "resolved_v3.json",
      "responder_added.json",
      "responder_replied_v3.json",
      "service_created_v3.json",
      "service_deleted_v3.json",
      "service_updated_v3.json",
      "status_updated_v3.json",
      "triggered_v3.json",
      "unacknowledged_v3.json",
      "unsupported_v3.json",
      "workflow_completed_no_summary_v3.json",
      "workflow_completed_v3.json",
      "workflow_started_v3.json",
    ].map((name) => `zulip/${name}`),
    ...[
      "incident.resolved.user-agent.json",
      "incident.triggered.agent-null-chronosphere.json",
      "incident.triggered.agent-null-client-null.json",
      "incident.triggered.events-api-v2-agent-b.json",
      "incident.triggered.events-api-v2-agent.json",
    ].map((name) => `nudgebee/${name}`),
  ]);

  it("has a test above for each event file in webhooks-v3/", () => {
    const onDisk = ["signed", "zulip", "nudgebee"].flatMap((folder) =>
      readdirSync(path.join(FIXTURES_DIRECTORY, "webhooks-v3", folder))
        .filter((name) => name.endsWith(".json") && !name.startsWith("signatures"))
        .map((name) => `${folder}/${name}`),
    );
    expect(onDisk.sort()).toEqual([...covered].sort());
  });
});

describe("mapWebhookMessage (legacy v2, incident PRORDTY #33)", () => {
  it("maps a trigger with PagerDuty's own trigger entry", () => {
    const message = messageOf(`${V2}/trigger_v2.json`);
    const mapped = applied(mapWebhookMessage(message));
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "69a7ced0-a2cd-11e7-a799-22000a15839c",
      eventType: "incident.triggered",
      occurredAt: new Date("2017-09-26T15:14:36Z"),
      incidentPagerdutyId: "PRORDTY",
      incidentStatus: "triggered",
      incidentCreatedAt: new Date("2017-09-26T15:14:36Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({
      pagerdutyId: "PRORDTY",
      number: 33,
      title: "My new incident",
      status: "triggered",
      urgency: "high",
      service: { pagerdutyId: "PN49J75", name: "Production XDB Cluster" },
    });
    const entry = standIn(mapped);
    expect(entry).toMatchObject({
      kind: "log_entry",
      pagerdutyId: "R2XGXEI3W0FHMSDXHDIBQGBQ5E",
      incident: { pagerdutyId: "PRORDTY", name: "[#33] My new incident" },
      type: "trigger_log_entry",
      at: new Date("2017-09-26T15:14:36Z"),
      agent: { type: "user_reference", pagerdutyId: "P553OPV", name: "Laura Haley" },
      channelType: "web_trigger",
      person: null,
      summary: "Triggered through the website",
    });
    expect(entry).not.toHaveProperty("isFromWebhook");
  });

  it("maps an acknowledgement", () => {
    const mapped = applied(mapWebhookMessage(messageOf(`${V2}/acknowledge_v2.json`)));
    expect(mapped.facts).toMatchObject({
      eventId: "82a33960-a2cd-11e7-8f69-22000affca53",
      eventType: "incident.acknowledged",
      occurredAt: new Date("2017-09-26T15:15:17Z"),
      incidentStatus: "acknowledged",
    });
    expect(mapped.incident?.acknowledgedAt).toEqual(new Date("2017-09-26T15:15:17Z"));
    expect(standIn(mapped)).toMatchObject({
      pagerdutyId: "RRPP3746OFFZZ742NSP1G67AWC",
      type: "acknowledge_log_entry",
      person: LAURA,
      summary: "Acknowledged by Laura Haley",
    });
  });

  it("maps an assignment (incident.assign → incident.reassigned) to the assignee", () => {
    const mapped = applied(mapWebhookMessage(messageOf(`${V2}/assign_v2.json`)));
    expect(mapped.facts).toMatchObject({
      eventId: "9e7850d0-a2cd-11e7-8f69-22000affca53",
      eventType: "incident.reassigned",
      occurredAt: new Date("2017-09-26T15:16:05Z"),
      incidentStatus: "triggered",
    });
    expect(standIn(mapped)).toMatchObject({
      pagerdutyId: "R6XNGC35VF6U1TUSVIE2DWXD4Z",
      type: "assign_log_entry",
      person: { pagerdutyId: "PFBSJ2Z", email: null, name: "Wiley Jacobson" },
    });
  });

  it("maps a resolve whose entry is stamped +00:00", () => {
    const mapped = applied(mapWebhookMessage(messageOf(`${V2}/resolve_v2.json`)));
    expect(mapped.facts).toEqual<WebhookEventFacts>({
      eventId: "e82195c0-a2cd-11e7-8f69-22000affca53",
      eventType: "incident.resolved",
      occurredAt: new Date("2017-09-26T15:18:09Z"),
      incidentPagerdutyId: "PRORDTY",
      incidentStatus: "resolved",
      incidentCreatedAt: new Date("2017-09-26T15:14:36Z"),
      hasIncidentData: true,
    });
    expect(mapped.incident).toMatchObject({
      status: "resolved",
      resolvedAt: new Date("2017-09-26T15:18:09Z"),
    });
    const entry = standIn(mapped);
    expect(entry).toMatchObject({
      pagerdutyId: "RNAJ8DLJGWHBXXYX1CC5G50C9O",
      type: "resolve_log_entry",
      at: new Date("2017-09-26T15:18:09Z"),
      person: LAURA,
      summary: "Resolved by Laura Haley",
    });
    expect(entry).not.toHaveProperty("isFromWebhook");
  });

  it("takes the time from the log entry before the message's created_on", () => {
    const message = { ...messageOf(`${V2}/resolve_v2.json`), created_on: "2017-09-26T16:00:00Z" };
    expect(applied(mapWebhookMessage(message)).facts.occurredAt).toEqual(
      new Date("2017-09-26T15:18:09Z"),
    );
  });

  it("falls back to created_on when the message has no log entry, and records none", () => {
    const { log_entries: _entries, ...message } = messageOf(`${V2}/assign_v2.json`);
    const mapped = applied(mapWebhookMessage(message));
    expect(mapped.facts.occurredAt).toEqual(new Date("2017-09-26T15:16:05Z"));
    expect(mapped.logEntry).toBeNull();
  });

  it("ignores a v2 event type it does not know", () => {
    expect(mapWebhookMessage(messageOf(`${V2}/unsupported_v2.json`))).toEqual({
      outcome: "ignore",
      summary: {
        eventId: "9e7850d0-a2cd-11e7-8f69-22000affca53",
        eventType: "incident.unsupported",
        occurredAt: new Date("2017-09-26T15:16:05Z"),
        incidentPagerdutyId: "PRORDTY",
      },
      reason: "incident.unsupported is a v2 event type Fairshift does not know; logged and ignored",
    });
  });

  it("rejects a message without an id", () => {
    const { id: _id, ...message } = messageOf(`${V2}/trigger_v2.json`);
    expect(mapWebhookMessage(message)).toMatchObject({
      outcome: "reject",
      reason: "messages[].id is missing",
    });
  });

  it("rejects a message with no readable time", () => {
    const {
      log_entries: _entries,
      created_on: _createdOn,
      ...message
    } = messageOf(`${V2}/trigger_v2.json`);
    expect(mapWebhookMessage(message)).toMatchObject({
      outcome: "reject",
      reason: "the message has no readable time (log_entries[0].created_at or created_on)",
    });
  });
});
