import { requireDataAdmin } from "@/lib/server/access/authorize";
import { getDb } from "@/lib/server/db";
import { readEnvironment } from "@/lib/server/env";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { getSyncStatus } from "@/lib/server/queries/get-sync-status";
import { isSyncInProgressHere, startPagerDutySync } from "@/lib/server/sync/start-pagerduty-sync";

export const dynamic = "force-dynamic";

/**
 * `GET /api/sync` (admin): the PagerDuty REST sync's status — whether a token is configured (never the
 * token), the latest runs, each resource's checkpoint and how fresh the incident data is.
 */
export const GET = authorizedRoute(async (_request, viewer) => {
  requireDataAdmin(viewer);
  const environment = readEnvironment();
  // A sync started here is still working after its run row says finished: it derives time in lieu.
  // Asked before the runs are read: a sync that finished between the read and the question would
  // otherwise show as done with its derivation not yet in the runs shown.
  const isWorkingHere = isSyncInProgressHere();
  const status = await getSyncStatus(getDb(), {
    isTokenConfigured: Boolean(environment.PAGERDUTY_TOKEN),
    apiUrl: environment.PAGERDUTY_API_URL,
  });
  return Response.json({ ...status, isWorkingHere });
});

/**
 * `POST /api/sync` (admin): starts `fairshift sync pagerduty` in the background; 202 with the run id to
 * follow on `GET /api/sync`, 409 while a sync runs, 422 when PAGERDUTY_TOKEN is not set.
 */
export const POST = authorizedRoute(async (_request, viewer) => {
  requireDataAdmin(viewer);
  const outcome = await startPagerDutySync(getDb(), readEnvironment());
  if (!outcome.isStarted) {
    return Response.json(
      { error: { code: "conflict", message: outcome.message } },
      { status: 409 },
    );
  }
  return Response.json({ runId: outcome.runId }, { status: 202 });
});
