import { handleWebhookRequest } from "@/lib/server/webhooks/handle-webhook-request";

export const dynamic = "force-dynamic";

const SUBSCRIPTION = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * `POST /api/webhooks/pagerduty/<subscription>`: one URL per PagerDuty account or subscription,
 * verified only with the secrets saved under that label.
 */
export async function POST(
  request: Request,
  context: { params: Promise<{ subscription: string }> },
): Promise<Response> {
  const { subscription } = await context.params;
  if (!SUBSCRIPTION.test(subscription)) {
    return Response.json(
      {
        error: {
          code: "not_found",
          message: `No webhook subscription "${subscription}": labels are lower-case letters, digits and dashes.`,
        },
      },
      { status: 404 },
    );
  }
  return handleWebhookRequest(request, subscription);
}
