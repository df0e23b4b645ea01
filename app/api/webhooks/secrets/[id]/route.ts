import { requireDataAdmin } from "@/lib/server/access/authorize";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { getDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { revokeWebhookSecret } from "@/lib/server/webhooks/revoke-webhook-secret";

export const dynamic = "force-dynamic";

/** `DELETE /api/webhooks/secrets/{id}` (admin): stops the secret verifying deliveries. */
export const DELETE = authorizedRoute<{ params: Promise<{ id: string }> }>(
  async (_request, viewer, context) => {
    requireDataAdmin(viewer);
    const { id } = await context.params;
    const secretId = Number(id);
    // Ids are int4: anything else cannot name a secret.
    if (!/^\d+$/.test(id) || secretId <= 0 || secretId > 2_147_483_647) {
      throw new ApiError("bad_request", `"${id}" is not a webhook secret id.`);
    }
    const db = getDb();
    await revokeWebhookSecret(db, secretId);
    await recordAudit(db, {
      actor: { userId: viewer.userId, label: viewer.email },
      action: "webhook-secret.revoked",
      subjectType: "webhook-secret",
      subjectId: secretId,
      before: { active: true },
      after: { active: false },
    });
    return Response.json({ revoked: secretId });
  },
);
