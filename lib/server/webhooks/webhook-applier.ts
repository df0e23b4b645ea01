import {
  type ApplyPendingResult,
  applyPendingDeliveries,
} from "@/importers/pagerduty/webhooks/apply-pending-deliveries";
import type { PrismaClient } from "@/lib/server/database/prisma-client";

// Catches deliveries whose apply was retried or whose applier died mid-way (their lease ran out).
const SWEEP_EVERY_MS = 15_000;
// Deliveries arrived this recently: the server is answering a burst.
const BUSY_WINDOW_MS = 250;
// While it is, the applier rests half as long as its last round took (much of a round is spent
// waiting on PostgreSQL), so answering keeps a share of the event loop: PagerDuty's latency
// matters more than how soon a change shows. A full round's length left it behind the answers
// once they moved off Next's pipeline (0.88× of the rate answered).
const REST_SHARE_WHILE_BUSY = 0.5;
const MAX_REST_MS = 1_000;
// A kick waits this long before the round starts, so deliveries arriving a few apart are applied
// together: a round costs some 30 statements however many deliveries it holds.
const GATHER_MS = 50;

interface ApplierState {
  running: Promise<void> | null;
  isKickedAgain: boolean;
  lastKickedAt: number;
  sweep: NodeJS.Timeout | null;
}

// One applier per server process, kept across hot reloads in development.
const globalForApplier = globalThis as unknown as { fairshiftWebhookApplier?: ApplierState };
globalForApplier.fairshiftWebhookApplier ??= {
  running: null,
  isKickedAgain: false,
  lastKickedAt: 0,
  sweep: null,
};
const state = globalForApplier.fairshiftWebhookApplier;

/** How long to rest after a round that took `roundMs`, given when a delivery last arrived. */
export function restAfterRound(roundMs: number, lastKickedAt: number, now: number): number {
  if (now - lastKickedAt > BUSY_WINDOW_MS) return 0;
  return Math.min(MAX_REST_MS, Math.round(roundMs * REST_SHARE_WHILE_BUSY));
}

/**
 * Applies pending webhook deliveries until none is left, in rounds (a round applies up to a few
 * hundred deliveries together). Kicks while it runs coalesce into one more pass; while deliveries
 * keep arriving, it rests between rounds so the answers are not starved.
 */
export function kickWebhookApplier(db: PrismaClient): Promise<void> {
  state.lastKickedAt = Date.now();
  return runApplier(db, GATHER_MS);
}

function runApplier(db: PrismaClient, gatherMs = 0): Promise<void> {
  if (state.running) {
    state.isKickedAgain = true;
    return state.running;
  }
  state.running = (async () => {
    try {
      if (gatherMs > 0) await new Promise((resolve) => setTimeout(resolve, gatherMs));
      do {
        state.isKickedAgain = false;
        for (;;) {
          const started = Date.now();
          const round = await applyPendingDeliveries(db);
          report(round);
          if (round.claimed === 0 || round.claimed === round.retrying) break;
          const rest = restAfterRound(Date.now() - started, state.lastKickedAt, Date.now());
          if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
        }
      } while (state.isKickedAgain);
    } catch (error) {
      console.error("webhook applier: a round failed; the sweep retries", error);
    } finally {
      state.running = null;
    }
  })();
  return state.running;
}

function report(round: ApplyPendingResult): void {
  if (round.failed > 0 || round.retrying > 0) {
    console.warn(
      `webhook applier: ${round.failed} deliveries failed, ${round.retrying} wait to retry`,
    );
  }
}

/**
 * At server start: applies what an earlier process stored but did not apply (a crash or restart
 * between answering PagerDuty and applying), then sweeps every 15 s for retries.
 */
export function startWebhookApplier(db: PrismaClient): void {
  if (state.sweep) return;
  void runApplier(db);
  state.sweep = setInterval(() => void runApplier(db), SWEEP_EVERY_MS);
  state.sweep.unref();
}
