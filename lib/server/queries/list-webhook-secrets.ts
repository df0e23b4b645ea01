import { parseEnvironmentSecrets } from "@/importers/pagerduty/webhooks/webhook-secrets";
import type { PrismaClient } from "@/lib/server/database/prisma-client";
import { Prisma } from "@/prisma/generated/client/client";

/** A stored signing secret as the browser may see it: never the value, only its last 4 characters. */
export interface WebhookSecretRow {
  id: number;
  label: string;
  /** "…xLFn": enough to match it with PagerDuty's, too little to forge a signature. */
  hint: string;
  createdAt: string;
  /** When a delivery last verified with it; null if none has yet. */
  lastUsedAt: string | null;
}

export interface WebhookSecrets {
  /** Active secrets (not removed), newest first. */
  secrets: WebhookSecretRow[];
  /** Secrets configured in PAGERDUTY_WEBHOOK_SECRETS, which also verify deliveries. */
  environmentSecretCount: number;
}

type SecretRecord = Omit<WebhookSecretRow, "createdAt" | "lastUsedAt"> & {
  createdAt: Date;
  lastUsedAt: Date | null;
};

/** The hint is cut in SQL so the secret value never reaches the server process, let alone the page. */
export const webhookSecretColumns = Prisma.sql`
  id,
  label,
  '…' || right(secret, 4) AS hint,
  created_at AS "createdAt",
  last_used_at AS "lastUsedAt"`;

export function toWebhookSecretRow(record: SecretRecord): WebhookSecretRow {
  return {
    ...record,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
  };
}

/** The number of non-empty entries in a comma-separated PAGERDUTY_WEBHOOK_SECRETS value. */
export function countEnvironmentSecrets(environmentSecrets: string | undefined): number {
  return parseEnvironmentSecrets(environmentSecrets).length;
}

/**
 * The active webhook secrets and how many more the environment provides. The caller passes the
 * environment's value (`readEnvironment().PAGERDUTY_WEBHOOK_SECRETS`) so this stays a plain read.
 */
export async function listWebhookSecrets(
  db: PrismaClient,
  environmentSecrets: string | undefined,
): Promise<WebhookSecrets> {
  const records = await db.$queryRaw<SecretRecord[]>(Prisma.sql`
    SELECT ${webhookSecretColumns}
    FROM webhook_secrets
    WHERE revoked_at IS NULL
    ORDER BY created_at DESC, id DESC`);
  return {
    secrets: records.map(toWebhookSecretRow),
    environmentSecretCount: countEnvironmentSecrets(environmentSecrets),
  };
}
