import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { clockReasons, getIncidentDetail } from "./get-incident-detail";

const at = (iso: string) => new Date(iso);

describe("getIncidentDetail", () => {
  const database = useTestDatabase();
  let incidentId = 0;
  let testId = 0;
  let digitsId = 0;

  beforeAll(async () => {
    const db = database.db;
    const payments = await db.team.create({ data: { name: "Payments", pagerdutyId: "PTEAM01" } });
    const checkout = await db.team.create({ data: { name: "checkout", pagerdutyId: "PTEAM02" } });
    const card = await db.service.create({ data: { name: "Card API", pagerdutyId: "PSVC001" } });
    const noah = await db.person.create({
      data: { name: "Noah Novak", pagerdutyId: "PUSER01", email: "noah@x.test" },
    });
    const ada = await db.person.create({ data: { name: "Ada Berg", email: "ada@x.test" } });

    // Impact 10:00, created 10:05, acknowledged 10:09:30, resolved 11:05.
    const createdAt = at("2026-07-02T10:05:00Z");
    const incident = await db.incident.create({
      data: {
        pagerdutyId: "Q1INCIDENT",
        number: 812,
        title: "Card API 5xx above 2%",
        serviceId: card.id,
        urgency: "high",
        priority: "P1",
        status: "resolved",
        startedAt: at("2026-07-02T10:00:00Z"),
        startedAtSource: "custom_field",
        createdAt,
        acknowledgedAt: at("2026-07-02T10:09:30Z"),
        resolvedAt: at("2026-07-02T11:05:00Z"),
        detectionSource: "monitoring",
        detectionRule: "triggered by an integration (Events API v2)",
        raw: { id: "Q1INCIDENT", html_url: "https://acme.pagerduty.com/incidents/Q1INCIDENT" },
        teams: {
          create: [
            { teamId: payments.id, incidentCreatedAt: createdAt },
            { teamId: checkout.id, incidentCreatedAt: createdAt },
          ],
        },
      },
    });
    incidentId = incident.id;
    const entry = (
      id: string,
      type: string,
      when: string,
      fields: Partial<{
        agentType: string;
        agentPagerdutyId: string;
        channelType: string;
        notificationType: string;
        personId: number;
        summary: string;
        isFromWebhook: boolean;
      }> = {},
    ) =>
      db.incidentLogEntry.create({
        data: { pagerdutyId: id, incidentId: incident.id, type, at: at(when), ...fields },
      });
    // Written out of time order, and the notify shares the trigger's instant.
    const resolve = await entry("LRES", "resolve_log_entry", "2026-07-02T11:05:00Z", {
      agentType: "user_reference",
      agentPagerdutyId: "PUSER01",
      channelType: "website",
      personId: noah.id,
      summary: "Resolved by Noah Novak.",
    });
    const notify = await entry("LNOT", "notify_log_entry", "2026-07-02T10:05:00Z", {
      channelType: "auto",
      notificationType: "phone",
      personId: noah.id,
      summary: "Notified Noah Novak by phone.",
    });
    await entry("LTRIG", "trigger_log_entry", "2026-07-02T10:05:00Z", {
      agentType: "service_reference",
      agentPagerdutyId: "PSVC001",
      channelType: "events_api_v2",
      summary: "Triggered through the Events API.",
    });
    await entry("webhook:evt-1", "acknowledge_log_entry", "2026-07-02T10:09:30Z", {
      agentType: "user_reference",
      agentPagerdutyId: "PUSER01",
      isFromWebhook: true,
      summary: "Acknowledged (from a webhook event).",
    });
    await db.page.create({
      data: {
        personId: noah.id,
        incidentId: incident.id,
        channel: "phone",
        at: at("2026-07-02T10:05:00Z"),
        logEntryId: notify.id,
      },
    });
    // A page with no log entry behind it (e.g. a CSV of notifications).
    await db.page.create({
      data: {
        personId: ada.id,
        incidentId: incident.id,
        channel: "sms",
        at: at("2026-07-02T10:07:00Z"),
      },
    });
    expect(resolve.id).toBeGreaterThan(0);

    const test = await db.incident.create({
      data: {
        pagerdutyId: "QTEST",
        title: "Weekly paging test",
        status: "resolved",
        startedAt: at("2026-07-08T08:59:00Z"),
        createdAt: at("2026-07-08T09:00:00Z"),
        acknowledgedAt: at("2026-07-08T09:00:05Z"),
        resolvedAt: at("2026-07-08T09:00:10Z"),
        detectionSource: "test",
        detectionRule: "title matches the test pattern /paging test|test page/i",
      },
    });
    testId = test.id;
    // A PagerDuty id of digits only (some CSV exports): it must still be found by that id.
    const digits = await db.incident.create({
      data: {
        pagerdutyId: "99887766",
        title: "Open and unacknowledged",
        status: "triggered",
        createdAt: at("2026-07-09T09:00:00Z"),
      },
    });
    digitsId = digits.id;
  });

  it("states the header and the clock with the durations MTTD/MTTA/MTTR count", async () => {
    const detail = await getIncidentDetail(database.db, incidentId);
    expect(detail).toMatchObject({
      id: incidentId,
      pagerdutyId: "Q1INCIDENT",
      number: 812,
      title: "Card API 5xx above 2%",
      htmlUrl: "https://acme.pagerduty.com/incidents/Q1INCIDENT",
      service: { name: "Card API", pagerdutyId: "PSVC001" },
      teams: ["checkout", "Payments"],
      urgency: "high",
      priority: "P1",
      status: "resolved",
      isPlaceholder: false,
      detection: {
        source: "monitoring",
        rule: "triggered by an integration (Events API v2)",
        override: null,
        reported: null,
      },
      timelineTruncated: false,
    });
    expect(detail?.clock).toEqual({
      startedAt: "2026-07-02T10:00:00.000Z",
      startedAtSource: "custom_field",
      createdAt: "2026-07-02T10:05:00.000Z",
      acknowledgedAt: "2026-07-02T10:09:30.000Z",
      resolvedAt: "2026-07-02T11:05:00.000Z",
      resolvedByMerge: false,
      mergedIntoPagerdutyId: null,
      timeToDetect: { seconds: 300, reason: null },
      timeToAcknowledge: { seconds: 270, reason: null },
      timeToResolve: { seconds: 3600, reason: null },
    });
  });

  it("merges log entries and pages in time order, the trigger first within an instant", async () => {
    const detail = await getIncidentDetail(database.db, incidentId);
    expect(
      detail?.timeline.map((item) => [
        item.at.slice(11, 19),
        item.kind,
        item.type ?? item.pageChannel,
      ]),
    ).toEqual([
      ["10:05:00", "log_entry", "trigger_log_entry"],
      ["10:05:00", "log_entry", "notify_log_entry"],
      ["10:07:00", "page", "sms"],
      ["10:09:30", "log_entry", "acknowledge_log_entry"],
      ["11:05:00", "log_entry", "resolve_log_entry"],
    ]);
    const [trigger, notify, page, acknowledge] = detail?.timeline ?? [];
    expect(trigger).toMatchObject({
      agentType: "service_reference",
      agentName: "Card API",
      personName: null,
      channel: "events_api_v2",
      pageChannel: null,
      isFromWebhook: false,
    });
    expect(notify).toMatchObject({
      personName: "Noah Novak",
      notificationType: "phone",
      pageChannel: "phone",
      summary: "Notified Noah Novak by phone.",
    });
    expect(page).toMatchObject({ kind: "page", personName: "Ada Berg", pageChannel: "sms" });
    expect(acknowledge).toMatchObject({ agentName: "Noah Novak", isFromWebhook: true });
    expect(new Set(detail?.timeline.map((item) => item.key)).size).toBe(5);
  });

  it("finds an incident by its PagerDuty id, digits-only ones included, and null for neither", async () => {
    expect((await getIncidentDetail(database.db, "Q1INCIDENT"))?.id).toBe(incidentId);
    expect((await getIncidentDetail(database.db, "99887766"))?.id).toBe(digitsId);
    expect((await getIncidentDetail(database.db, String(digitsId)))?.pagerdutyId).toBe("99887766");
    expect(await getIncidentDetail(database.db, "QNOPE")).toBeNull();
    expect(await getIncidentDetail(database.db, 2_000_000)).toBeNull();
  });

  it("says why a duration does not count", async () => {
    const test = await getIncidentDetail(database.db, testId);
    expect(test?.clock.timeToDetect).toEqual({
      seconds: null,
      reason: "paging test: left out of every measure",
    });
    expect(test?.clock.timeToAcknowledge.seconds).toBeNull();
    const open = await getIncidentDetail(database.db, digitsId);
    expect(open?.clock.timeToDetect.reason).toBe("no impact start recorded");
    expect(open?.clock.timeToAcknowledge.reason).toBe("not acknowledged yet");
    expect(open?.clock.timeToResolve.reason).toBe("not resolved yet");
    expect(open?.timeline).toEqual([]);
    expect(open?.teams).toEqual([]);
    expect(open?.htmlUrl).toBeNull();
  });

  it("names merges, unacknowledged resolves and clock skew", () => {
    const base = {
      startedAt: at("2026-07-02T10:06:00Z"),
      createdAt: at("2026-07-02T10:05:00Z"),
      acknowledgedAt: at("2026-07-02T10:04:00Z"),
      resolvedAt: null,
      resolvedByMerge: false,
      status: "resolved" as const,
      detectionSource: "monitoring" as const,
    };
    expect(clockReasons(base)).toEqual({
      detect: "impact start is after creation: left out as a data error",
      acknowledge: "acknowledged before creation (clock skew): left out",
      resolve: "not resolved yet",
    });
    expect(clockReasons({ ...base, acknowledgedAt: null }).acknowledge).toBe(
      "resolved without an acknowledgement",
    );
    expect(clockReasons({ ...base, resolvedByMerge: true })).toMatchObject({
      acknowledge: "resolved by merge: left out of MTTA and MTTR",
      resolve: "resolved by merge: left out of MTTA and MTTR",
    });
  });
});
