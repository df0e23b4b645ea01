import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import { deriveIncidentFacts } from "../load/derive-incident-facts";
import {
  applicableEvents,
  applyWebhookDelivery,
  type DeliveryOutcome,
  mapDeliveryBody,
  outcomeOf,
  TRANSACTION_TIMEOUT_MS,
} from "./apply-webhook-delivery";
import { applyWebhookRound } from "./apply-webhook-round";

export interface ApplyPendingOptions {
  /** Deliveries claimed per round; their incidents are derived together. */
  limit?: number;
  /** How long a claim holds; an applier that died releases its deliveries when it runs out. */
  leaseMs?: number;
  /** A delivery whose apply failed this often is marked failed instead of retried. */
  maxAttempts?: number;
  /** Deliveries applied at once when a round falls back to one transaction each. */
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

// Deliveries this process claimed but could not hand back (the database went away mid-round):
// released at the next round instead of waiting out their lease.
const stranded = new Set<number>();

/**
 * Claims pending deliveries (oldest first; `SKIP LOCKED` and a lease let several appliers, in one
 * process or several, share the queue), applies them together in one transaction
 * (applyWebhookRound; should that fail, each alone, so one bad delivery cannot hold back the
 * rest), derives their incidents' facts once, and only then writes the verdicts: a crash anywhere
 * before leaves the deliveries pending, and the next start applies them again. Returns what the
 * round did; `claimed` 0 means the queue is empty.
 */
export async function applyPendingDeliveries(
  db: PrismaClient,
  options: ApplyPendingOptions = {},
): Promise<ApplyPendingResult> {
  const limit = options.limit ?? 200;
  const leaseMs = options.leaseMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 5;
  if (stranded.size > 0) {
    const ids = [...stranded];
    await db.$executeRaw(Prisma.sql`
      UPDATE webhook_deliveries SET claimed_until = NULL
      WHERE id = ANY(${ids}::int4[]) AND verdict = 'pending'`);
    for (const id of ids) stranded.delete(id);
  }
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
  claimed.sort((a, b) => a.id - b.id);
  for (const delivery of claimed) stranded.add(delivery.id);

  const outcomes = await applyClaimed(db, claimed, options.parallelism ?? 4);
  const incidentIds = [...outcomes.values()].flatMap((outcome) =>
    "verdict" in outcome ? outcome.incidentIds : [],
  );
  try {
    if (incidentIds.length > 0) {
      await deriveIncidentFacts(db, incidentIds, { retryUnresolvedNotifications: false });
    }
  } catch (error) {
    // Nothing is marked: every claimed delivery is applied again (idempotently) and derived.
    const message = error instanceof Error ? error.message : String(error);
    for (const delivery of claimed) {
      outcomes.set(delivery.id, { error: `deriving incident facts: ${message}` });
    }
  }
  await writeVerdicts(db, claimed, outcomes, maxAttempts, result);
  for (const delivery of claimed) stranded.delete(delivery.id);
  return result;
}

type ClaimedOutcome = DeliveryOutcome | { error: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The round in one transaction; if it fails, each delivery alone, a few at a time. */
async function applyClaimed(
  db: PrismaClient,
  claimed: readonly ClaimedDelivery[],
  parallelism: number,
): Promise<Map<number, ClaimedOutcome>> {
  const outcomes = new Map<number, ClaimedOutcome>();
  const mapped = claimed.map((delivery) => ({
    delivery,
    mapped: mapDeliveryBody(Buffer.from(delivery.body, "base64"), delivery.webhookId),
  }));
  try {
    const applied = await db.$transaction(
      (transaction) =>
        applyWebhookRound(
          transaction,
          mapped.flatMap(({ delivery, mapped }) =>
            mapped.ok ? [{ id: delivery.id, events: applicableEvents(mapped) }] : [],
          ),
        ),
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
    for (const { delivery, mapped: body } of mapped) {
      outcomes.set(
        delivery.id,
        body.ok
          ? outcomeOf(body, applied.get(delivery.id) ?? [])
          : { verdict: "rejected", reason: body.reason, changes: [], incidentIds: [] },
      );
    }
    return outcomes;
  } catch (error) {
    if (claimed.length > 1) {
      console.warn(
        `webhook applier: a round of ${claimed.length} failed (${messageOf(error)}); applying each alone`,
      );
    }
  }
  // Each waits on PostgreSQL most of its time. Events of one incident still take turns (the
  // advisory lock in applyWebhookEvent).
  const queue = [...claimed];
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
        outcomes.set(delivery.id, { error: messageOf(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: parallelism }, worker));
  return outcomes;
}

/** Each delivery's verdict, or its retry or failure, in one statement. */
async function writeVerdicts(
  db: PrismaClient,
  claimed: readonly ClaimedDelivery[],
  outcomes: ReadonlyMap<number, ClaimedOutcome>,
  maxAttempts: number,
  result: ApplyPendingResult,
): Promise<void> {
  const rows = claimed.map((delivery) => {
    const outcome = outcomes.get(delivery.id) ?? { error: "unknown error" };
    if ("verdict" in outcome) {
      result[outcome.verdict] += 1;
      return {
        id: delivery.id,
        verdict: outcome.verdict,
        reason: outcome.reason,
        changes: outcome.changes.length > 0 ? JSON.stringify(outcome.changes) : null,
        retryAfterSeconds: null,
      };
    }
    console.error(
      `webhook delivery ${delivery.id}: apply attempt ${delivery.attempts} failed: ${outcome.error}`,
    );
    if (delivery.attempts >= maxAttempts) {
      result.failed += 1;
      return {
        id: delivery.id,
        verdict: "failed",
        reason: `apply failed ${delivery.attempts} times; last error: ${outcome.error}`,
        changes: null,
        retryAfterSeconds: null,
      };
    }
    result.retrying += 1;
    return {
      id: delivery.id,
      verdict: "pending",
      reason: `attempt ${delivery.attempts} failed (${outcome.error}); retrying`,
      changes: null,
      retryAfterSeconds: (RETRY_BACKOFF_MS * delivery.attempts) / 1000,
    };
  });
  await db.$executeRaw(Prisma.sql`
    UPDATE webhook_deliveries AS d SET verdict = u.verdict::webhook_verdict,
      verdict_reason = u.reason,
      applied_at = CASE WHEN u.verdict IN ('pending', 'failed') THEN d.applied_at ELSE now() END,
      claimed_until = CASE WHEN u.retry IS NULL THEN NULL
                           ELSE now() + make_interval(secs => u.retry) END,
      changes = CASE WHEN u.verdict IN ('pending', 'failed') THEN d.changes ELSE u.changes END
    FROM unnest(
      ${rows.map((row) => row.id)}::int4[],
      ${rows.map((row) => row.verdict)}::text[],
      ${rows.map((row) => row.reason)}::text[],
      ${rows.map((row) => row.changes)}::jsonb[],
      ${rows.map((row) => row.retryAfterSeconds)}::float8[]
    ) AS u(id, verdict, reason, changes, retry)
    WHERE d.id = u.id`);
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
