import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { incidentListQuerySchema } from "@/lib/shared/incident-requests";
import { getIncidentMetrics } from "./get-incident-metrics";
import { listIncidents } from "./list-incidents";

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

// July 2026: 61 "Disk full" incidents (#101–#161, one a minute from 10 July 00:00 UTC) on Card
// API (Payments), plus four hand-made ones and one created 30 minutes before July in UTC.
describe("listIncidents", () => {
  const database = useTestDatabase();

  beforeAll(async () => {
    const db = database.db;
    const payments = await db.team.create({ data: { name: "Payments", pagerdutyId: "PTEAM01" } });
    const platform = await db.team.create({ data: { name: "Platform", pagerdutyId: "PTEAM02" } });
    const card = await db.service.create({ data: { name: "Card API", pagerdutyId: "PSVC001" } });
    const edge = await db.service.create({ data: { name: "Edge Proxy", pagerdutyId: "PSVC002" } });
    const alice = await db.person.create({ data: { name: "Alice Ash", email: "alice@x.test" } });

    const bulkStart = at("2026-07-10T00:00:00Z");
    for (let index = 0; index < 61; index += 1) {
      const createdAt = plus(bulkStart, index * 60);
      await db.incident.create({
        data: {
          pagerdutyId: `QBULK${index}`,
          number: 101 + index,
          title: `Disk full on node ${index}`,
          serviceId: card.id,
          status: "resolved",
          createdAt,
          acknowledgedAt: plus(createdAt, 120),
          resolvedAt: plus(createdAt, 3600),
          detectionSource: "monitoring",
          teams: { create: { teamId: payments.id, incidentCreatedAt: createdAt } },
        },
      });
    }
    const specials = [
      // #1: open, low urgency, customer-reported; its title holds LIKE's wildcard characters.
      {
        pagerdutyId: "QCUST1",
        number: 1,
        title: "Checkout latency 50% above normal_p95",
        serviceId: edge.id,
        team: platform.id,
        urgency: "low" as const,
        status: "triggered" as const,
        createdAt: at("2026-07-20T08:00:00Z"),
        detectionSource: "customer" as const,
      },
      // #2: a paging test, acknowledged after 5 s: it counts for no duration.
      {
        pagerdutyId: "QTEST2",
        number: 2,
        title: "Weekly paging test",
        serviceId: card.id,
        team: payments.id,
        status: "resolved" as const,
        createdAt: at("2026-07-08T09:00:00Z"),
        acknowledgedAt: at("2026-07-08T09:00:05Z"),
        resolvedAt: at("2026-07-08T09:00:10Z"),
        detectionSource: "test" as const,
      },
      // #3: 23:30 UTC on 30 June, which is 1 July in Stockholm.
      {
        pagerdutyId: "QEDGE3",
        number: 3,
        title: "TLS handshake errors",
        serviceId: edge.id,
        team: platform.id,
        status: "resolved" as const,
        createdAt: at("2026-06-30T23:30:00Z"),
        acknowledgedAt: at("2026-06-30T23:40:00Z"),
        resolvedAt: at("2026-07-01T00:30:00Z"),
        detectionSource: "monitoring" as const,
      },
      // #4: acknowledged after 90 s, raised by staff; found by its PagerDuty id in any case.
      {
        pagerdutyId: "PABC123",
        number: 4,
        title: "Queue backlog",
        serviceId: card.id,
        team: payments.id,
        status: "acknowledged" as const,
        createdAt: at("2026-07-25T12:00:00Z"),
        acknowledgedAt: at("2026-07-25T12:01:30Z"),
        detectionSource: "staff" as const,
      },
    ];
    for (const { team, ...incident } of specials) {
      await db.incident.create({
        data: {
          ...incident,
          teams: { create: { teamId: team, incidentCreatedAt: incident.createdAt } },
        },
      });
    }
    const queue = await db.incident.findUniqueOrThrow({ where: { pagerdutyId: "PABC123" } });
    for (const [channel, seconds] of [
      ["push", 0],
      ["sms", 60],
      ["phone", 120],
    ] as const) {
      await db.page.create({
        data: {
          personId: alice.id,
          incidentId: queue.id,
          channel,
          at: plus(queue.createdAt, seconds),
        },
      });
    }
  });

  const query = (params: Record<string, string> = {}) =>
    incidentListQuerySchema.parse({ from: "2026-07-01", to: "2026-08-01", tz: "UTC", ...params });
  const list = (params: Record<string, string> = {}) => listIncidents(database.db, query(params));
  const numbers = async (params: Record<string, string>) =>
    (await list(params)).incidents.map((incident) => incident.number);

  it("pages July's 64 incidents 50 at a time, newest first", async () => {
    const first = await list();
    expect(first.total).toBe(64); // 61 bulk + #1, #2, #4
    expect(first.pageSize).toBe(50);
    expect(first.incidents).toHaveLength(50);
    expect(first.incidents.slice(0, 3).map((incident) => incident.number)).toEqual([4, 1, 161]);
    const createdAt = first.incidents.map((incident) => incident.createdAt);
    expect(createdAt).toEqual([...createdAt].sort().reverse());
    expect(first.range).toEqual({
      from: "2026-07-01T00:00:00Z",
      to: "2026-08-01T00:00:00Z",
      timeZone: "UTC",
    });

    const second = await list({ page: "2" });
    expect(second.total).toBe(64);
    // 61 bulk rows: the first page held #161 down to #114, so #113 … #101, then #2.
    expect(second.incidents.map((incident) => incident.number)).toEqual([
      ...Array.from({ length: 13 }, (_, index) => 113 - index),
      2,
    ]);
    const past = await list({ page: "3" });
    expect(past.incidents).toEqual([]);
    expect(past.total).toBe(64);
  });

  it("counts exactly what the incident metrics count for the same scope (count + tests)", async () => {
    for (const params of <Record<string, string>[]>[
      {},
      { team: "Payments" },
      { team: "PTEAM02" },
      { service: "edge proxy" },
      { urgency: "low" },
      { tz: "Europe/Stockholm" },
      { tz: "Europe/Stockholm", team: "Platform" },
    ]) {
      const scoped = query(params);
      const metrics = await getIncidentMetrics(database.db, scoped);
      const { total } = await listIncidents(database.db, scoped);
      expect(total, JSON.stringify(params)).toBe(metrics.count + metrics.excludedTests);
    }
    // By hand: Stockholm's July adds #3; Platform has #1 (and #3 in Stockholm).
    expect((await list({ tz: "Europe/Stockholm" })).total).toBe(65);
    expect((await list({ team: "platform" })).total).toBe(1);
    expect((await list({ tz: "Europe/Stockholm", team: "Platform" })).total).toBe(2);
  });

  it("filters by status and detection source", async () => {
    expect(await numbers({ status: "triggered" })).toEqual([1]);
    expect(await numbers({ status: "acknowledged" })).toEqual([4]);
    expect((await list({ status: "resolved" })).total).toBe(62);
    expect(await numbers({ source: "test" })).toEqual([2]);
    expect(await numbers({ source: "customer" })).toEqual([1]);
    expect(await numbers({ source: "monitoring", status: "triggered" })).toEqual([]);
  });

  it("searches titles as typed, #numbers and PagerDuty ids", async () => {
    // % and _ are plain characters in a search, not wildcards.
    expect(await numbers({ q: "50%" })).toEqual([1]);
    expect(await numbers({ q: "normal_p95" })).toEqual([1]);
    expect(await numbers({ q: "l_p" })).toEqual([1]);
    expect((await list({ q: "DISK FULL" })).total).toBe(61);
    expect(await numbers({ q: "#2" })).toEqual([2]);
    expect(await numbers({ q: "pabc123" })).toEqual([4]);
    // "#3" is outside the UTC range: the search keeps to the filters.
    expect(await numbers({ q: "#3" })).toEqual([]);
    expect(await numbers({ q: "#3", tz: "Europe/Stockholm" })).toEqual([3]);
    // "node 6" is in titles 6 and 60; 107 is the number of "node 6".
    expect(await numbers({ q: "node 6" })).toEqual([161, 107]);
    expect(await numbers({ q: "107" })).toEqual([107]);
  });

  it("gives each row its service, durations as MTTA/MTTR count them and its pages", async () => {
    const [queue] = (await list({ q: "PABC123" })).incidents;
    expect(queue).toEqual({
      id: expect.any(Number),
      pagerdutyId: "PABC123",
      number: 4,
      title: "Queue backlog",
      serviceName: "Card API",
      urgency: "high",
      status: "acknowledged",
      detectionSource: "staff",
      createdAt: "2026-07-25T12:00:00.000Z",
      timeToAcknowledgeSeconds: 90,
      timeToResolveSeconds: null,
      pages: 3,
    });
    const [test] = (await list({ source: "test" })).incidents;
    // Acknowledged in 5 s, but a paging test counts for no duration.
    expect(test?.timeToAcknowledgeSeconds).toBeNull();
    expect(test?.timeToResolveSeconds).toBeNull();
    const [disk] = (await list({ q: "node 0" })).incidents;
    expect(disk?.timeToAcknowledgeSeconds).toBe(120);
    expect(disk?.timeToResolveSeconds).toBe(3600);
    expect(disk?.pages).toBe(0);
  });
});
