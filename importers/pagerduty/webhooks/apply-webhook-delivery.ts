import type { PrismaClient } from "@/lib/server/database/prisma-client";
import type { WebhookVerdict } from "@/prisma/generated/client/client";
import {
  type ApplicableEvent,
  type AppliedEvent,
  applyWebhookEvent,
  type EventChanges,
} from "./apply-webhook-event";
import {
  type EventSummary,
  type MappedWebhookEvent,
  mapWebhookEvent,
  mapWebhookMessage,
  NO_SUMMARY,
} from "./map-webhook-event";
import { parseWebhookBody } from "./parse-webhook-body";

export interface DeliveryOutcome {
  verdict: Exclude<WebhookVerdict, "pending">;
  reason: string | null;
  /** One entry per applied event (v2 bodies may hold several). */
  changes: EventChanges[];
  /** Incidents whose derived facts (detection, time in lieu) need recomputing. */
  incidentIds: number[];
}

export const TRANSACTION_TIMEOUT_MS = 60_000;

export type MappedDelivery =
  | { ok: true; events: MappedWebhookEvent[]; summary: EventSummary }
  | { ok: false; status: 400 | 422; reason: string };

/**
 * The events of a body, mapped, with what the delivery log shows of it (its first event; a v2
 * body of several messages says how many). `webhookId` stands in for a v3 event without an id.
 */
export function mapDeliveryBody(body: Uint8Array, webhookId: string | null): MappedDelivery {
  const parsed = parseWebhookBody(body);
  if (!parsed.ok) return parsed;
  const events =
    parsed.version === 3
      ? [mapWebhookEvent(parsed.events[0], webhookId)]
      : parsed.events.map((message) => mapWebhookMessage(message));
  const [first] = events;
  const summary: EventSummary = {
    ...(first ? ("facts" in first ? first.facts : first.summary) : NO_SUMMARY),
  };
  if (events.length > 1) summary.eventType = `${events.length} v2 messages`;
  return { ok: true, events, summary };
}

/** A delivery's applicable events (the ones applyWebhookEvent takes), in body order. */
export function applicableEvents(mapped: MappedDelivery & { ok: true }): ApplicableEvent[] {
  return mapped.events.filter((event): event is ApplicableEvent => event.outcome === "apply");
}

/**
 * The verdict of a delivery from what its events did: applied when any event changed the data,
 * duplicate when every applicable event was applied before, ignored when none is applicable,
 * rejected when an event cannot be read.
 */
export function outcomeOf(
  mapped: MappedDelivery & { ok: true },
  results: readonly AppliedEvent[],
): DeliveryOutcome {
  const rejected = mapped.events.flatMap((event) =>
    event.outcome === "reject" ? [event.reason] : [],
  );
  const ignored = mapped.events.flatMap((event) =>
    event.outcome === "ignore" ? [event.reason] : [],
  );
  const changes = results.flatMap((result) =>
    result.verdict === "applied" ? [result.changes] : [],
  );
  const duplicates = results.flatMap((result) =>
    result.verdict === "duplicate"
      ? [`already applied from delivery ${result.firstDeliveryId}`]
      : [],
  );
  const reasons = [...rejected, ...ignored, ...duplicates];
  const reason = reasons.length > 0 ? reasons.join("; ") : null;
  const incidentIds = [
    ...new Set(
      results.flatMap((result) => (result.verdict === "applied" ? [result.incidentId] : [])),
    ),
  ];
  if (changes.length > 0) return { verdict: "applied", reason, changes, incidentIds };
  if (duplicates.length > 0) return { verdict: "duplicate", reason, changes, incidentIds };
  if (rejected.length > 0) return { verdict: "rejected", reason, changes, incidentIds };
  return { verdict: "ignored", reason, changes, incidentIds };
}

/**
 * Applies a stored delivery's events in one transaction: all of them or, after a crash, none
 * (the delivery stays pending and is applied again; its own ledger rows do not make it a
 * duplicate). The applier applies rounds of deliveries together (applyWebhookRound); this one
 * delivery at a time path serves replays and a round that failed.
 */
export async function applyWebhookDelivery(
  db: PrismaClient,
  deliveryId: number,
  body: Uint8Array,
  webhookId: string | null,
): Promise<DeliveryOutcome> {
  const mapped = mapDeliveryBody(body, webhookId);
  if (!mapped.ok) {
    return { verdict: "rejected", reason: mapped.reason, changes: [], incidentIds: [] };
  }
  const applicable = applicableEvents(mapped);
  const results = await db.$transaction(
    async (transaction) => {
      const applied = [];
      for (const event of applicable) {
        applied.push(await applyWebhookEvent(transaction, deliveryId, event));
      }
      return applied;
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
  );
  return outcomeOf(mapped, results);
}
