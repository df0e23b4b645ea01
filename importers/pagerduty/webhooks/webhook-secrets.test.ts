import { describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/server/database/prisma-client";

type SecretsModule = typeof import("./webhook-secrets");

/** A client whose only read is the saved secrets, counting how often it is asked. */
function countingClient(): { db: PrismaClient; reads: () => number } {
  let reads = 0;
  const db = {
    $queryRaw: async () => {
      reads += 1;
      return [{ id: 1, label: "eu", secret: "saved-secret" }];
    },
  } as unknown as PrismaClient;
  return { db, reads: () => reads };
}

async function freshCopy(): Promise<SecretsModule> {
  vi.resetModules();
  return import("./webhook-secrets");
}

describe("loadCachedWebhookSecrets", () => {
  it("reads the saved secrets once per few seconds, and again after the TTL", async () => {
    const secrets = await freshCopy();
    secrets.forgetCachedWebhookSecrets();
    const { db, reads } = countingClient();
    const at = 1_000_000;
    const first = await secrets.loadCachedWebhookSecrets(db, null, "env-secret", at);
    expect(first.map((secret) => secret.secret)).toEqual(["env-secret", "saved-secret"]);
    await secrets.loadCachedWebhookSecrets(db, null, "env-secret", at + 4_999);
    expect(reads()).toBe(1);
    await secrets.loadCachedWebhookSecrets(db, null, "env-secret", at + 5_001);
    expect(reads()).toBe(2);
  });

  // The production server loads this module twice: its webhook fast path, and Next's bundle,
  // where the Data page saves and revokes secrets.
  it("forgets them in every copy of the module when a secret is saved or revoked in one", async () => {
    const fastPath = await freshCopy();
    const nextBundle = await freshCopy();
    expect(fastPath).not.toBe(nextBundle);
    const { db, reads } = countingClient();
    const at = 2_000_000;
    await fastPath.loadCachedWebhookSecrets(db, "eu", undefined, at);
    await nextBundle.loadCachedWebhookSecrets(db, "eu", undefined, at + 1);
    expect(reads()).toBe(1);
    nextBundle.forgetCachedWebhookSecrets();
    await fastPath.loadCachedWebhookSecrets(db, "eu", undefined, at + 2);
    expect(reads()).toBe(2);
  });
});
