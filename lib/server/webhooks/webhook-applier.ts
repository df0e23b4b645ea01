import { drainPendingDeliveries } from "@/importers/pagerduty/webhooks/apply-pending-deliveries";
import type { PrismaClient } from "@/lib/server/database/prisma-client";

// Catches deliveries whose apply was retried or whose applier died mid-way (their lease ran out).
const SWEEP_EVERY_MS = 15_000;

interface ApplierState {
  running: Promise<void> | null;
  isKickedAgain: boolean;
  sweep: NodeJS.Timeout | null;
}

// One applier per server process, kept across hot reloads in development.
const globalForApplier = globalThis as unknown as { fairshiftWebhookApplier?: ApplierState };
globalForApplier.fairshiftWebhookApplier ??= { running: null, isKickedAgain: false, sweep: null };
const state = globalForApplier.fairshiftWebhookApplier;

/**
 * Applies pending webhook deliveries until none is left. Kicks while it runs coalesce into one
 * more pass, so a burst of deliveries is applied in rounds rather than one task per request.
 */
export function kickWebhookApplier(db: PrismaClient): Promise<void> {
  if (state.running) {
    state.isKickedAgain = true;
    return state.running;
  }
  state.running = (async () => {
    try {
      do {
        state.isKickedAgain = false;
        const result = await drainPendingDeliveries(db);
        if (result.failed > 0 || result.retrying > 0) {
          console.warn(
            `webhook applier: ${result.failed} deliveries failed, ${result.retrying} wait to retry`,
          );
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

/**
 * At server start: applies what an earlier process stored but did not apply (a crash or restart
 * between answering PagerDuty and applying), then sweeps every 15 s for retries.
 */
export function startWebhookApplier(db: PrismaClient): void {
  if (state.sweep) return;
  void kickWebhookApplier(db);
  state.sweep = setInterval(() => void kickWebhookApplier(db), SWEEP_EVERY_MS);
  state.sweep.unref();
}
