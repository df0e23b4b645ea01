import { beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { createDeliveryGroupCommit, type DeliveryToCommit } from "./group-commit-deliveries";

// Counts the INSERT statements and their rows.
const inserts = vi.hoisted(() => [] as number[]);
vi.mock("./store-webhook-delivery", async (importOriginal) => {
  const original = await importOriginal<typeof import("./store-webhook-delivery")>();
  return {
    ...original,
    storeDeliveries: (...args: Parameters<typeof original.storeDeliveries>) => {
      inserts.push(args[1].length);
      return original.storeDeliveries(...args);
    },
  };
});

const headers = (webhookId: string) => ({
  get: (name: string) => (name === "x-webhook-id" ? webhookId : null),
});

function delivery(number: number, eventType = "incident.triggered"): DeliveryToCommit {
  const body = Buffer.from(`{"event":{"id":"E${number}"}}`);
  return {
    headers: headers(`W${number}`),
    body,
    byteSize: body.byteLength,
    summary: {
      eventId: `E${number}`,
      eventType,
      occurredAt: new Date("2026-11-01T00:00:00Z"),
      incidentPagerdutyId: "PINCIDENT",
    },
    verdict: "pending",
    reason: null,
    statusCode: 202,
    subscription: null,
    eventIds: [`E${number}`],
  };
}

describe("group commit of webhook deliveries", () => {
  const database = useTestDatabase();

  beforeEach(async () => {
    inserts.length = 0;
    await database.db
      .$executeRaw`TRUNCATE webhook_deliveries, applied_webhook_events RESTART IDENTITY CASCADE`;
  });

  it("stores 20 deliveries arriving together in 2 INSERTs, each answered once its row committed", async () => {
    const groupCommit = createDeliveryGroupCommit(database.db);
    const visibleWhenAnswered: boolean[] = [];
    const committed = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        groupCommit.store(delivery(index + 1)).then(async (stored) => {
          // Another connection (the client's pool) already sees the row: it is committed.
          const row = await database.db.webhookDelivery.findUnique({ where: { id: stored.id } });
          visibleWhenAnswered.push(row?.webhookId === `W${index + 1}`);
          return stored;
        }),
      ),
    );
    // The first goes alone; the 19 that arrived while it was written share the next statement.
    expect(inserts).toEqual([1, 19]);
    expect(visibleWhenAnswered).toEqual(Array(20).fill(true));
    expect(committed.map((stored) => stored.id)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    expect(await database.db.webhookDelivery.count()).toBe(20);
  });

  it("refuses only the delivery that cannot be stored, not the others of its batch", async () => {
    const groupCommit = createDeliveryGroupCommit(database.db);
    // PostgreSQL text cannot hold a NUL character: this row fails its INSERT.
    const results = await Promise.allSettled([
      groupCommit.store(delivery(1)),
      groupCommit.store(delivery(2)),
      groupCommit.store(delivery(3, "incident.\u0000triggered")),
      groupCommit.store(delivery(4)),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
    ]);
    // 1 alone, 3 together (failed), then each of those 3 alone.
    expect(inserts).toEqual([1, 3, 1, 1, 1]);
    const stored = await database.db.webhookDelivery.findMany({ orderBy: { webhookId: "asc" } });
    expect(stored.map((row) => row.webhookId)).toEqual(["W1", "W2", "W4"]);
  });

  it("stores a delivery whose events were all applied before as a duplicate answered 200", async () => {
    const groupCommit = createDeliveryGroupCommit(database.db);
    const first = await groupCommit.store(delivery(1));
    await database.db.$executeRaw`
      INSERT INTO applied_webhook_events (event_id, delivery_id, event_type, incident_pagerduty_id)
      VALUES ('E1', ${first.id}, 'incident.triggered', 'PINCIDENT')`;
    const [retried, other] = await Promise.all([
      groupCommit.store(delivery(1)),
      groupCommit.store(delivery(2)),
    ]);
    expect(retried).toEqual({
      id: 2,
      verdict: "duplicate",
      reason: "already applied from delivery 1 (PagerDuty retried or replayed it)",
      statusCode: 200,
    });
    expect(other).toEqual({ id: 3, verdict: "pending", reason: null, statusCode: 202 });
  });
});
