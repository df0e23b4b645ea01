import { requireDataAdmin } from "@/lib/server/access/authorize";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { getDb } from "@/lib/server/db";
import { readEnvironment } from "@/lib/server/env";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { listWebhookSecrets } from "@/lib/server/queries/list-webhook-secrets";
import { saveWebhookSecret } from "@/lib/server/webhooks/save-webhook-secret";
import { saveWebhookSecretSchema } from "@/lib/shared/webhook-requests";

export const dynamic = "force-dynamic";

/**
 * `GET /api/webhooks/secrets` (admin): the active signing secrets (label and last-4 hint, never the
 * value) and how many PAGERDUTY_WEBHOOK_SECRETS adds.
 */
export const GET = authorizedRoute(async (_request, viewer) => {
  requireDataAdmin(viewer);
  const { PAGERDUTY_WEBHOOK_SECRETS } = readEnvironment();
  return Response.json(await listWebhookSecrets(getDb(), PAGERDUTY_WEBHOOK_SECRETS));
});

/** `POST /api/webhooks/secrets` `{label?, secret}` (admin): saves a signing secret; 201 with its hint. */
export const POST = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  const db = getDb();
  const secret = await saveWebhookSecret(db, saveWebhookSecretSchema.parse(body));
  // The hint only: the audit trail never holds a secret.
  await recordAudit(db, {
    actor: { userId: viewer.userId, label: viewer.email },
    action: "webhook-secret.saved",
    subjectType: "webhook-secret",
    subjectId: secret.id,
    before: null,
    after: { label: secret.label, hint: secret.hint },
  });
  return Response.json(secret, { status: 201 });
});
