import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma, type WebhookVerdict } from "@/prisma/generated/client/client";
import { type DeliveryToStore, storeDeliveries } from "./store-webhook-delivery";

export interface DeliveryToCommit extends DeliveryToStore {
  /**
   * The event ids of a pending delivery: when every one was applied before (a retry or a
   * replay), it is stored as a duplicate and answered 200 instead.
   */
  eventIds?: readonly string[];
}

export interface CommittedDelivery {
  id: number;
  verdict: WebhookVerdict;
  reason: string | null;
  statusCode: number;
}

export interface DeliveryGroupCommit {
  /** Resolves once the delivery's row is committed; rejects when it could not be stored. */
  store(delivery: DeliveryToCommit): Promise<CommittedDelivery>;
}

export interface GroupCommitOptions {
  /** Rows per statement; more wait for the next one. */
  maxRows?: number;
  /** Bodies per statement, in bytes (a body may be up to 1 MiB). */
  maxBytes?: number;
}

interface Waiting {
  delivery: DeliveryToCommit;
  resolve: (committed: CommittedDelivery) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the delivery log. The first delivery is written at once; those that arrive
 * while a write is in flight wait and go together in the next one: one duplicate check and one
 * multi-row INSERT (one commit, one WAL flush) for all of them. No delivery waits for a timer, so
 * a lone one is as quick as before, and under a burst the database does one write per batch
 * instead of one per request. Each request is still answered only after its own row committed.
 */
export function createDeliveryGroupCommit(
  db: PrismaClient,
  options: GroupCommitOptions = {},
): DeliveryGroupCommit {
  const maxRows = options.maxRows ?? 200;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  const queue: Waiting[] = [];
  let isWriting = false;

  const takeBatch = (): Waiting[] => {
    let bytes = 0;
    let count = 0;
    while (count < queue.length && count < maxRows) {
      bytes += queue[count]?.delivery.body?.byteLength ?? 0;
      if (count > 0 && bytes > maxBytes) break;
      count += 1;
    }
    return queue.splice(0, count);
  };

  const write = async () => {
    isWriting = true;
    try {
      for (let batch = takeBatch(); batch.length > 0; batch = takeBatch()) {
        await commitBatch(db, batch);
      }
    } finally {
      isWriting = false;
    }
  };

  return {
    store(delivery) {
      return new Promise<CommittedDelivery>((resolve, reject) => {
        queue.push({ delivery, resolve, reject });
        if (!isWriting) void write();
      });
    },
  };
}

// One group commit per database client (per server process): all requests share its batches.
const groupCommits = new WeakMap<PrismaClient, DeliveryGroupCommit>();

export function deliveryGroupCommitFor(db: PrismaClient): DeliveryGroupCommit {
  let groupCommit = groupCommits.get(db);
  if (!groupCommit) {
    groupCommit = createDeliveryGroupCommit(db);
    groupCommits.set(db, groupCommit);
  }
  return groupCommit;
}

async function commitBatch(db: PrismaClient, batch: Waiting[]): Promise<void> {
  try {
    const committed = await storeTogether(
      db,
      batch.map((waiting) => waiting.delivery),
    );
    batch.forEach((waiting, index) => {
      const row = committed[index];
      if (row) waiting.resolve(row);
      else waiting.reject(new Error("the delivery was not stored"));
    });
  } catch (error) {
    if (batch.length === 1) {
      batch[0]?.reject(error);
      return;
    }
    // One unstorable delivery must not fail the others: store each alone (when the database is
    // down, these fail as fast as the batch did).
    await Promise.all(batch.map((waiting) => commitBatch(db, [waiting])));
  }
}

/** The verdicts, then one INSERT for all the rows. */
async function storeTogether(
  db: PrismaClient,
  deliveries: readonly DeliveryToCommit[],
): Promise<CommittedDelivery[]> {
  const eventIds = [...new Set(deliveries.flatMap((delivery) => delivery.eventIds ?? []))];
  const firstDeliveryOf = new Map<string, number>();
  if (eventIds.length > 0) {
    const seen = await db.$queryRaw<{ eventId: string; deliveryId: number }[]>(Prisma.sql`
      SELECT event_id AS "eventId", delivery_id AS "deliveryId"
      FROM applied_webhook_events WHERE event_id = ANY(${eventIds}::text[])`);
    for (const row of seen) firstDeliveryOf.set(row.eventId, row.deliveryId);
  }
  const rows = deliveries.map((delivery): DeliveryToStore => {
    const ids = delivery.eventIds ?? [];
    if (ids.length === 0 || !ids.every((id) => firstDeliveryOf.has(id))) return delivery;
    const first = Math.min(...ids.map((id) => firstDeliveryOf.get(id) ?? Infinity));
    return {
      ...delivery,
      verdict: "duplicate",
      reason: `already applied from delivery ${first} (PagerDuty retried or replayed it)`,
      statusCode: 200,
    };
  });
  const ids = await storeDeliveries(db, rows);
  return rows.map((row, index) => ({
    id: ids[index] ?? 0,
    verdict: row.verdict,
    reason: row.reason,
    statusCode: row.statusCode,
  }));
}
