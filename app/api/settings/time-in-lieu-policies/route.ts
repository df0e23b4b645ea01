import { DEFAULT_TIME_IN_LIEU_POLICY } from "@/lib/metrics/time-in-lieu";
import { requireDataAdmin } from "@/lib/server/access/authorize";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { getDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getMetricSettings } from "@/lib/server/queries/get-metric-settings";
import { listCatalog } from "@/lib/server/queries/list-catalog";
import { listTimeInLieuPolicies } from "@/lib/server/queries/list-time-in-lieu-policies";
import { saveTimeInLieuPolicy } from "@/lib/server/queries/save-time-in-lieu-policy";
import { hasAnyRole, visibleTeamIds } from "@/lib/shared/access-policy";

export const dynamic = "force-dynamic";

/**
 * `GET /api/settings/time-in-lieu-policies` (any account with a role): every version of the
 * policies of the teams the viewer sees and of the organisation default (teamId null), oldest
 * first, with those teams, the product defaults and the account zone the dates are read in.
 */
export const GET = authorizedRoute(async (_request, viewer) => {
  if (!hasAnyRole(viewer)) {
    throw new ApiError("forbidden", "Your account has no role yet: ask an admin to grant you one.");
  }
  const db = getDb();
  const visible = visibleTeamIds(viewer);
  const [policies, catalog, settings] = await Promise.all([
    listTimeInLieuPolicies(db),
    listCatalog(db, visible),
    getMetricSettings(db),
  ]);
  return Response.json({
    policies: policies.filter(
      (policy) => policy.teamId === null || visible === "all" || visible.includes(policy.teamId),
    ),
    teams: catalog.teams.map(({ id, name }) => ({ id, name })),
    defaults: DEFAULT_TIME_IN_LIEU_POLICY,
    accountTimeZone: settings.accountTimeZone,
  });
});

/**
 * `POST /api/settings/time-in-lieu-policies` `{teamId, effectiveFrom: "2026-07-01", …}` (admin): a
 * new version of the policy from that date on; accruals from then on are derived again. The
 * version it replaced (if any) and the new one go to the audit trail.
 */
export const POST = authorizedRoute(async (request, viewer) => {
  requireDataAdmin(viewer);
  const body: unknown = await request.json().catch(() => {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  });
  const db = getDb();
  const earlier = await listTimeInLieuPolicies(db);
  const saved = await saveTimeInLieuPolicy(db, body);
  const { teamId, effectiveFrom } = saved.policy;
  const before = earlier.find(
    (policy) =>
      policy.teamId === teamId && policy.effectiveFrom.getTime() === effectiveFrom.getTime(),
  );
  await recordAudit(db, {
    actor: { userId: viewer.userId, label: viewer.email },
    action: "time-in-lieu-policy.saved",
    subjectType: "time-in-lieu-policy",
    subjectId: `${teamId ?? "default"}@${effectiveFrom.toISOString()}`,
    before: before ?? null,
    after: saved.policy,
  });
  return Response.json(saved, { status: 201 });
});
