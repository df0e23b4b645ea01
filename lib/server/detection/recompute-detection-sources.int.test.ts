import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DETECTION_RULES } from "@/lib/metrics/detection-source";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { seedDatabase } from "@/prisma/seed/seed-database";
import { detectionInputFor, recomputeDetectionSources } from "./recompute-detection-sources";

const EVENTS_API = {
  triggerChannel: "events_api",
  triggerAgentType: "generic_events_api_inbound_integration_reference",
};
const WEB = { triggerChannel: "web_trigger", triggerAgentType: "user_reference" };

describe("recomputeDetectionSources", () => {
  const database = useTestDatabase();
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const db = database.db;
    const support = await db.service.create({ data: { name: "Customer Support" } });
    const checkout = await db.service.create({ data: { name: "Checkout API" } });
    const incidents = [
      {
        key: "latency",
        title: "Checkout latency above 2 s",
        serviceId: checkout.id,
        ...EVENTS_API,
      },
      { key: "cannotPay", title: "Cannot pay with card", serviceId: support.id, ...WEB },
      { key: "pagingTest", title: "Weekly paging test", serviceId: checkout.id, ...EVENTS_API },
      {
        key: "overridden",
        title: "Canary deploy failed",
        serviceId: checkout.id,
        ...WEB,
        detectionOverride: "staff" as const,
      },
      { key: "canary", title: "Canary checks failing", serviceId: checkout.id, ...EVENTS_API },
    ];
    for (const [index, { key, ...incident }] of incidents.entries()) {
      const created = await db.incident.create({
        data: {
          ...incident,
          pagerdutyId: `PINC${index}`,
          status: "resolved",
          createdAt: new Date("2026-07-02T10:00:00Z"),
        },
      });
      ids[key] = created.id;
    }
  });

  const labels = async () => {
    const rows = await database.db.incident.findMany({
      orderBy: { id: "asc" },
      select: { id: true, detectionSource: true, detectionRule: true, updatedAt: true },
    });
    return new Map(rows.map((row) => [row.id, row]));
  };
  const labelOf = (rows: Awaited<ReturnType<typeof labels>>, key: string) => {
    const row = rows.get(ids[key] ?? -1);
    return row && `${row.detectionSource}: ${row.detectionRule}`;
  };

  it("labels every incident with the default rules, and writes nothing the second time", async () => {
    // Inserted rows start as unknown / "no rule matched", so all five change.
    expect(await recomputeDetectionSources(database.db, DEFAULT_DETECTION_RULES)).toEqual({
      examined: 5,
      changed: 5,
    });
    const rows = await labels();
    expect(labelOf(rows, "latency")).toBe("monitoring: triggered by an integration (Events API)");
    expect(labelOf(rows, "cannotPay")).toBe(
      "customer: service 'Customer Support' is a customer-intake service (name matches /customer|support/i)",
    );
    expect(labelOf(rows, "pagingTest")).toBe(
      "test: title matches the test pattern /paging test|test page/i",
    );
    expect(labelOf(rows, "overridden")).toBe("staff: manual override");
    expect(labelOf(rows, "canary")).toBe("monitoring: triggered by an integration (Events API)");

    expect(await recomputeDetectionSources(database.db, DEFAULT_DETECTION_RULES)).toEqual({
      examined: 5,
      changed: 0,
    });
  });

  it("re-labels exactly the incidents a new test pattern affects, and keeps the override", async () => {
    const before = await labels();
    const canaryRules = { ...DEFAULT_DETECTION_RULES, testPattern: "canary" };
    expect(await recomputeDetectionSources(database.db, canaryRules)).toEqual({
      examined: 5,
      changed: 2,
    });
    const after = await labels();
    // The weekly paging test no longer matches; "Canary checks failing" now does.
    expect(labelOf(after, "pagingTest")).toBe(
      "monitoring: triggered by an integration (Events API)",
    );
    expect(labelOf(after, "canary")).toBe("test: title matches the test pattern /canary/i");
    // "Canary deploy failed" matches too, but a person said staff.
    expect(labelOf(after, "overridden")).toBe("staff: manual override");
    const touched = [...after.values()]
      .filter((row) => row.updatedAt.getTime() !== before.get(row.id)?.updatedAt.getTime())
      .map((row) => row.id)
      .sort((left, right) => left - right);
    expect(touched).toEqual([ids.pagingTest, ids.canary]);
  });

  it("limits the work to the given incidents", async () => {
    const only = [ids.pagingTest ?? -1, ids.latency ?? -1];
    expect(
      await recomputeDetectionSources(database.db, DEFAULT_DETECTION_RULES, { incidentIds: only }),
    ).toEqual({ examined: 2, changed: 1 });
    const rows = await labels();
    expect(labelOf(rows, "pagingTest")).toBe(
      "test: title matches the test pattern /paging test|test page/i",
    );
    // Not in the list, so still labelled with the canary rules.
    expect(labelOf(rows, "canary")).toBe("test: title matches the test pattern /canary/i");
    expect(
      await recomputeDetectionSources(database.db, DEFAULT_DETECTION_RULES, { incidentIds: [] }),
    ).toEqual({ examined: 0, changed: 0 });
  });

  it("walks past a batch of 5,000 and labels the incidents beyond it", async () => {
    await database.db.$executeRaw`
      INSERT INTO incidents (pagerduty_id, title, status, created_at, updated_at, trigger_channel)
      SELECT 'PBULK' || n, 'Disk almost full on db-' || n, 'resolved', now(), now(), 'events_api'
      FROM generate_series(1, 5000) AS n`;
    // 5 + 5,000 incidents; the 5,000 new ones start as unknown, and "Canary checks failing",
    // left at test by the canary rules, goes back to monitoring.
    expect(await recomputeDetectionSources(database.db, DEFAULT_DETECTION_RULES)).toEqual({
      examined: 5_005,
      changed: 5_001,
    });
    const last = await database.db.incident.findUniqueOrThrow({
      where: { pagerdutyId: "PBULK5000" },
      select: { id: true, detectionSource: true, detectionRule: true },
    });
    expect(last.id).toBeGreaterThan(5_000);
    expect(last.detectionRule).toBe("triggered by an integration (Events API)");
    expect(await database.db.incident.count({ where: { detectionSource: "unknown" } })).toBe(0);
  });
});

describe("detectionInputFor", () => {
  it("maps the Prisma field names, and an incident without a service to null service fields", () => {
    const incident = {
      title: "Checkout down",
      triggerChannel: "email",
      triggerAgentType: "email_inbound_integration_reference",
      triggerEmailFrom: "help@support.example.com",
      reportedDetectionSource: null,
      detectionOverride: "customer" as const,
    };
    expect(detectionInputFor(incident, null)).toEqual({
      title: "Checkout down",
      serviceName: null,
      serviceIsCustomerIntake: null,
      serviceIsPagingTest: null,
      reportedDetectionSource: null,
      override: "customer",
      triggerChannel: "email",
      triggerAgentType: "email_inbound_integration_reference",
      triggerEmailFrom: "help@support.example.com",
    });
    expect(
      detectionInputFor(incident, {
        name: "Checkout",
        isCustomerIntake: false,
        isPagingTest: null,
      }),
    ).toMatchObject({ serviceName: "Checkout", serviceIsCustomerIntake: false });
  });
});

describe("the demo seed", () => {
  const database = useTestDatabase();

  it("labels incidents exactly as a recompute with the default rules does", async () => {
    const summary = await seedDatabase({
      databaseUrl: database.url,
      scale: "demo",
      seed: 3,
      until: new Date("2026-10-01T00:00:00Z"),
    });
    expect(summary.incidents).toBeGreaterThan(4_000);
    expect(await recomputeDetectionSources(database.db, DEFAULT_DETECTION_RULES)).toEqual({
      examined: summary.incidents,
      changed: 0,
    });
    const agents = await database.db.$queryRaw<{ channel: string; agent: string; n: number }[]>`
      SELECT trigger_channel AS channel, trigger_agent_type AS agent, count(*)::int AS n
      FROM incidents GROUP BY 1, 2 ORDER BY 1, 2`;
    expect(agents.map(({ channel, agent }) => `${channel} → ${agent}`)).toEqual([
      "email → email_inbound_integration_reference",
      "events_api → generic_events_api_inbound_integration_reference",
      "web → user_reference",
    ]);
  });
});
