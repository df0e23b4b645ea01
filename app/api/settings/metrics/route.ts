import { getDb } from "@/lib/server/db";
import { ApiError, withApiErrors } from "@/lib/server/http/api-error";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { saveMetricSettings } from "@/lib/server/queries/save-metric-settings";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";

export const dynamic = "force-dynamic";

/** The settings in force, and the product defaults the settings form offers to reset to. */
export const GET = withApiErrors(async () => {
  const settings = await getMetricSettings(getDb());
  return Response.json({ settings, defaults: DEFAULT_METRIC_SETTINGS });
});

/**
 * Saves the submitted fields over the stored settings (a partial document is fine) and, when the
 * detection rules changed, re-labels incidents; answers the settings in force and the counts.
 */
export const PUT = withApiErrors(async (request: Request) => {
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  return Response.json(await saveMetricSettings(getDb(), body));
});
