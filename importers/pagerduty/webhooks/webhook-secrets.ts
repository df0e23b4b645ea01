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

/** The environment's secrets usable on the shared URL (all) or on a subscription's URL. */
function environmentSecretsFor(
  subscription: string | null,
  environmentValue: string | undefined,
): WebhookSecret[] {
  return parseEnvironmentSecrets(environmentValue).filter(
    (secret) => subscription === null || secret.label === "env" || secret.label === subscription,
  );
}

async function loadSavedWebhookSecrets(
  db: PrismaClient,
  subscription: string | null,
): Promise<WebhookSecret[]> {
  const scope = subscription === null ? Prisma.empty : Prisma.sql`AND label = ${subscription}`;
  return db.$queryRaw<{ id: number; label: string; secret: string }[]>(Prisma.sql`
    SELECT id, label, secret FROM webhook_secrets WHERE revoked_at IS NULL ${scope} ORDER BY id DESC`);
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
  return [
    ...environmentSecretsFor(subscription, environmentValue),
    ...(await loadSavedWebhookSecrets(db, subscription)),
  ];
}

/** How long a server process reuses the saved secrets it read: a revoke elsewhere waits this long. */
export const SAVED_SECRETS_TTL_MS = 5_000;

interface CachedSecrets {
  readAt: number;
  epoch: number;
  secrets: Promise<WebhookSecret[]>;
}

// Per database client and subscription: the receiver reads them once per few seconds, not per
// request (a SELECT per delivery is a tenth of the receiver's time under a burst). Kept on
// globalThis: the production server loads this module twice (its webhook fast path, and Next's
// bundle where the Data page saves and revokes secrets), and a save in one must reach the other.
interface SecretsCache {
  byClient: WeakMap<PrismaClient, Map<string | null, CachedSecrets>>;
  /** Bumped when a secret is saved or revoked: every cached read is stale then. */
  epoch: number;
  lastMarkedAt: Map<number, number>;
}
const globalForSecrets = globalThis as unknown as { fairshiftWebhookSecrets?: SecretsCache };
globalForSecrets.fairshiftWebhookSecrets ??= {
  byClient: new WeakMap(),
  epoch: 0,
  lastMarkedAt: new Map(),
};
const cache = globalForSecrets.fairshiftWebhookSecrets;

/**
 * loadWebhookSecrets with the saved secrets kept for SAVED_SECRETS_TTL_MS (the environment's are
 * read every time). Saving or revoking a secret in this process forgets them at once (other
 * replicas keep theirs for up to SAVED_SECRETS_TTL_MS).
 */
export async function loadCachedWebhookSecrets(
  db: PrismaClient,
  subscription: string | null,
  environmentValue: string | undefined,
  now = Date.now(),
): Promise<WebhookSecret[]> {
  let bySubscription = cache.byClient.get(db);
  if (!bySubscription) {
    bySubscription = new Map();
    cache.byClient.set(db, bySubscription);
  }
  let cached = bySubscription.get(subscription);
  if (!cached || cached.epoch !== cache.epoch || now - cached.readAt > SAVED_SECRETS_TTL_MS) {
    const secrets = loadSavedWebhookSecrets(db, subscription);
    cached = { readAt: now, epoch: cache.epoch, secrets };
    bySubscription.set(subscription, cached);
    // A failed read (database down) is not kept: the next request tries again.
    secrets.catch(() => {
      if (bySubscription.get(subscription) === cached) bySubscription.delete(subscription);
    });
  }
  return [...environmentSecretsFor(subscription, environmentValue), ...(await cached.secrets)];
}

/** After a secret is saved or revoked: the next delivery reads them again. */
export function forgetCachedWebhookSecrets(): void {
  cache.epoch += 1;
  cache.lastMarkedAt.clear();
}

const MARK_EVERY_MS = 60_000;

/** Shows on the Data page which secret PagerDuty signs with (at most one write a minute). */
export async function markSecretUsed(db: PrismaClient, secret: WebhookSecret): Promise<void> {
  if (secret.id === null) return;
  // The UPDATE below would skip it anyway: this spares the statement on every delivery.
  const now = Date.now();
  if (now - (cache.lastMarkedAt.get(secret.id) ?? 0) < MARK_EVERY_MS) return;
  cache.lastMarkedAt.set(secret.id, now);
  await db.$executeRaw(Prisma.sql`
    UPDATE webhook_secrets SET last_used_at = now()
    WHERE id = ${secret.id} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`);
}
