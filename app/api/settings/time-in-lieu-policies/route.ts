import { DEFAULT_TIME_IN_LIEU_POLICY } from "@/lib/metrics/time-in-lieu";
import { getDb } from "@/lib/server/db";
import { ApiError, withApiErrors } from "@/lib/server/http/api-error";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { listCatalog } from "@/lib/server/queries/list-catalog";
import { listTimeInLieuPolicies } from "@/lib/server/queries/list-time-in-lieu-policies";
import { saveTimeInLieuPolicy } from "@/lib/server/queries/save-time-in-lieu-policy";

export const dynamic = "force-dynamic";

/**
 * `GET /api/settings/time-in-lieu-policies`: every version of every team's policy (teamId null:
 * the organisation default), oldest first, with the teams to choose from, the product defaults
 * and the account zone the effective dates are read in.
 */
export const GET = withApiErrors(async () => {
  const db = getDb();
  const [policies, catalog, settings] = await Promise.all([
    listTimeInLieuPolicies(db),
    listCatalog(db),
    getMetricSettings(db),
  ]);
  return Response.json({
    policies,
    teams: catalog.teams.map(({ id, name }) => ({ id, name })),
    defaults: DEFAULT_TIME_IN_LIEU_POLICY,
    accountTimeZone: settings.accountTimeZone,
  });
});

/**
 * `POST /api/settings/time-in-lieu-policies` `{teamId, effectiveFrom: "2026-07-01", …}`: a new
 * version of the policy from that date on; accruals from then on are derived again.
 */
export const POST = withApiErrors(async (request: Request) => {
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  return Response.json(await saveTimeInLieuPolicy(getDb(), body), { status: 201 });
});
