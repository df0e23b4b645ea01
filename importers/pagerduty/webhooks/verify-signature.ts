import { createHmac, timingSafeEqual } from "node:crypto";

/** A secret a delivery may be signed with; `label` names it in the log (never the value). */
export interface WebhookSecret {
  label: string;
  secret: string;
  /** Database id of a secret saved on the Data page; null for one from PAGERDUTY_WEBHOOK_SECRETS. */
  id: number | null;
}

export type SignatureCheck = { ok: true; secret: WebhookSecret } | { ok: false; reason: string };

const SIGNATURE_BYTES = 32;

/** The `v1=<hex>` values of an `X-PagerDuty-Signature` header; other versions are skipped. */
export function readSignatures(header: string): Buffer[] {
  return header
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .map((part) => part.slice(3))
    .filter((hex) => /^[0-9a-f]{64}$/i.test(hex))
    .map((hex) => Buffer.from(hex, "hex"));
}

/**
 * PagerDuty signs the raw body with HMAC-SHA256 under the subscription's secret and sends one
 * `v1=` value per active secret (two while a secret is rotated): any match is valid. Compared in
 * constant time so a forger learns nothing from how long a refusal takes.
 */
export function verifySignature(
  body: Uint8Array,
  header: string | null,
  secrets: readonly WebhookSecret[],
): SignatureCheck {
  if (header === null || header.trim() === "") {
    return { ok: false, reason: "X-PagerDuty-Signature header is missing" };
  }
  const signatures = readSignatures(header);
  if (signatures.length === 0) {
    return {
      ok: false,
      reason: "X-PagerDuty-Signature has no v1=<64 hex digits> value",
    };
  }
  if (secrets.length === 0) {
    return {
      ok: false,
      reason:
        "no webhook secret is configured: paste the subscription's secret on the Data page or set PAGERDUTY_WEBHOOK_SECRETS",
    };
  }
  for (const secret of secrets) {
    const expected = createHmac("sha256", secret.secret).update(body).digest();
    for (const signature of signatures) {
      if (signature.length === SIGNATURE_BYTES && timingSafeEqual(signature, expected)) {
        return { ok: true, secret };
      }
    }
  }
  return {
    ok: false,
    reason: `the signature matches none of the ${secrets.length} active secret${secrets.length === 1 ? "" : "s"} (signed with another secret, or the body was changed on the way)`,
  };
}

/** What PagerDuty would send: `v1=<hex>` for each secret, comma-separated (tests, benchmarks). */
export function signBody(body: Uint8Array | string, secrets: readonly string[]): string {
  return secrets
    .map((secret) => `v1=${createHmac("sha256", secret).update(body).digest("hex")}`)
    .join(",");
}
