import { getDb } from "@/lib/server/db";
import { ApiError, withApiErrors } from "@/lib/server/http/api-error";
import { revokeWebhookSecret } from "@/lib/server/webhooks/revoke-webhook-secret";

export const dynamic = "force-dynamic";

/** `DELETE /api/webhooks/secrets/{id}`: stops the secret verifying deliveries. */
export const DELETE = withApiErrors(
  async (_request: Request, context: { params: Promise<{ id: string }> }) => {
    const { id } = await context.params;
    const secretId = Number(id);
    // Ids are int4: anything else cannot name a secret.
    if (!/^\d+$/.test(id) || secretId <= 0 || secretId > 2_147_483_647) {
      throw new ApiError("bad_request", `"${id}" is not a webhook secret id.`);
    }
    await revokeWebhookSecret(getDb(), secretId);
    return Response.json({ revoked: secretId });
  },
);
