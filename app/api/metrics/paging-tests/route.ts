import { authorizeReportScope } from "@/lib/server/access/authorize-report-scope";
import { getDb } from "@/lib/server/db";
import { parseQuery } from "@/lib/server/http/api-error";
import { authorizedRoute } from "@/lib/server/http/authorized-route";
import { listPagingTests } from "@/lib/server/queries/list-paging-tests";
import { reportAudience, scopePagingTests } from "@/lib/server/report/scope-report";
import { reportRange } from "@/lib/shared/report-filters";
import { reportQuerySchema } from "@/lib/shared/report-query";

export const dynamic = "force-dynamic";

/**
 * Paging-test readiness: each test incident in the range with who it paged and how fast it was
 * acknowledged, and per person tests, acknowledgements and median seconds to acknowledge.
 * `GET /api/metrics/paging-tests?from=2026-07-01&to=2026-10-01&tz=Europe/Stockholm&team=…`
 * Who was paged is shown as in the report (`peopleShown`).
 */
export const GET = authorizedRoute(async (request, viewer) => {
  const filters = parseQuery(reportQuerySchema, request.url);
  const db = getDb();
  const team = await authorizeReportScope(db, viewer, { team: filters.team });
  const [pagingTests, audience] = await Promise.all([
    listPagingTests(db, filters),
    reportAudience(db, viewer, team),
  ]);
  return Response.json({ range: reportRange(filters), ...scopePagingTests(pagingTests, audience) });
});
