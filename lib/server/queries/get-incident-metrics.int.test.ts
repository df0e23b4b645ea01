import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { parseLocalDateTime } from "@/lib/shared/report-filters";
import type { IncidentScope } from "../sql/incident-scope";
import { getIncidentMetrics } from "./get-incident-metrics";

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

describe("getIncidentMetrics", () => {
  const database = useTestDatabase();
  const july = { start: at("2026-07-01T00:00:00Z"), end: at("2026-08-01T00:00:00Z") };

  beforeAll(async () => {
    const db = database.db;
    const payments = await db.team.create({ data: { name: "Payments", pagerdutyId: "PTEAM01" } });
    const platform = await db.team.create({ data: { name: "Platform", pagerdutyId: "PTEAM02" } });
    const card = await db.service.create({ data: { name: "Card API", pagerdutyId: "PSVC001" } });
    const edge = await db.service.create({ data: { name: "Edge Proxy", pagerdutyId: "PSVC002" } });
    type Spec = {
      id: string;
      created: string;
      ack?: number;
      resolve?: number;
      impactBefore?: number;
      source: "monitoring" | "customer" | "staff" | "unknown" | "test";
      merged?: boolean;
      team: number;
      service: number;
      urgency?: "high" | "low";
    };
    // MTTA 60/120/180/240 s, MTTR 600/1200/1800/2400 s, MTTD 300 and 900 s on #1–#4;
    // #5 is a paging test, #6 resolved by merge (its MTTD of 60 s counts, MTTA/MTTR do not),
    // #7 was created one second before July in UTC (but in July in Stockholm), #8 is open.
    const specs: Spec[] = [
      {
        id: "Q1",
        created: "2026-07-02T10:00:00Z",
        ack: 60,
        resolve: 600,
        impactBefore: 300,
        source: "monitoring",
        team: payments.id,
        service: card.id,
      },
      {
        id: "Q2",
        created: "2026-07-02T11:00:00Z",
        ack: 120,
        resolve: 1200,
        impactBefore: 900,
        source: "customer",
        team: payments.id,
        service: card.id,
      },
      {
        id: "Q3",
        created: "2026-07-02T12:00:00Z",
        ack: 180,
        resolve: 1800,
        source: "monitoring",
        team: payments.id,
        service: card.id,
      },
      {
        id: "Q4",
        created: "2026-07-02T13:00:00Z",
        ack: 240,
        resolve: 2400,
        source: "staff",
        team: payments.id,
        service: card.id,
      },
      {
        id: "Q5",
        created: "2026-07-08T09:00:00Z",
        ack: 5,
        resolve: 10,
        source: "test",
        team: payments.id,
        service: card.id,
      },
      {
        id: "Q6",
        created: "2026-07-03T14:00:00Z",
        resolve: 30,
        impactBefore: 60,
        source: "monitoring",
        merged: true,
        team: payments.id,
        service: card.id,
      },
      {
        id: "Q7",
        created: "2026-06-30T23:59:59Z",
        ack: 600,
        resolve: 900,
        source: "monitoring",
        team: payments.id,
        service: card.id,
      },
      {
        id: "Q8",
        created: "2026-07-04T15:00:00Z",
        source: "unknown",
        team: platform.id,
        service: edge.id,
        urgency: "low",
      },
    ];
    for (const spec of specs) {
      const createdAt = at(spec.created);
      await db.incident.create({
        data: {
          pagerdutyId: spec.id,
          title: `Incident ${spec.id}`,
          serviceId: spec.service,
          urgency: spec.urgency ?? "high",
          status: spec.resolve === undefined ? "triggered" : "resolved",
          createdAt,
          acknowledgedAt: spec.ack === undefined ? null : plus(createdAt, spec.ack),
          resolvedAt: spec.resolve === undefined ? null : plus(createdAt, spec.resolve),
          startedAt: spec.impactBefore === undefined ? null : plus(createdAt, -spec.impactBefore),
          resolvedByMerge: spec.merged ?? false,
          detectionSource: spec.source,
          teams: { create: { teamId: spec.team, incidentCreatedAt: createdAt } },
        },
      });
    }
  });

  const metrics = (scope: Partial<IncidentScope> = {}) =>
    getIncidentMetrics(database.db, { range: july, ...scope });

  it("summarises July (UTC) by hand-computed numbers", async () => {
    const result = await metrics();
    expect(result.count).toBe(6); // Q1–Q4, Q6, Q8
    expect(result.excludedTests).toBe(1);
    // MTTA over 60,120,180,240: mean 150; median (120+180)/2 = 150; p90 at position 0.9×3 = 2.7 → 180 + 0.7×60 = 222.
    expect(result.mtta).toEqual({ n: 4, meanSeconds: 150, medianSeconds: 150, p90Seconds: 222 });
    // MTTR over 600…2400: p90 = 1800 + 0.7×600 = 2220.
    expect(result.mttr).toEqual({ n: 4, meanSeconds: 1500, medianSeconds: 1500, p90Seconds: 2220 });
    // MTTD over 60 (merged Q6 still counts), 300, 900: mean 420; median 300; p90 at 1.8 → 300 + 0.8×600 = 780.
    expect(result.mttd.n).toBe(3);
    expect(result.mttd.meanSeconds).toBe(420);
    expect(result.mttd.medianSeconds).toBe(300);
    expect(result.mttd.p90Seconds).toBeCloseTo(780, 9);
    expect(result.mttdCoverage).toEqual({ withStartedAt: 3, total: 6 });
    // monitoring: Q1, Q3, Q6; customer: Q2; staff: Q4; unknown: Q8. Customer-first rate 1 of 6.
    expect(result.detection).toEqual({
      monitoring: 3,
      customer: 1,
      staff: 1,
      unknown: 1,
      test: 1,
      customerFirstRate: 1 / 6,
    });
  });

  it("reads the range in the report's zone: Stockholm's July starts at 22:00 UTC on 30 June", async () => {
    const stockholmJuly = {
      start: parseLocalDateTime("2026-07-01", "Europe/Stockholm") as Date,
      end: parseLocalDateTime("2026-08-01", "Europe/Stockholm") as Date,
    };
    const result = await getIncidentMetrics(database.db, { range: stockholmJuly });
    expect(result.count).toBe(7); // Q7 (23:59:59 UTC on 30 June) is 01:59:59 on 1 July in Stockholm
    expect(result.mtta.n).toBe(5);
  });

  it("filters by team name or PagerDuty id, by service and by urgency", async () => {
    expect((await metrics({ team: "platform" })).count).toBe(1);
    expect((await metrics({ team: "PTEAM01" })).count).toBe(5);
    expect((await metrics({ service: "Card API" })).excludedTests).toBe(1);
    expect((await metrics({ urgency: "low" })).count).toBe(1);
  });

  it("answers nulls, not zeros, for durations with no incidents", async () => {
    const result = await metrics({ team: "Platform" });
    expect(result.mtta).toEqual({ n: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null });
    expect((await metrics({ team: "Nobody" })).detection.customerFirstRate).toBeNull();
  });
});
