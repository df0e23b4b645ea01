/**
 * Runs once when the server starts: the webhook applier picks up deliveries an earlier process
 * stored but did not apply, then keeps sweeping for retries.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const [{ getDb }, { startWebhookApplier }] = await Promise.all([
    import("@/lib/server/db"),
    import("@/lib/server/webhooks/webhook-applier"),
  ]);
  startWebhookApplier(getDb());
}
