import { getDb } from "@/lib/server/db";
import { readEnvironment } from "@/lib/server/env";
import { ApiError, withApiErrors } from "@/lib/server/http/api-error";
import { listWebhookSecrets } from "@/lib/server/queries/list-webhook-secrets";
import { saveWebhookSecret } from "@/lib/server/webhooks/save-webhook-secret";
import { saveWebhookSecretSchema } from "@/lib/shared/webhook-requests";

export const dynamic = "force-dynamic";

/**
 * `GET /api/webhooks/secrets`: the active signing secrets (label and last-4 hint, never the
 * value) and how many PAGERDUTY_WEBHOOK_SECRETS adds.
 */
export const GET = withApiErrors(async () => {
  const { PAGERDUTY_WEBHOOK_SECRETS } = readEnvironment();
  return Response.json(await listWebhookSecrets(getDb(), PAGERDUTY_WEBHOOK_SECRETS));
});

/** `POST /api/webhooks/secrets` `{label?, secret}`: saves a signing secret; 201 with its hint. */
export const POST = withApiErrors(async (request: Request) => {
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  const secret = await saveWebhookSecret(getDb(), saveWebhookSecretSchema.parse(body));
  return Response.json(secret, { status: 201 });
});
