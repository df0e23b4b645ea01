import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";
import type { WebhookSecret } from "./verify-signature";

/**
 * PAGERDUTY_WEBHOOK_SECRETS: comma-separated secrets, two while one is rotated. An entry may
 * carry a label, `label:secret` (PagerDuty secrets are base64 and never hold a colon), to bind
 * it to the per-subscription URL /api/webhooks/pagerduty/<label>.
 */
export function parseEnvironmentSecrets(value: string | undefined): WebhookSecret[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const colon = entry.indexOf(":");
      return colon > 0
        ? { id: null, label: entry.slice(0, colon).trim(), secret: entry.slice(colon + 1).trim() }
        : { id: null, label: "env", secret: entry };
    });
}

/**
 * The secrets a delivery may be signed with: on the shared URL every active secret; on
 * /api/webhooks/pagerduty/<subscription> only that subscription's (and unlabelled env secrets).
 */
export async function loadWebhookSecrets(
  db: PrismaClient,
  subscription: string | null,
  environmentValue: string | undefined,
): Promise<WebhookSecret[]> {
  const fromEnvironment = parseEnvironmentSecrets(environmentValue).filter(
    (secret) => subscription === null || secret.label === "env" || secret.label === subscription,
  );
  const scope = subscription === null ? Prisma.empty : Prisma.sql`AND label = ${subscription}`;
  const saved = await db.$queryRaw<{ id: number; label: string; secret: string }[]>(Prisma.sql`
    SELECT id, label, secret FROM webhook_secrets WHERE revoked_at IS NULL ${scope} ORDER BY id DESC`);
  return [...fromEnvironment, ...saved];
}

/** Shows on the Data page which secret PagerDuty signs with (at most one write a minute). */
export async function markSecretUsed(db: PrismaClient, secret: WebhookSecret): Promise<void> {
  if (secret.id === null) return;
  await db.$executeRaw(Prisma.sql`
    UPDATE webhook_secrets SET last_used_at = now()
    WHERE id = ${secret.id} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`);
}
