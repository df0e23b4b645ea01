import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { getIncidentMetrics } from "./get-incident-metrics";
import { listIncidentBreakdown } from "./list-incident-breakdown";

const at = (iso: string) => new Date(iso);
const plus = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

describe("listIncidentBreakdown", () => {
  const database = useTestDatabase();
  const july = { start: at("2026-07-01T00:00:00Z"), end: at("2026-08-01T00:00:00Z") };

  beforeAll(async () => {
    const db = database.db;
    const payments = await db.team.create({ data: { name: "Payments" } });
    const platform = await db.team.create({ data: { name: "Platform" } });
    const card = await db.service.create({ data: { name: "Card API" } });
    const edge = await db.service.create({ data: { name: "Edge Proxy" } });
    // Payments: P1 (ack 60 s), P2 (ack 120 s, customer), P3 a paging test. Platform: E1 (ack 300 s),
    // also shared with Payments. E2 has no team and no service. X1 is in August.
    const specs = [
      { id: "P1", ack: 60, source: "monitoring", teams: [payments.id], service: card.id },
      { id: "P2", ack: 120, source: "customer", teams: [payments.id], service: card.id },
      { id: "P3", ack: 5, source: "test", teams: [payments.id], service: card.id },
      {
        id: "E1",
        ack: 300,
        source: "monitoring",
        teams: [platform.id, payments.id],
        service: edge.id,
      },
      { id: "E2", ack: null, source: "unknown", teams: [], service: null },
      {
        id: "X1",
        ack: 10,
        source: "monitoring",
        teams: [payments.id],
        service: card.id,
        august: true,
      },
    ] as const;
    for (const spec of specs) {
      const createdAt = at("august" in spec ? "2026-08-02T10:00:00Z" : "2026-07-02T10:00:00Z");
      await db.incident.create({
        data: {
          pagerdutyId: spec.id,
          title: `Incident ${spec.id}`,
          serviceId: spec.service,
          status: spec.ack === null ? "triggered" : "acknowledged",
          createdAt,
          acknowledgedAt: spec.ack === null ? null : plus(createdAt, spec.ack),
          detectionSource: spec.source,
          teams: { create: spec.teams.map((teamId) => ({ teamId, incidentCreatedAt: createdAt })) },
        },
      });
    }
  });

  it("groups by team, an incident of two teams counting for each, busiest first", async () => {
    const rows = await listIncidentBreakdown(database.db, { range: july }, "team");
    expect(rows.map((row) => [row.name, row.count, row.excludedTests])).toEqual([
      ["Payments", 3, 1], // P1, P2, E1 (+ the test P3)
      ["Platform", 1, 0],
      [null, 1, 0], // E2
    ]);
    const payments = rows[0];
    // MTTA over 60, 120, 300 s: median 120, mean 160; customer-first 1 of 3.
    expect(payments?.mtta.medianSeconds).toBe(120);
    expect(payments?.mtta.meanSeconds).toBe(160);
    expect(payments?.customerFirstRate).toBeCloseTo(1 / 3, 9);
    expect(rows[2]?.mtta).toEqual({
      n: 0,
      meanSeconds: null,
      medianSeconds: null,
      p90Seconds: null,
    });
  });

  it("groups by service and agrees with the overall metrics for one service", async () => {
    const rows = await listIncidentBreakdown(database.db, { range: july }, "service");
    expect(rows.map((row) => [row.name, row.count])).toEqual([
      ["Card API", 2],
      ["Edge Proxy", 1],
      [null, 1],
    ]);
    const card = await getIncidentMetrics(database.db, { range: july, service: "Card API" });
    expect(rows[0]?.mtta).toEqual(card.mtta);
    expect(rows[0]?.count).toBe(card.count);
  });

  it("applies the other filters: a team's breakdown by service", async () => {
    const rows = await listIncidentBreakdown(
      database.db,
      { range: july, team: "Platform" },
      "service",
    );
    expect(rows.map((row) => [row.name, row.count])).toEqual([["Edge Proxy", 1]]);
  });
});
