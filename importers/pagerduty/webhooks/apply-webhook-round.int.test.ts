import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useTestDatabase } from "@/lib/server/testing/test-database";
import { FIXTURES_DIRECTORY } from "../map/testing/read-fixture";
import { drainPendingDeliveries } from "./apply-pending-deliveries";
import { applyWebhookDelivery, mapDeliveryBody } from "./apply-webhook-delivery";
import { NO_SUMMARY } from "./map-webhook-event";
import { storeDeliveries } from "./store-webhook-delivery";

const ZULIP = path.join(FIXTURES_DIRECTORY, "webhooks-v3/zulip");
// 21 captures of several incidents: triggered, acknowledged, reassigned, priority changes, notes,
// reopened, resolved, … plus events Fairshift ignores.
const bodies = readdirSync(ZULIP)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => readFileSync(path.join(ZULIP, name)));

// A deterministic shuffle with repeats: PagerDuty delivers at least once, in any order.
function deliveryOrder(seed: number): Buffer[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const order: Buffer[] = [...bodies];
  for (let index = order.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [order[index], order[other]] = [order[other] as Buffer, order[index] as Buffer];
  }
  for (let repeat = 0; repeat < 4; repeat += 1) {
    order.splice(Math.floor(next() * order.length), 0, order[Math.floor(next() * 5)] as Buffer);
  }
  return order;
}

const noHeaders = { get: () => null };

describe("applying a round of deliveries together", () => {
  const database = useTestDatabase();

  beforeEach(async () => {
    await database.db
      .$executeRaw`TRUNCATE incidents, incident_log_entries, webhook_deliveries, applied_webhook_events, services, people, escalation_policies, teams RESTART IDENTITY CASCADE`;
  });

  async function store(order: Buffer[]): Promise<number[]> {
    return storeDeliveries(
      database.db,
      order.map((body) => {
        const mapped = mapDeliveryBody(body, null);
        return {
          headers: noHeaders,
          body,
          byteSize: body.byteLength,
          summary: mapped.ok ? mapped.summary : NO_SUMMARY,
          verdict: "pending",
          reason: null,
          statusCode: 202,
          subscription: null,
        };
      }),
    );
  }

  /** What a person sees: each incident, its timeline, and each delivery's verdict and changes. */
  async function outcome() {
    const [incidents, entries, deliveries, ledger] = await Promise.all([
      database.db.$queryRaw`
        SELECT i.pagerduty_id, i.number, i.title, i.status::text, i.status_changed_at,
          i.acknowledged_at, i.resolved_at, i.created_at, i.priority, i.urgency::text,
          s.name AS service, i.is_placeholder
        FROM incidents i LEFT JOIN services s ON s.id = i.service_id ORDER BY i.pagerduty_id`,
      database.db.$queryRaw`
        SELECT e.pagerduty_id, e.type, e.at, e.summary, i.pagerduty_id AS incident
        FROM incident_log_entries e JOIN incidents i ON i.id = e.incident_id
        ORDER BY e.pagerduty_id`,
      database.db.$queryRaw`
        SELECT id, verdict::text, verdict_reason, changes FROM webhook_deliveries ORDER BY id`,
      database.db.$queryRaw`
        SELECT event_id, delivery_id FROM applied_webhook_events ORDER BY event_id`,
    ]);
    return { incidents, entries, deliveries, ledger };
  }

  it.each([1, 2, 3])("ends exactly as one delivery at a time would (order %i)", async (seed) => {
    const order = deliveryOrder(seed);
    // The reference: each delivery in its own transaction, in arrival order.
    const ids = await store(order);
    for (const [index, id] of ids.entries()) {
      const outcome = await applyWebhookDelivery(database.db, id, order[index] as Buffer, null);
      await database.db.webhookDelivery.update({
        where: { id },
        data: {
          verdict: outcome.verdict,
          verdictReason: outcome.reason,
          changes:
            outcome.changes.length > 0 ? JSON.parse(JSON.stringify(outcome.changes)) : undefined,
        },
      });
    }
    const oneByOne = await outcome();

    await database.db
      .$executeRaw`TRUNCATE incidents, incident_log_entries, webhook_deliveries, applied_webhook_events, services, people, escalation_policies, teams RESTART IDENTITY CASCADE`;
    await store(order);
    // A failed round falls back to one delivery at a time, which would hide a broken round.
    const warn = vi.spyOn(console, "warn");
    const drained = await drainPendingDeliveries(database.db);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    // All 25 in one round: the 14 distinct incident events applied; the 4 repeats and the 7
    // events Fairshift ignores are duplicates or ignored.
    expect(drained).toMatchObject({ claimed: 25, applied: 14, failed: 0, retrying: 0 });
    expect(drained.duplicate + drained.ignored).toBe(11);
    const together = await outcome();

    expect(together.incidents).toEqual(oneByOne.incidents);
    expect(together.entries).toEqual(oneByOne.entries);
    expect(together.ledger).toEqual(oneByOne.ledger);
    expect(together.deliveries).toEqual(oneByOne.deliveries);
  });

  it("applies an event delivered twice in one round once, and the later copy is its duplicate", async () => {
    const triggered = readFileSync(path.join(ZULIP, "triggered_v3.json"));
    await store([triggered, triggered]);
    expect(await drainPendingDeliveries(database.db)).toMatchObject({
      claimed: 2,
      applied: 1,
      duplicate: 1,
    });
    const deliveries = await database.db.webhookDelivery.findMany({ orderBy: { id: "asc" } });
    expect(deliveries.map((delivery) => [delivery.verdict, delivery.verdictReason])).toEqual([
      ["applied", null],
      ["duplicate", "already applied from delivery 1"],
    ]);
    expect(await database.db.appliedWebhookEvent.count()).toBe(1);
    expect(await database.db.incidentLogEntry.count()).toBe(1);
  });
});
