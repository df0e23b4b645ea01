import { requireDataAdmin } from "@/lib/server/access/authorize";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { getDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { saveMetricSettings } from "@/lib/server/queries/save-metric-settings";
import { hasAnyRole } from "@/lib/shared/access-policy";
import { DEFAULT_METRIC_SETTINGS } from "@/lib/shared/metric-settings";

export const dynamic = "force-dynamic";

/**
 * The settings in force, and the product defaults the settings form offers to reset to; for any
 * account with a role, since the definitions next to the numbers show these thresholds.
 */
export const GET = authorizedRoute(async (_request, viewer) => {
  if (!hasAnyRole(viewer)) {
    throw new ApiError("forbidden", "Your account has no role yet: ask an admin to grant you one.");
  }
  const settings = await getMetricSettings(getDb());
  return Response.json({ settings, defaults: DEFAULT_METRIC_SETTINGS });
});

/**
 * Saves the submitted fields over the stored settings (a partial document is fine) and, when the
 * detection rules changed, re-labels incidents; answers the settings in force and the counts.
 * Admin only; the before and after settings go to the audit trail.
 */
export const PUT = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  const db = getDb();
  const before = await getMetricSettings(db);
  const saved = await saveMetricSettings(db, body, viewer.email);
  await recordAudit(db, {
    actor: { userId: viewer.userId, label: viewer.email },
    action: "settings.saved",
    subjectType: "settings",
    subjectId: "metrics",
    before,
    after: saved.settings,
  });
  return Response.json(saved);
});
