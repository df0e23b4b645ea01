import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { deriveIncidentFacts } from "../load/derive-incident-facts";
import { applyWebhookDelivery, type DeliveryOutcome } from "./apply-webhook-delivery";

export interface ApplyPendingOptions {
  /** Deliveries claimed per round; their incidents are derived together. */
  limit?: number;
  /** How long a claim holds; an applier that died releases its deliveries when it runs out. */
  leaseMs?: number;
  /** A delivery whose apply failed this often is marked failed instead of retried. */
  maxAttempts?: number;
  /** Deliveries applied at once (each in its own transaction). */
  parallelism?: number;
}

export interface ApplyPendingResult {
  claimed: number;
  applied: number;
  duplicate: number;
  ignored: number;
  rejected: number;
  failed: number;
  /** Deliveries left pending to retry after an error. */
  retrying: number;
}

interface ClaimedDelivery {
  id: number;
  /** base64: the driver adapter cannot return bytea from a raw query. */
  body: string;
  webhookId: string | null;
  attempts: number;
}

const RETRY_BACKOFF_MS = 5_000;

/**
 * Claims pending deliveries (oldest first; `SKIP LOCKED` and a lease let several appliers, in one
 * process or several, share the queue), applies them, derives their incidents' facts once, and
 * only then writes each verdict: a crash anywhere before leaves the delivery pending, and the
 * next start applies it again. Returns what the round did; `claimed` 0 means the queue is empty.
 */
export async function applyPendingDeliveries(
  db: PrismaClient,
  options: ApplyPendingOptions = {},
): Promise<ApplyPendingResult> {
  const limit = options.limit ?? 50;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 5;
  const claimed = await db.$queryRaw<ClaimedDelivery[]>(Prisma.sql`
    UPDATE webhook_deliveries AS d
    SET claimed_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = d.attempts + 1
    WHERE d.id IN (
      SELECT id FROM webhook_deliveries
      WHERE verdict = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING d.id, encode(d.body, 'base64') AS body, d.webhook_id AS "webhookId", d.attempts`);
  const result: ApplyPendingResult = {
    claimed: claimed.length,
    applied: 0,
    duplicate: 0,
    ignored: 0,
    rejected: 0,
    failed: 0,
    retrying: 0,
  };
  if (claimed.length === 0) return result;

  const outcomes = new Map<number, DeliveryOutcome>();
  const errors = new Map<number, string>();
  // A few applies at a time: each waits on PostgreSQL most of its time. Events of one incident
  // still take turns (the advisory lock in applyWebhookEvent).
  const queue = [...claimed].sort((a, b) => a.id - b.id);
  const worker = async () => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
      try {
        outcomes.set(
          delivery.id,
          await applyWebhookDelivery(
            db,
            delivery.id,
            Buffer.from(delivery.body, "base64"),
            delivery.webhookId,
          ),
        );
      } catch (error) {
        errors.set(delivery.id, error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.parallelism ?? 4 }, worker));
  const incidentIds = [...outcomes.values()].flatMap((outcome) => outcome.incidentIds);
  try {
    if (incidentIds.length > 0) {
      await deriveIncidentFacts(db, incidentIds, { retryUnresolvedNotifications: false });
    }
  } catch (error) {
    // Nothing is marked: every claimed delivery is applied again (idempotently) and derived.
    const message = error instanceof Error ? error.message : String(error);
    for (const delivery of claimed) errors.set(delivery.id, `deriving incident facts: ${message}`);
    outcomes.clear();
  }

  for (const delivery of claimed.sort((a, b) => a.id - b.id)) {
    const outcome = outcomes.get(delivery.id);
    if (outcome) {
      result[outcome.verdict] += 1;
      await db.$executeRaw(Prisma.sql`
        UPDATE webhook_deliveries SET verdict = ${outcome.verdict}::webhook_verdict,
          verdict_reason = ${outcome.reason}, applied_at = now(), claimed_until = NULL,
          changes = ${outcome.changes.length > 0 ? JSON.stringify(outcome.changes) : null}::jsonb
        WHERE id = ${delivery.id}`);
      continue;
    }
    const message = errors.get(delivery.id) ?? "unknown error";
    console.error(
      `webhook delivery ${delivery.id}: apply attempt ${delivery.attempts} failed: ${message}`,
    );
    if (delivery.attempts >= maxAttempts) {
      result.failed += 1;
      await db.$executeRaw(Prisma.sql`
        UPDATE webhook_deliveries SET verdict = 'failed', claimed_until = NULL,
          verdict_reason = ${`apply failed ${delivery.attempts} times; last error: ${message}`}
        WHERE id = ${delivery.id}`);
    } else {
      result.retrying += 1;
      await db.$executeRaw(Prisma.sql`
        UPDATE webhook_deliveries
        SET claimed_until = now() + make_interval(secs => ${(RETRY_BACKOFF_MS * delivery.attempts) / 1000}),
          verdict_reason = ${`attempt ${delivery.attempts} failed (${message}); retrying`}
        WHERE id = ${delivery.id}`);
    }
  }
  return result;
}

/** Applies until the queue is empty or only deliveries waiting to retry are left. */
export async function drainPendingDeliveries(
  db: PrismaClient,
  options: ApplyPendingOptions = {},
): Promise<ApplyPendingResult> {
  const total: ApplyPendingResult = {
    claimed: 0,
    applied: 0,
    duplicate: 0,
    ignored: 0,
    rejected: 0,
    failed: 0,
    retrying: 0,
  };
  for (;;) {
    const round = await applyPendingDeliveries(db, options);
    for (const key of Object.keys(total) as (keyof ApplyPendingResult)[]) total[key] += round[key];
    if (round.claimed === 0 || round.claimed === round.retrying) return total;
  }
}
