import { forgetCachedWebhookSecrets } from "@/importers/pagerduty/webhooks/webhook-secrets";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { ApiError } from "@/lib/server/http/api-error";
import {
  toWebhookSecretRow,
  type WebhookSecretRow,
  webhookSecretColumns,
} from "@/lib/server/queries/list-webhook-secrets";
import type { SaveWebhookSecretInput } from "@/lib/shared/webhook-requests";
import { Prisma } from "@/prisma/generated/client/client";

/**
 * Stores a signing secret to verify PagerDuty deliveries with. Several may be active at once
 * (rotation: add the new one, let PagerDuty switch, remove the old one), but the same value only
 * once. The duplicate check and the insert are one statement so two quick submits cannot both pass.
 */
export async function saveWebhookSecret(
  db: PrismaClient,
  input: SaveWebhookSecretInput,
): Promise<WebhookSecretRow> {
  const [created] = await db.$queryRaw<Parameters<typeof toWebhookSecretRow>[0][]>(Prisma.sql`
    INSERT INTO webhook_secrets (label, secret)
    SELECT ${input.label}, ${input.secret}
    WHERE NOT EXISTS (
      SELECT 1 FROM webhook_secrets WHERE secret = ${input.secret} AND revoked_at IS NULL
    )
    RETURNING ${webhookSecretColumns}`);
  if (!created) {
    throw new ApiError(
      "unprocessable",
      "This secret is already saved. To rotate, add PagerDuty's new secret, then remove the old one.",
    );
  }
  forgetCachedWebhookSecrets();
  return toWebhookSecretRow(created);
}
