import {
  unknownSubscriptionAnswer,
  WEBHOOK_SUBSCRIPTION_LABEL,
} from "@/lib/server/webhooks/answer-webhook";
import { handleWebhookRequest } from "@/lib/server/webhooks/handle-webhook-request";

export const dynamic = "force-dynamic";

/**
 * `POST /api/webhooks/pagerduty/<subscription>`: one URL per PagerDuty account or subscription,
 * verified only with the secrets saved under that label.
 */
export async function POST(
  request: Request,
  context: { params: Promise<{ subscription: string }> },
): Promise<Response> {
  const { subscription } = await context.params;
  if (!WEBHOOK_SUBSCRIPTION_LABEL.test(subscription)) {
    const answer = unknownSubscriptionAnswer(subscription);
    return Response.json(answer.body, {
      status: answer.status,
      headers: answer.headers,
    });
  }
  return handleWebhookRequest(request, subscription);
}
