import { forgetCachedWebhookSecrets } from "@/importers/pagerduty/webhooks/webhook-secrets";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { ApiError } from "@/lib/server/http/api-error";

/**
 * Stops a secret verifying deliveries. The row stays (revoked_at set) so past deliveries keep the
 * label that verified them; removing it twice answers 404.
 */
export async function revokeWebhookSecret(db: PrismaClient, id: number): Promise<void> {
  const { count } = await db.webhookSecret.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new ApiError("not_found", `No active webhook secret ${id}.`);
  forgetCachedWebhookSecrets();
}
