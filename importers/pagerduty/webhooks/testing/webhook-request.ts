/** For tests and benchmarks: a webhook request as PagerDuty would send it. */
import { signBody } from "../verify-signature";

export interface WebhookRequestOptions {
  /** Secrets to sign with; ignored when `signature` is given. */
  secrets?: readonly string[];
  /** The X-PagerDuty-Signature value, or null to send none. */
  signature?: string | null;
  /** null sends no Content-Type. */
  contentType?: string | null;
  webhookId?: string;
  url?: string;
}

export function webhookRequest(
  body: Uint8Array | string,
  options: WebhookRequestOptions = {},
): Request {
  const headers = new Headers();
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  if (contentType !== null) headers.set("content-type", contentType);
  const signature =
    options.signature === undefined ? signBody(body, options.secrets ?? []) : options.signature;
  if (signature !== null) headers.set("x-pagerduty-signature", signature);
  if (options.webhookId) headers.set("x-webhook-id", options.webhookId);
  return new Request(options.url ?? "http://localhost/api/webhooks/pagerduty", {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : Buffer.from(body),
  });
}
