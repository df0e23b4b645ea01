import { handleWebhookRequest } from "@/lib/server/webhooks/handle-webhook-request";

export const dynamic = "force-dynamic";

/** `POST /api/webhooks/pagerduty`: PagerDuty v3 (and legacy v2) webhooks, any active secret. */
export function POST(request: Request): Promise<Response> {
  return handleWebhookRequest(request, null);
}
